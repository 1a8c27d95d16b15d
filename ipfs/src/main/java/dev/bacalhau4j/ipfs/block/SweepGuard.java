package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Multihash;
import java.io.IOException;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a blockstore shares with its garbage collector so that a sweep never deletes a block that
 * is being put. Owned by one store; thread-safe; holds no threads or files.
 *
 * <p>Two mechanisms:
 * <ul>
 *   <li><b>Per-key locks.</b> A put holds its key's lock from "is it there?" through the rename to
 *       its final recording; the sweep holds the same lock from "was it put while protected?"
 *       through the delete. So a put and a delete of one block never interleave.
 *   <li><b>Protected puts.</b> While at least one <em>protector</em> is alive (an open lease, or a
 *       collection in progress), every put, including a put of a block already present, records
 *       its key together with the current protector clock. The sweep spares every recorded
 *       key. When a protector ends, records older than the oldest live protector are dropped
 *       (and all of them when none is left), so the record only holds puts that some live
 *       protector may still need.
 * </ul>
 * A put records itself as its last step, after its file is in place. If it sees no live
 * protector, it finished before any collection that starts later, so such a block is garbage
 * unless something pins or leases it. That is the intended rule: <em>hold a lease while you put
 * blocks that you will pin later</em>.
 */
final class SweepGuard {
    private static final int STRIPES = 64;

    /** Work done under a key's lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ConcurrentHashMap<Multihash, Long> protectedPuts = new ConcurrentHashMap<>();
    private final TreeSet<Long> liveProtectors = new TreeSet<>(); // guarded by this
    private long clock; // guarded by this
    private volatile int liveCount;
    private volatile long clockView;

    SweepGuard() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T locked(Multihash key, Locked<T> work) throws IOException {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Records a finished put; call under the key's lock, after the block is in place. */
    void recordPut(Multihash key) {
        if (liveCount > 0) {
            protectedPuts.merge(key, clockView, Math::max);
        }
    }

    /** True when the block was put while a protector that may still be alive was alive. */
    boolean wasPutWhileProtected(Multihash key) {
        return protectedPuts.containsKey(key);
    }

    /** Starts a protector; returns its id, to pass to {@link #endProtector}. */
    synchronized long beginProtector() {
        long id = ++clock;
        clockView = id;
        liveProtectors.add(id);
        liveCount = liveProtectors.size();
        return id;
    }

    synchronized void endProtector(long id) {
        if (!liveProtectors.remove(id)) {
            return;
        }
        liveCount = liveProtectors.size();
        if (liveProtectors.isEmpty()) {
            protectedPuts.clear();
        } else {
            long oldest = liveProtectors.first();
            protectedPuts.values().removeIf(at -> at < oldest);
        }
    }

    /** How many puts are recorded (for tests and diagnostics). */
    int protectedPutCount() {
        return protectedPuts.size();
    }
}
