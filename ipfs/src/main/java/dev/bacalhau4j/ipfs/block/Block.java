package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;

/**
 * A block: bytes and the CID they hash to. {@link #verified} checks the hash; the constructor
 * trusts its caller (use it only for bytes this process just hashed).
 */
public record Block(Cid cid, byte[] data) {
    public Block {
        Objects.requireNonNull(cid, "cid == null");
        Objects.requireNonNull(data, "data == null");
    }

    /** A block whose bytes were checked against {@code cid}; throws {@code BlockMismatchException}. */
    public static Block verified(Cid cid, byte[] data) {
        cid.verify(data);
        return new Block(cid, data);
    }

    public int size() {
        return data.length;
    }
}
