package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when a block needed to read a DAG is not in the blockstore. It carries the missing CID,
 * so a caller that can fetch blocks (from a peer or a gateway) can put it and retry the same call:
 * every reading operation of the exporter, the FileSystem and CAR export is safe to repeat.
 */
public class BlockNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;
    /** The path being read when the block was needed (part of the serialized form). */
    private final String where;

    /**
     * @param cid the block that is missing
     * @param where the path being read when the block was needed, for the message
     */
    public BlockNotFoundException(Cid cid, String where) {
        super("block " + Objects.requireNonNull(cid, "cid == null") + " is not in the blockstore (needed to read "
                + where + ")");
        this.cid = cid;
        this.where = where;
    }

    /**
     * The CID of the missing block.
     *
     * @return the CID
     */
    public Cid cid() {
        return cid;
    }

    /**
     * The path that was being read.
     *
     * @return the path
     */
    public String where() {
        return where;
    }
}
