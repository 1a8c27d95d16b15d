package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multihash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A blockstore in a concurrent map, for tests and in-memory nodes, with pins that last as long
 * as the object. Keyed on the multihash like {@link FileBlockstore}: a block put under a CIDv0 is
 * found under its CIDv1. Does not verify puts (its callers are in-process). Thread-safe; holds no
 * resources, so {@link #close()} does nothing.
 */
public final class MemoryBlockstore implements PinningBlockstore {
    private record Entry(Cid cid, byte[] data) {}

    private final ConcurrentHashMap<Multihash, Entry> blocks = new ConcurrentHashMap<>();
    private final SweepGuard guard = new SweepGuard();
    private final PinSet pins;
    private final GarbageCollector collector;

    /** An empty store. */
    public MemoryBlockstore() {
        try {
            this.pins = new PinSet(PinStorage.NONE, guard);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory pins cannot fail to load", e);
        }
        this.collector = new GarbageCollector(new CollectorTarget());
    }

    @Override
    public boolean has(Cid cid) {
        return cid.isIdentity() || blocks.containsKey(cid.multihash());
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        if (cid.isIdentity()) {
            return Optional.of(cid.identityData());
        }
        Entry entry = blocks.get(cid.multihash());
        return entry == null ? Optional.empty() : Optional.of(entry.data().clone());
    }

    @Override
    public long size(Cid cid) {
        if (cid.isIdentity()) {
            return cid.identityData().length;
        }
        Entry entry = blocks.get(cid.multihash());
        return entry == null ? -1 : entry.data().length;
    }

    @Override
    public void put(Cid cid, byte[] data) {
        if (cid.isIdentity()) {
            return;
        }
        byte[] copy = data.clone();
        locked(cid.multihash(), () -> {
            blocks.putIfAbsent(cid.multihash(), new Entry(cid, copy));
            guard.recordPut(cid.multihash());
            return null;
        });
    }

    @Override
    public boolean delete(Cid cid) {
        return !cid.isIdentity() && locked(cid.multihash(), () -> blocks.remove(cid.multihash()) != null);
    }

    /** Every stored block, under the CID it was first put with. */
    @Override
    public Stream<Cid> cids() {
        return List.copyOf(blocks.values()).stream().map(Entry::cid);
    }

    /**
     * How many blocks the store holds.
     *
     * @return the count
     */
    public int count() {
        return blocks.size();
    }

    @Override
    public PinSet pins() {
        return pins;
    }

    @Override
    public GcReport collectGarbage() throws IOException {
        return collector.collect();
    }

    private <T> T locked(Multihash key, SweepGuard.Locked<T> work) {
        try {
            return guard.locked(key, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the work above does no I/O
        }
    }

    GarbageCollector collector() {
        return collector;
    }

    private final class CollectorTarget implements GarbageCollector.Target {
        @Override
        public PinSet pins() {
            return pins;
        }

        @Override
        public SweepGuard guard() {
            return guard;
        }

        @Override
        public Stream<Cid> cids() {
            return MemoryBlockstore.this.cids();
        }

        @Override
        public Optional<byte[]> get(Cid cid) {
            return MemoryBlockstore.this.get(cid);
        }

        @Override
        public long deleteUnlessProtected(Cid cid) {
            if (guard.wasPutWhileProtected(cid.multihash())) {
                return -1;
            }
            Entry removed = blocks.remove(cid.multihash());
            return removed == null ? -1 : removed.data().length;
        }
    }
}
