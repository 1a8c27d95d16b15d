package dev.bacalhau4j.ipfs.block;

import java.io.IOException;

/**
 * A blockstore with pins, leases and a garbage collector. Implemented by {@link FileBlockstore}
 * and {@link MemoryBlockstore}; the store owns its {@link PinSet} and runs collections in the
 * calling thread.
 */
public interface PinningBlockstore extends Blockstore {

    /**
     * This store's pins and leases.
     *
     * @return the pin set, owned by this store
     */
    PinSet pins();

    /**
     * Deletes every block not reachable from a pin or an open lease and not put while a lease was
     * open or during this collection. Safe to call while other threads put, get, pin and lease;
     * concurrent calls run one after the other.
     *
     * @return what was removed and kept
     * @throws IOException when the store cannot be listed or written
     */
    GcReport collectGarbage() throws IOException;
}
