package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.internal.FutureJobHandle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;

/**
 * One job on an orchestrator: where its executions run and what the compute nodes said. Its
 * fields other than {@link #state} are confined to the orchestrator's scheduling thread.
 */
final class OrchestratedJob extends FutureJobHandle {
    final Job job;
    final long arrival;
    final String spec;
    final Set<String> inputRoots;
    private final Orchestrator orchestrator;
    volatile JobState state;

    // confined to the scheduling thread
    final Map<String, Exec> executions = new LinkedHashMap<>();
    final Map<String, String> rejections = new TreeMap<>();
    final Map<String, Long> rejectedAt = new HashMap<>();
    final Set<String> asking = new HashSet<>();
    Future<?> queueTimer;
    Future<?> totalTimer;

    /** One execution of the job on a compute node. */
    static final class Exec {
        final OrchestratedJob job;
        final String id;
        final String nodeId;
        ExecutionState state;
        boolean replaceable;
        String failure = "";
        long acceptedAt = System.nanoTime();
        int missingFromHeartbeats;

        Exec(OrchestratedJob job, String id, String nodeId, ExecutionState state) {
            this.job = job;
            this.id = id;
            this.nodeId = nodeId;
            this.state = state;
        }

        /** Counts toward the executions the job needs: not failed in a way another node can make up. */
        boolean counts() {
            return !(state.isTerminal() && replaceable);
        }
    }

    OrchestratedJob(String id, Job job, JobState state, long arrival, Orchestrator orchestrator) {
        super(id);
        this.job = job;
        this.state = state;
        this.arrival = arrival;
        this.orchestrator = orchestrator;
        this.spec = dev.bacalhau4j.api.JobSpecs.toJson(job);
        this.inputRoots = Placement.inputRoots(job);
    }

    /** Executions still wanted: the target, less those that count and bids in flight. */
    int needed() {
        int counting = 0;
        for (Exec e : executions.values()) {
            if (e.counts()) counting++;
        }
        return Verifier.target(job) - counting - asking.size();
    }

    /** True when {@code nodeId} holds an execution that counts (a node lost and back may run it again). */
    boolean usedNode(String nodeId) {
        for (Exec e : executions.values()) {
            if (e.nodeId.equals(nodeId) && e.counts()) return true;
        }
        return false;
    }

    @Override
    public JobState state() {
        return state;
    }

    @Override
    public List<JobEvent> events() {
        return orchestrator.history(id);
    }

    @Override
    public boolean cancel() {
        return orchestrator.cancel(this);
    }

    @Override
    public JobResult result() {
        return orchestrator.result(id).orElseThrow();
    }

    /** A failed execution's result with no output, for failures the orchestrator decides. */
    static ExecutionResult failed(String executionId, String nodeId, String reason, String message) {
        return new ExecutionResult(executionId, nodeId, ExecutionState.FAILED, -1, new byte[0], false, new byte[0],
                false, reason, message, "", java.util.Optional.empty(), java.time.Instant.EPOCH,
                java.time.Instant.now());
    }
}
