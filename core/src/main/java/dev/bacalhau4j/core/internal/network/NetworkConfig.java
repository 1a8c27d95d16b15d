package dev.bacalhau4j.core.internal.network;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a node takes part in a network of nodes over NATS, checked by the node builder.
 *
 * @param nats the NATS server
 * @param orchestrator whether this node accepts jobs and schedules them on compute nodes
 * @param compute whether this node runs executions for trusted orchestrators
 * @param trustedOrchestrators ids of orchestrators whose work this compute node accepts (an
 *                             orchestrator-and-compute node also trusts itself)
 * @param labels this compute node's labels, matched by job constraints
 * @param heartbeat how often a compute node announces itself
 * @param missedHeartbeats heartbeats an orchestrator may miss before it calls the node lost
 * @param corruptResultsForTesting a compute node that reports a wrong result CID for every
 *                                 execution: only to show that verification outvotes it
 */
public record NetworkConfig(URI nats, boolean orchestrator, boolean compute, Set<String> trustedOrchestrators,
                            Map<String, String> labels, Duration heartbeat, int missedHeartbeats,
                            boolean corruptResultsForTesting) {
    public NetworkConfig {
        Objects.requireNonNull(nats, "nats == null");
        trustedOrchestrators = Set.copyOf(trustedOrchestrators);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(heartbeat, "heartbeat == null");
    }
}
