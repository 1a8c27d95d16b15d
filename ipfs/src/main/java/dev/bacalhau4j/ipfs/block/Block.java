package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;

/**
 * A block: bytes and the CID they hash to. {@link #verified} checks the hash; the constructor
 * trusts its caller (use it only for bytes this process just hashed).
 *
 * @param cid the CID the bytes hash to
 * @param data the bytes
 */
public record Block(Cid cid, byte[] data) {
    /**
     * A block whose bytes are trusted to hash to {@code cid}.
     *
     * @param cid the CID the bytes hash to
     * @param data the bytes, not copied
     */
    public Block {
        Objects.requireNonNull(cid, "cid == null");
        Objects.requireNonNull(data, "data == null");
    }

    /**
     * A block whose bytes were checked against {@code cid}; throws {@code BlockMismatchException}.
     *
     * @param cid the CID the bytes should hash to
     * @param data the bytes
     * @return the block
     * @throws dev.bacalhau4j.ipfs.BlockMismatchException when they do not
     */
    public static Block verified(Cid cid, byte[] data) {
        cid.verify(data);
        return new Block(cid, data);
    }

    /**
     * The block's size.
     *
     * @return the number of bytes
     */
    public int size() {
        return data.length;
    }
}
