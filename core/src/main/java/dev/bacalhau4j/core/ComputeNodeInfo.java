package dev.bacalhau4j.core;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compute node as an orchestrator sees it: what its last heartbeat announced. Listed by
 * {@link Bacalhau#computeNodes()}.
 *
 * @param nodeId the node's id
 * @param engines engine types it runs
 * @param maxConcurrentExecutions executions it runs at once
 * @param activeExecutions executions it was running at its last heartbeat
 * @param cpuMillis CPU it offers, in millicores
 * @param memoryBytes memory it offers
 * @param labels its labels, for {@code Constraints}
 * @param heldCids how many root CIDs it announced holding (a summary, at most a few thousand)
 * @param gateway where it serves its blocks, empty when it serves none
 * @param lastHeard when its last heartbeat arrived
 */
public record ComputeNodeInfo(
        String nodeId,
        List<String> engines,
        int maxConcurrentExecutions,
        int activeExecutions,
        long cpuMillis,
        long memoryBytes,
        Map<String, String> labels,
        int heldCids,
        Optional<URI> gateway,
        Instant lastHeard) {
    /**
     * Checks the components and copies the collections.
     *
     * @param nodeId the node's id
     * @param engines engine types it runs
     * @param maxConcurrentExecutions executions it runs at once
     * @param activeExecutions executions it was running at its last heartbeat
     * @param cpuMillis CPU it offers, in millicores
     * @param memoryBytes memory it offers
     * @param labels its labels, for {@code Constraints}
     * @param heldCids how many root CIDs it announced holding
     * @param gateway where it serves its blocks, empty when it serves none
     * @param lastHeard when its last heartbeat arrived
     */
    public ComputeNodeInfo {
        Objects.requireNonNull(nodeId, "nodeId == null");
        engines = List.copyOf(engines);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(gateway, "gateway == null");
        Objects.requireNonNull(lastHeard, "lastHeard == null");
    }
}
