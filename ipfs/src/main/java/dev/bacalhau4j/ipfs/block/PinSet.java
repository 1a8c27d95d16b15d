package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The roots a blockstore's garbage collection keeps: recursive {@link Pin}s, which a
 * {@link FileBlockstore} persists in its directory (each change written atomically before the
 * method returns), and in-memory {@link Lease}s held by running jobs. Owned by its store, which
 * creates it; thread-safe.
 *
 * <p>How a collection that runs while roots are added stays safe: adding a pin or a lease root
 * takes the read side of a read-write lock and, while a collection runs, also queues the root
 * for it. The collector takes the write side only while it decides and deletes one batch of
 * blocks; at the start of each batch it first marks everything reachable from the queued roots.
 * So a root added before a batch's decisions is marked before that batch deletes anything, and
 * a root cannot be added in the middle of a batch. Blocks a collection deleted in an earlier
 * batch were unreachable from every pin and lease at that moment; a root added later whose DAG
 * needed them was already incomplete when it was added.
 */
public final class PinSet {
    private final PinStorage storage;
    private final SweepGuard guard;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantReadWriteLock rootsLock = new ReentrantReadWriteLock();
    private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
    private volatile Map<Cid, Pin> pins;
    private ConcurrentLinkedQueue<Cid> addedDuringCollection; // replaced under the write side of rootsLock

    PinSet(PinStorage storage, SweepGuard guard) throws IOException {
        this.storage = storage;
        this.guard = guard;
        Map<Cid, Pin> loaded = new TreeMap<>();
        for (Pin pin : storage.load()) {
            loaded.put(pin.root(), pin);
        }
        this.pins = loaded;
    }

    /**
     * Pins a DAG by its root, without a name; see {@link #pin(Cid, String)}.
     *
     * @param root the DAG's root
     * @return true when the root was newly pinned
     * @throws IOException when the pin file cannot be written
     */
    public boolean pin(Cid root) throws IOException {
        return pin(root, "");
    }

    /**
     * Pins the DAG under {@code root} (its blocks need not all be present yet) and persists the
     * change before returning. Pinning a pinned root again replaces its name. Returns whether the
     * root was newly pinned. Throws {@link IOException} naming the pin file when it cannot be
     * written; the pin is then not in effect.
     *
     * @param root the DAG's root
     * @param name a label for people, {@code ""} for none
     * @return true when the root was newly pinned
     * @throws IOException when the pin file cannot be written
     */
    public boolean pin(Cid root, String name) throws IOException {
        Pin pin = new Pin(root, name);
        writeLock.lock();
        try {
            Map<Cid, Pin> next = new TreeMap<>(pins);
            Pin previous = next.put(root, pin);
            if (pin.equals(previous)) {
                return false;
            }
            storage.save(next.values());
            publish(next, root);
            return previous == null;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Removes a pin and persists the change; returns whether it was pinned.
     *
     * @param root the DAG's root
     * @return true when it was pinned
     * @throws IOException when the pin file cannot be written
     */
    public boolean unpin(Cid root) throws IOException {
        Objects.requireNonNull(root, "root == null");
        writeLock.lock();
        try {
            if (!pins.containsKey(root)) {
                return false;
            }
            Map<Cid, Pin> next = new TreeMap<>(pins);
            next.remove(root);
            storage.save(next.values());
            publish(next, null);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * True when exactly this CID is pinned (a CIDv0 pin is not its CIDv1).
     *
     * @param root the CID
     * @return true when it is pinned
     */
    public boolean isPinned(Cid root) {
        return pins.containsKey(root);
    }

    /**
     * The pin of exactly this CID.
     *
     * @param root the root
     * @return the pin; empty when it is not pinned
     */
    public Optional<Pin> get(Cid root) {
        return Optional.ofNullable(pins.get(root));
    }

    /**
     * Every pin, ordered by CID.
     *
     * @return the pins
     */
    public List<Pin> list() {
        return List.copyOf(pins.values());
    }

    /**
     * Opens a lease protecting {@code roots} (and blocks put from now on) until it is closed.
     * {@code purpose} says who holds it, e.g. a job and execution id.
     *
     * @param purpose who holds it
     * @param roots the roots to protect
     * @return the open lease; the caller closes it
     */
    public Lease lease(String purpose, Cid... roots) {
        return lease(purpose, List.of(roots));
    }

    /**
     * Opens a lease protecting {@code roots} (and blocks put from now on) until it is closed.
     *
     * @param purpose who holds it, e.g. a job and execution id
     * @param roots the roots to protect
     * @return the open lease; the caller closes it
     */
    public Lease lease(String purpose, Collection<Cid> roots) {
        Lease lease = new Lease(this, purpose, guard.beginProtector());
        rootsLock.readLock().lock();
        try {
            leases.add(lease);
        } finally {
            rootsLock.readLock().unlock();
        }
        for (Cid root : roots) {
            lease.add(root);
        }
        return lease;
    }

    /**
     * How many leases are open.
     *
     * @return the count
     */
    public int openLeases() {
        return leases.size();
    }

    private void publish(Map<Cid, Pin> next, Cid added) {
        rootsLock.readLock().lock();
        try {
            pins = next;
            if (added != null && addedDuringCollection != null) {
                addedDuringCollection.add(added);
            }
        } finally {
            rootsLock.readLock().unlock();
        }
    }

    void addLeaseRoot(Lease lease, Cid root) {
        rootsLock.readLock().lock();
        try {
            if (!lease.isOpen()) {
                throw new IllegalStateException(lease + " is closed; open a new lease to protect " + root);
            }
            lease.rootSet().add(root);
            if (addedDuringCollection != null) {
                addedDuringCollection.add(root);
            }
        } finally {
            rootsLock.readLock().unlock();
        }
    }

    void release(Lease lease) {
        leases.remove(lease);
        guard.endProtector(lease.protectorId());
    }

    /** Starts a collection: returns every pinned and leased root, and queues roots added from now on. */
    Set<Cid> beginCollection() {
        rootsLock.writeLock().lock();
        try {
            if (addedDuringCollection != null) {
                throw new IllegalStateException("a garbage collection is already running");
            }
            addedDuringCollection = new ConcurrentLinkedQueue<>();
            Set<Cid> roots = new HashSet<>(pins.keySet());
            for (Lease lease : leases) {
                roots.addAll(lease.rootSet());
            }
            return roots;
        } finally {
            rootsLock.writeLock().unlock();
        }
    }

    /**
     * Runs one batch of sweep decisions while no root can be added; {@code batch} first receives
     * the roots added since the previous call, which it must mark before deleting anything.
     */
    void whileRootsFrozen(FrozenBatch batch) throws IOException {
        rootsLock.writeLock().lock();
        try {
            List<Cid> added = new ArrayList<>();
            for (Cid root; (root = addedDuringCollection.poll()) != null; ) {
                added.add(root);
            }
            batch.run(added);
        } finally {
            rootsLock.writeLock().unlock();
        }
    }

    /** One batch of a collection's sweep. */
    @FunctionalInterface
    interface FrozenBatch {
        void run(List<Cid> addedRoots) throws IOException;
    }

    void endCollection() {
        rootsLock.writeLock().lock();
        try {
            addedDuringCollection = null;
        } finally {
            rootsLock.writeLock().unlock();
        }
    }
}
