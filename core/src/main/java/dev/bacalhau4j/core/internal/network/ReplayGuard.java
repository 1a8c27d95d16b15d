package dev.bacalhau4j.core.internal.network;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Which (sender, seq) pairs were already received, in bounded memory: the recent seqs of each
 * sender (a window of {@code perSender}), for at most {@code maxSenders} senders, the least recently
 * heard evicted first. Forgetting must not reopen a replay, so what falls out raises a floor:
 * <ul>
 *   <li>a seq evicted from a sender's window raises that sender's floor to it; a seq not in the
 *       window at or below the floor is refused (a sender's seqs only grow, across its restarts
 *       too: they start from its clock in microseconds);</li>
 *   <li>a sender evicted while its messages could still pass the clock-skew check (heard within
 *       twice the skew) raises the global floor to the latest time it sent; a message from a sender
 *       not tracked whose time is at or below that floor is refused.</li>
 * </ul>
 * Refusing, not accepting, is the safe side: a replay can change state, while a refused genuine
 * message is sent again (results are redelivered until acknowledged, heartbeats come every
 * interval) with a later seq and time than the floors.
 * The cost is borne only past {@code maxSenders} senders active within the skew, i.e. under a
 * flood of throwaway keys. Thread-safe.
 */
final class ReplayGuard {
    /** What {@link #check} decided. */
    enum Verdict { FIRST, REPLAY, BELOW_FLOOR }

    private final int perSender;
    private final int maxSenders;
    private final long retainMillis;
    private final Map<String, Window> senders = new LinkedHashMap<>(64, 0.75f, true); // access order: LRU first
    private long floor = Long.MIN_VALUE;

    /**
     * @param perSender seqs remembered per sender
     * @param maxSenders senders remembered
     * @param skewMillis how far a message's time may be from the receiver's clock
     */
    ReplayGuard(int perSender, int maxSenders, long skewMillis) {
        if (perSender < 1 || maxSenders < 1) throw new IllegalArgumentException("perSender and maxSenders must be >= 1");
        this.perSender = perSender;
        this.maxSenders = maxSenders;
        this.retainMillis = 2 * skewMillis;
    }

    /** Records {@code seq} of {@code sender}, sent at {@code time}, received at {@code now} (epoch ms). */
    synchronized Verdict check(String sender, long seq, long time, long now) {
        Window w = senders.get(sender);
        if (w == null) {
            if (time <= floor) return Verdict.BELOW_FLOOR;
            w = new Window();
            senders.put(sender, w);
            evictSenders(now);
        }
        w.lastHeard = now; // set before any eviction can reach it: the newest sender is last
        if (w.seqs.contains(seq)) return Verdict.REPLAY;
        if (seq <= w.floor) return Verdict.BELOW_FLOOR;
        w.seqs.add(seq);
        w.latest = Math.max(w.latest, time);
        if (w.seqs.size() > perSender) {
            Iterator<Long> oldest = w.seqs.iterator();
            w.floor = Math.max(w.floor, oldest.next());
            oldest.remove();
        }
        return Verdict.FIRST;
    }

    synchronized int senders() {
        return senders.size();
    }

    private void evictSenders(long now) {
        Iterator<Map.Entry<String, Window>> lru = senders.entrySet().iterator();
        while (senders.size() > maxSenders) {
            Window gone = lru.next().getValue();
            lru.remove();
            if (now - gone.lastHeard <= retainMillis) floor = Math.max(floor, gone.latest);
        }
    }

    /** One sender's recent seqs (in the order received), its seq floor and the latest time it sent. */
    private static final class Window {
        final LinkedHashSet<Long> seqs = new LinkedHashSet<>();
        long floor = Long.MIN_VALUE;
        long latest = Long.MIN_VALUE;
        long lastHeard;
    }
}
