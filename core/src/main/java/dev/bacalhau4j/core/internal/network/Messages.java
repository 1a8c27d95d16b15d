package dev.bacalhau4j.core.internal.network;

import java.util.List;
import java.util.Map;

/** The payloads of the control-plane messages, as JSON records (see {@link Protocol}). */
public final class Messages {
    private Messages() {}

    /**
     * What a compute node is and holds, sent at start and with every heartbeat.
     *
     * @param engines engine types it can run now
     * @param maxConcurrent executions it runs at once
     * @param capacity executions it accepts (running plus waiting)
     * @param active executions it holds now
     * @param cpuMillis CPU it offers, millicores
     * @param memoryBytes memory it offers
     * @param labels its labels, matched by job constraints
     * @param cids roots it holds (pinned), at most {@link #MAX_CIDS}
     * @param gateway where it serves its blocks, empty when it serves none
     * @param running ids of the executions it holds
     * @param intervalMillis its heartbeat interval
     */
    public record NodeInfo(List<String> engines, int maxConcurrent, int capacity, int active, long cpuMillis,
                           long memoryBytes, Map<String, String> labels, List<String> cids, String gateway,
                           List<String> running, long intervalMillis) {
        public static final int MAX_CIDS = 2000;
    }

    /** An orchestrator asking compute nodes to announce themselves now. */
    public record Hello(String orchestratorId) {}

    /**
     * An orchestrator asking a compute node whether it takes one execution.
     *
     * @param spec the job spec, JSON
     * @param gateways gateways of peers that hold the job's inputs (or all known), for missing inputs
     */
    public record BidAsk(String jobId, String executionId, String spec, List<String> gateways) {}

    /** The answer to a {@link BidAsk}: accepted (the slot is held for a while), or rejected with why. */
    public record BidReply(String executionId, boolean accepted, String reason) {}

    /** Runs an execution whose bid was accepted. */
    public record Run(String jobId, String executionId) {}

    /** Acknowledges a message; {@code ok} false with a reason when it was refused. */
    public record Ack(String id, boolean ok, String reason) {}

    /** Stops an execution. */
    public record Cancel(String jobId, String executionId, String reason) {}

    /** A compute node's progress on an execution (a non-terminal state). */
    public record Update(String jobId, String executionId, String state, String message) {}

    /**
     * A compute node's final word on an execution.
     *
     * @param location the published outputs ({@code ipfs://CID}), empty when none
     * @param gateway the gateway that serves them
     */
    public record Result(String jobId, String executionId, String state, String message, int exitCode,
                         byte[] stdout, boolean stdoutTruncated, byte[] stderr, boolean stderrTruncated,
                         String failureReason, String failureMessage, String engineDetail, String publisher,
                         String location, String gateway, long startedAt, long finishedAt) {}
}
