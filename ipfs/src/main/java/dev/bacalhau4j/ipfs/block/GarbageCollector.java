package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.dag.BlockLinks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Mark and sweep over one store. Mark: walk every pinned and leased DAG through
 * {@link BlockLinks}, remembering the multihashes reached (a block missing from a pinned DAG is
 * counted and skipped). Sweep: list the store, and delete in batches the blocks not marked.
 *
 * <p>Why nothing protected is deleted while other threads work:
 * <ol>
 *   <li>The collection registers itself as a protector with the store's {@link SweepGuard}
 *       before it takes its snapshot of roots, so every put that finishes from then on is
 *       recorded and spared (this keeps a DAG being imported, which has no pin yet).
 *   <li>Each batch of deletions runs under the write side of the {@link PinSet}'s roots lock, after
 *       marking the roots added since the previous batch, so a pin or lease taken during the
 *       collection is honoured from the next batch on and never in the middle of one.
 *   <li>Each delete holds the block's key lock and rechecks that the block was not put while
 *       protected, so it cannot interleave with a put of the same block.
 * </ol>
 * Runs in the caller's thread; one collection at a time per store.
 */
final class GarbageCollector {
    static final int BATCH = 256;

    /** The store operations a collection needs. */
    interface Target {
        PinSet pins();

        SweepGuard guard();

        Stream<Cid> cids() throws IOException;

        Optional<byte[]> get(Cid cid) throws IOException;

        /**
         * Deletes the block unless {@link SweepGuard#wasPutWhileProtected}; called under its key
         * lock. Returns the bytes freed, or -1 when the block was kept or already gone.
         */
        long deleteUnlessProtected(Cid cid) throws IOException;
    }

    private final Target target;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Runnable afterMark = () -> {};

    GarbageCollector(Target target) {
        this.target = target;
    }

    /** For tests: runs in the collecting thread between the first mark and the listing of the store. */
    void afterMark(Runnable hook) {
        this.afterMark = hook;
    }

    GcReport collect() throws IOException {
        running.lock();
        SweepGuard guard = target.guard();
        long protector = guard.beginProtector();
        try {
            Set<Cid> roots = target.pins().beginCollection();
            try {
                return collect(roots);
            } finally {
                target.pins().endCollection();
            }
        } finally {
            guard.endProtector(protector);
            running.unlock();
        }
    }

    private GcReport collect(Set<Cid> roots) throws IOException {
        Marker marker = new Marker();
        marker.mark(roots);
        afterMark.run();
        List<Cid> candidates = new ArrayList<>();
        long[] listed = new long[1];
        try (Stream<Cid> all = target.cids()) {
            all.forEach(cid -> {
                listed[0]++;
                if (!marker.isMarked(cid)) {
                    candidates.add(cid);
                }
            });
        }
        long[] removed = new long[2];
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<Cid> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            target.pins().whileRootsFrozen(added -> {
                marker.mark(added);
                for (Cid cid : batch) {
                    if (marker.isMarked(cid)) {
                        continue;
                    }
                    long freed = target.guard().locked(cid.multihash(), () -> target.deleteUnlessProtected(cid));
                    if (freed >= 0) {
                        removed[0]++;
                        removed[1] += freed;
                    }
                }
            });
        }
        return new GcReport(removed[0], removed[1], listed[0] - removed[0], marker.missing, marker.unreadable);
    }

    /** The blocks reached from roots; walks each block at most once. */
    private final class Marker {
        private final Set<Multihash> marked = new HashSet<>();
        private final Set<Cid> visited = new HashSet<>();
        long missing;
        long unreadable;

        boolean isMarked(Cid cid) {
            return marked.contains(cid.multihash());
        }

        void mark(Collection<Cid> roots) throws IOException {
            Deque<Cid> todo = new ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                Cid cid = todo.pop();
                // v0 and v1 dag-pb of the same bytes are the same walk; raw and dag-pb are not
                if (!visited.add(cid.toV1())) {
                    continue;
                }
                marked.add(cid.multihash());
                if (!BlockLinks.isWalkable(cid)) {
                    continue;
                }
                Optional<byte[]> block = target.get(cid);
                if (block.isEmpty()) {
                    missing++;
                    continue;
                }
                try {
                    for (Cid link : BlockLinks.of(cid, block.get())) {
                        todo.push(link);
                    }
                } catch (IpfsFormatException e) {
                    unreadable++;
                }
            }
        }
    }
}
