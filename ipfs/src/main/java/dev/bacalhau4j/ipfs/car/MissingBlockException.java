package dev.bacalhau4j.ipfs.car;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;

/** Thrown when a DAG walk needs a block the blockstore does not hold. */
public final class MissingBlockException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;

    public MissingBlockException(Cid cid) {
        super("block not found: " + cid);
        this.cid = cid;
    }

    public Cid cid() {
        return cid;
    }
}
