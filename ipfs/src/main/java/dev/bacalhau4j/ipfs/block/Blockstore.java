package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Storage of blocks by CID. Identity CIDs are answered from the CID itself and never stored.
 * Stores are safe for concurrent use; {@link #put} is idempotent and atomic (a reader sees the
 * whole block or none). Blocks are keyed on their multihash, so a block put under one CID is
 * found under any CID with the same multihash (CIDv0 and CIDv1, raw and dag-pb). Callers that
 * received bytes from outside the process verify them first ({@link Block#verified});
 * {@link FileBlockstore} also verifies every put and read, {@link MemoryBlockstore} does not.
 */
public interface Blockstore extends AutoCloseable {

    /**
     * Whether this store holds the block.
     *
     * @param cid the block's CID
     * @return true when it is here
     * @throws IOException when the store cannot be read
     */
    boolean has(Cid cid) throws IOException;

    /**
     * The block's bytes, or empty when this store does not hold it.
     *
     * @param cid the block's CID
     * @return the bytes
     * @throws IOException when the store cannot be read
     */
    Optional<byte[]> get(Cid cid) throws IOException;

    /**
     * The block's size without reading it, or -1 when absent.
     *
     * @param cid the block's CID
     * @return the number of bytes, or -1
     * @throws IOException when the store cannot be read
     */
    long size(Cid cid) throws IOException;

    /**
     * Stores a block; storing one that is present does nothing.
     *
     * @param cid the CID {@code data} hashes to (callers verify bytes from outside before)
     * @param data the bytes
     * @throws IOException when the store cannot be written
     */
    void put(Cid cid, byte[] data) throws IOException;

    /**
     * Stores a block; see {@link #put(Cid, byte[])}.
     *
     * @param block the block
     * @throws IOException when the store cannot be written
     */
    default void put(Block block) throws IOException {
        put(block.cid(), block.data());
    }

    /**
     * Removes a block; returns whether it was present. Callers that must keep pinned data use the GC.
     *
     * @param cid the block's CID
     * @return true when it was present
     * @throws IOException when the store cannot be written
     */
    boolean delete(Cid cid) throws IOException;

    /**
     * One CID for each stored block (identity CIDs excluded); the caller closes the stream. A
     * store keyed on multihashes may give a block under another version or codec than it was put
     * with ({@link FileBlockstore} lists raw CIDv1s): compare {@link Cid#multihash()}s.
     *
     * @return the CIDs
     * @throws IOException when the store cannot be listed
     */
    Stream<Cid> cids() throws IOException;

    @Override
    default void close() throws IOException {}
}
