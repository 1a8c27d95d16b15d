package dev.bacalhau4j.ipfs.block;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/** Where a {@link PinSet} keeps its pins between runs; called under the pin set's write lock. */
interface PinStorage {
    List<Pin> load() throws IOException;

    /** Replaces the stored pins with {@code pins}, atomically. */
    void save(Collection<Pin> pins) throws IOException;

    /** Pins that live as long as the process (for {@link MemoryBlockstore}). */
    PinStorage NONE = new PinStorage() {
        @Override
        public List<Pin> load() {
            return List.of();
        }

        @Override
        public void save(Collection<Pin> pins) {}
    };
}
