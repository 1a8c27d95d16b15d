package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.api.Verdict;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payloads of the client API ({@link Protocol#api}) and of the job events an orchestrator
 * streams to clients ({@link Protocol#events}), as flat JSON records, with their conversions to and
 * from the {@code api} types (times as epoch milliseconds, absent values as empty strings).
 */
public final class ApiMessages {
    private ApiMessages() {}

    /** The operations a client may ask for. */
    public static final String SUBMIT = "submit";
    public static final String DESCRIBE = "describe";
    public static final String LIST = "list";
    public static final String HISTORY = "history";
    public static final String RESULT = "result";
    public static final String CANCEL = "cancel";
    public static final String GATEWAYS = "gateways";
    public static final String SYNC = "sync";
    public static final String NODES = "nodes";

    /**
     * At most this many jobs in one {@link #LIST} page, newest first; fewer when their specs (inline
     * modules, say) would not fit one NATS message. The client asks page after page.
     */
    public static final int LIST_LIMIT = 500;

    /**
     * One client request.
     *
     * @param op one of the operation names above
     * @param jobId the job it is about, empty for {@link #SUBMIT}, {@link #LIST}, {@link #SYNC} and
     *     {@link #NODES}
     * @param spec the job spec as JSON, for {@link #SUBMIT}
     * @param after for {@link #SYNC}: job id to the last event sequence the client has
     * @param offset for {@link #LIST}: how many of the newest jobs the client already has
     */
    public record Request(String op, String jobId, String spec, Map<String, Long> after, long offset) {
        public Request(String op, String jobId, String spec, Map<String, Long> after) {
            this(op, jobId, spec, after, 0);
        }
    }

    /** One page of a {@link #LIST}: jobs from the request's offset on, and whether older ones follow. */
    public record Page(List<Info> jobs, boolean more) {}

    /** The answer: {@code ok} with a JSON {@code body}, or the error that stopped it. */
    public record Reply(boolean ok, String error, String body) {}

    /** A job's events after the sequence a client had, and whether the job has ended. */
    public record Sync(String jobId, boolean known, String state, List<Event> events) {}

    public record Event(long sequence, String jobId, String executionId, long time, String state, String message) {
        public static Event of(JobEvent e) {
            return new Event(e.sequence(), e.jobId(), e.executionId(), e.time().toEpochMilli(), e.state(), e.message());
        }

        public JobEvent toApi() {
            return new JobEvent(sequence, jobId, executionId, Instant.ofEpochMilli(time), state, message);
        }
    }

    public record Info(String id, String spec, String state, String message, long createdAt, long updatedAt) {
        public static Info of(JobInfo i) {
            return new Info(i.id(), JobSpecs.toJson(i.job()), i.state().name(), i.message(),
                    i.createdAt().toEpochMilli(), i.updatedAt().toEpochMilli());
        }

        public JobInfo toApi() {
            return new JobInfo(id, JobSpecs.readJson(spec), JobState.valueOf(state), message,
                    Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt));
        }
    }

    public record Execution(String executionId, String nodeId, String state, int exitCode, byte[] stdout,
                            boolean stdoutTruncated, byte[] stderr, boolean stderrTruncated, String failureReason,
                            String failureMessage, String engineDetail, String publisher, String location,
                            long startedAt, long finishedAt) {
        public static Execution of(ExecutionResult e) {
            return new Execution(e.executionId(), e.nodeId(), e.state().name(), e.exitCode(), e.stdoutBytes(),
                    e.stdoutTruncated(), e.stderrBytes(), e.stderrTruncated(), e.failureReason(), e.failureMessage(),
                    e.engineDetail(), e.published().map(PublishedResult::publisherType).orElse(""),
                    e.published().map(p -> p.location().toString()).orElse(""), e.startedAt().toEpochMilli(),
                    e.finishedAt().toEpochMilli());
        }

        public ExecutionResult toApi() {
            Optional<PublishedResult> published = location.isEmpty() ? Optional.empty()
                    : Optional.of(new PublishedResult(publisher, URI.create(location)));
            return new ExecutionResult(executionId, nodeId, ExecutionState.valueOf(state), exitCode, stdout,
                    stdoutTruncated, stderr, stderrTruncated, failureReason, failureMessage, engineDetail, published,
                    Instant.ofEpochMilli(startedAt), Instant.ofEpochMilli(finishedAt));
        }
    }

    /** A live compute node ({@link #NODES}); the gateway empty when it serves none, times in epoch milliseconds. */
    public record ComputeNode(String nodeId, List<String> engines, int maxConcurrent, int active, long cpuMillis,
                              long memoryBytes, Map<String, String> labels, int heldCids, String gateway,
                              long lastHeard) {
        public static ComputeNode of(dev.bacalhau4j.core.ComputeNodeInfo n) {
            return new ComputeNode(n.nodeId(), n.engines(), n.maxConcurrentExecutions(), n.activeExecutions(),
                    n.cpuMillis(), n.memoryBytes(), n.labels(), n.heldCids(),
                    n.gateway().map(URI::toString).orElse(""), n.lastHeard().toEpochMilli());
        }

        public dev.bacalhau4j.core.ComputeNodeInfo toApi() {
            return new dev.bacalhau4j.core.ComputeNodeInfo(nodeId, engines, maxConcurrent, active, cpuMillis,
                    memoryBytes, labels, heldCids, gateway.isEmpty() ? Optional.empty() : Optional.of(URI.create(gateway)),
                    Instant.ofEpochMilli(lastHeard));
        }
    }

    public record Result(String jobId, String state, String message, List<Execution> executions, boolean verified,
                         String explanation, String accepted, List<String> agreeing, List<String> rejected) {
        public static Result of(JobResult r) {
            Verdict v = r.verdict();
            return new Result(r.jobId(), r.state().name(), r.message(),
                    r.executions().stream().map(Execution::of).toList(), v.verified(), v.explanation(),
                    v.accepted().map(URI::toString).orElse(""), v.agreeing(), v.rejected());
        }

        public JobResult toApi() {
            Verdict verdict = new Verdict(verified, explanation,
                    accepted.isEmpty() ? Optional.empty() : Optional.of(URI.create(accepted)), agreeing, rejected);
            return new JobResult(jobId, JobState.valueOf(state), message,
                    executions.stream().map(Execution::toApi).toList(), verdict);
        }
    }
}
