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

    public CorruptDagException(String path, Cid cid, String reason) {
        super(path, null, reason + " (block " + cid + ")");
        this.cid = cid;
    }

    public CorruptDagException(String path, Cid cid, String reason, Throwable cause) {
        this(path, cid, reason);
        initCause(cause);
    }

    /** The block that is malformed or inconsistent. */
    public Cid cid() {
        return cid;
    }
}
