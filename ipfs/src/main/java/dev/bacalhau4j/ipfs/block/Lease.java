package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A temporary, in-memory pin held by a running job: while it is open, garbage collection keeps
 * every block reachable from its roots, and every block put to the store after it was opened (so
 * a DAG being imported survives until it is pinned). Obtained from {@link PinSet#lease}; whoever
 * opens it closes it, typically with try-with-resources. {@link #close()} is idempotent. Safe for
 * use from several threads. Leases do not survive a restart.
 */
public final class Lease implements AutoCloseable {
    private final PinSet owner;
    private final String purpose;
    private final long protectorId;
    private final Set<Cid> roots = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean open = new AtomicBoolean(true);

    Lease(PinSet owner, String purpose, long protectorId) {
        this.owner = owner;
        this.purpose = Objects.requireNonNull(purpose, "purpose == null");
        this.protectorId = protectorId;
    }

    /**
     * Protects one more root (and its DAG) until this lease closes.
     *
     * @param root the root to protect
     * @return this lease
     */
    public Lease add(Cid root) {
        Objects.requireNonNull(root, "root == null");
        owner.addLeaseRoot(this, root);
        return this;
    }

    /**
     * What the lease is for, as given when it was opened (for diagnostics).
     *
     * @return the purpose
     */
    public String purpose() {
        return purpose;
    }

    /**
     * The roots this lease protects.
     *
     * @return a copy of them
     */
    public Set<Cid> roots() {
        return Set.copyOf(roots);
    }

    /**
     * Whether the lease still protects its roots.
     *
     * @return true until it is closed
     */
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            owner.release(this);
        }
    }

    @Override
    public String toString() {
        return "Lease[" + purpose + ", roots=" + roots.size() + (isOpen() ? "" : ", closed") + "]";
    }

    Set<Cid> rootSet() {
        return roots;
    }

    long protectorId() {
        return protectorId;
    }
}
