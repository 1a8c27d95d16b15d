package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.FileSystemException;

/**
 * Thrown when a DAG cannot be read as UnixFS: a block that does not decode, sizes that disagree
 * with the children they describe, a sharded directory too deep, an unsafe entry name, a DAG
 * deeper than the reader allows. The message names the path and the CID of the offending block.
 */
public class CorruptDagException extends FileSystemException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;

    /**
     * A DAG that cannot be read as UnixFS.
     *
     * @param path the path being read, for the message
     * @param cid the offending block
     * @param reason what is wrong with it
     */
    public CorruptDagException(String path, Cid cid, String reason) {
        super(path, null, reason + " (block " + cid + ")");
        this.cid = cid;
    }

    /**
     * The same, with the failure that revealed it.
     *
     * @param path the path being read, for the message
     * @param cid the offending block
     * @param reason what is wrong with it
     * @param cause the underlying failure
     */
    public CorruptDagException(String path, Cid cid, String reason, Throwable cause) {
        this(path, cid, reason);
        initCause(cause);
    }

    /**
     * The block that is malformed or inconsistent.
     *
     * @return its CID
     */
    public Cid cid() {
        return cid;
    }
}
