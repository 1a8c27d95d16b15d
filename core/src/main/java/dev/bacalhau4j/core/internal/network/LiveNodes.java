package dev.bacalhau4j.core.internal.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute nodes an orchestrator hears from: their last announcement, and when it came. A node
 * that misses {@code missedHeartbeats} of its own heartbeat intervals is lost: it leaves the set
 * and the lost listeners are told. Thread-safe; whoever owns it calls {@link #expire()} on a timer.
 */
public final class LiveNodes {
    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);

    /** One live node: its id, its latest announcement, and when it arrived ({@link System#nanoTime()}). */
    public record Peer(String nodeId, Messages.NodeInfo info, long seenAt) {
        /** The node as the public API shows it. */
        public dev.bacalhau4j.core.ComputeNodeInfo toApi() {
            java.time.Instant heard = java.time.Instant.now().minusNanos(Math.max(0, System.nanoTime() - seenAt));
            return new dev.bacalhau4j.core.ComputeNodeInfo(nodeId, info.engines(), info.maxConcurrent(), info.active(),
                    info.cpuMillis(), info.memoryBytes(), info.labels(), info.cids().size(),
                    info.gateway().isEmpty() ? Optional.empty() : Optional.of(java.net.URI.create(info.gateway())), heard);
        }
    }

    private final int missedHeartbeats;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final List<Consumer<String>> joined = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> lost = new CopyOnWriteArrayList<>();

    public LiveNodes(int missedHeartbeats) {
        if (missedHeartbeats < 1) throw new IllegalArgumentException("missedHeartbeats must be >= 1 (got " + missedHeartbeats + ")");
        this.missedHeartbeats = missedHeartbeats;
    }

    public void onJoined(Consumer<String> listener) {
        joined.add(listener);
    }

    public void onLost(Consumer<String> listener) {
        lost.add(listener);
    }

    /** Records an announcement from {@code nodeId}. */
    public void heard(String nodeId, Messages.NodeInfo info) {
        Peer before = peers.put(nodeId, new Peer(nodeId, info, System.nanoTime()));
        if (before == null) {
            log.info("compute node {} joined (engines {}, labels {}, gateway {})", nodeId, info.engines(),
                    info.labels(), info.gateway().isEmpty() ? "none" : info.gateway());
            joined.forEach(l -> l.accept(nodeId));
        }
    }

    /**
     * Counts every node as just heard: after this side's own connection came back, silence while
     * it was down says nothing about the nodes.
     */
    public void refreshAll() {
        long now = System.nanoTime();
        peers.replaceAll((id, p) -> new Peer(id, p.info(), now));
    }

    /** Removes nodes whose heartbeats stopped; returns their ids. */
    public List<String> expire() {
        long now = System.nanoTime();
        List<String> gone = new ArrayList<>();
        for (Peer p : peers.values()) {
            long allowedNanos = Math.max(1, p.info().intervalMillis()) * 1_000_000L * missedHeartbeats;
            if (now - p.seenAt() > allowedNanos && peers.remove(p.nodeId(), p)) {
                gone.add(p.nodeId());
            }
        }
        for (String id : gone) {
            log.warn("compute node {} lost: no heartbeat for {} intervals", id, missedHeartbeats);
            lost.forEach(l -> l.accept(id));
        }
        return gone;
    }

    public Optional<Peer> get(String nodeId) {
        return Optional.ofNullable(peers.get(nodeId));
    }

    public boolean isLive(String nodeId) {
        return peers.containsKey(nodeId);
    }

    /** The live nodes now, in no particular order. */
    public List<Peer> all() {
        return List.copyOf(peers.values());
    }

    public int missedHeartbeats() {
        return missedHeartbeats;
    }
}
