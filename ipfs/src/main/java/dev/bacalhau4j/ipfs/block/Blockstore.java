package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Storage of blocks by CID. Identity CIDs are answered from the CID itself and never stored.
 * Stores are safe for concurrent use; {@link #put} is idempotent and atomic (a reader sees the
 * whole block or none). Implementations do not verify on {@code put}: callers that received
 * bytes from outside the process verify them first ({@link Block#verified}).
 */
public interface Blockstore extends AutoCloseable {

    boolean has(Cid cid) throws IOException;

    /** The block's bytes, or empty when this store does not hold it. */
    Optional<byte[]> get(Cid cid) throws IOException;

    /** The block's size without reading it, or -1 when absent. */
    long size(Cid cid) throws IOException;

    void put(Cid cid, byte[] data) throws IOException;

    default void put(Block block) throws IOException {
        put(block.cid(), block.data());
    }

    /** Removes a block; returns whether it was present. Callers that must keep pinned data use the GC. */
    boolean delete(Cid cid) throws IOException;

    /** Every stored CID (identity CIDs excluded); the caller closes the stream. */
    Stream<Cid> cids() throws IOException;

    @Override
    default void close() throws IOException {}
}
