package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.FileSystemException;

/**
 * Thrown for a well-formed node this reader does not interpret: a codec other than dag-pb and
 * raw (dag-cbor, dag-json...), or a UnixFS Metadata node.
 */
public class UnsupportedNodeException extends FileSystemException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;

    /**
     * A node of a kind this module does not read.
     *
     * @param path the path being read, for the message
     * @param cid the node
     * @param reason what is unsupported
     */
    public UnsupportedNodeException(String path, Cid cid, String reason) {
        super(path, null, reason + " (" + cid + ")");
        this.cid = cid;
    }

    /**
     * The unsupported node.
     *
     * @return its CID
     */
    public Cid cid() {
        return cid;
    }
}
