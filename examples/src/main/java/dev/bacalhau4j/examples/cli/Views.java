package dev.bacalhau4j.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.PublishedResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the commands print as JSON or YAML: plain records of strings and numbers, so stdout and
 * stderr come out as text and times as ISO-8601 instants.
 */
final class Views {
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Views() {}

    /** One row of {@code job list}. */
    record JobSummary(String id, String name, String type, String engine, String state, String createdAt) {
        static JobSummary of(JobInfo info) {
            return new JobSummary(info.id(), nameOf(info), info.job().type().name().toLowerCase(java.util.Locale.ROOT),
                    info.job().task().engine().type(), stateName(info.state().name()), instant(info.createdAt()));
        }
    }

    /** {@code job describe}: the spec as Bacalhau writes it, where the job stands, and its executions. */
    record JobDescription(String id, String name, String state, String message, String createdAt,
            String updatedAt, JsonNode spec, boolean verified, String verification, List<ExecutionView> executions) {
        static JobDescription of(JobInfo info, JobResult result) {
            return new JobDescription(info.id(), nameOf(info), stateName(info.state().name()), info.message(),
                    instant(info.createdAt()), instant(info.updatedAt()),
                    OutputFormat.tree(JobSpecs.toJson(info.job())), result.verdict().verified(),
                    result.verdict().explanation(),
                    result.executions().stream().map(ExecutionView::of).toList());
        }
    }

    /** The end of a {@code wasm run} or {@code job run}. */
    record RunView(String jobId, String state, String message, int exitCode, String stdout, String stderr,
            String outputs, boolean verified, String verification, List<ExecutionView> executions) {
        static RunView of(JobResult result) {
            return new RunView(result.jobId(), stateName(result.state().name()), result.message(),
                    result.exitCode(), result.stdout(), result.stderr(),
                    result.outputs().map(Views::location).orElse(""), result.verdict().verified(),
                    result.verdict().explanation(),
                    result.executions().stream().map(ExecutionView::of).toList());
        }
    }

    /** One execution, with its logs decoded as UTF-8 text. */
    record ExecutionView(String id, String nodeId, String state, int exitCode, String failureReason,
            String failureMessage, String engineDetail, String publisher, String published, String stdout,
            boolean stdoutTruncated, String stderr, boolean stderrTruncated, String startedAt, String finishedAt) {
        static ExecutionView of(ExecutionResult e) {
            return new ExecutionView(e.executionId(), e.nodeId(), stateName(e.state().name()), e.exitCode(),
                    e.failureReason(), e.failureMessage(), e.engineDetail(),
                    e.published().map(PublishedResult::publisherType).orElse(""),
                    e.published().map(Views::location).orElse(""),
                    e.stdout(), e.stdoutTruncated(), e.stderr(), e.stderrTruncated(),
                    instant(e.startedAt()), instant(e.finishedAt()));
        }
    }

    /** One node of {@code node list}: what it is, where it keeps its data, and its engines. */
    record NodeView(String id, String type, String directory, List<EngineView> engines, List<String> sourceTypes,
            int maxConcurrentExecutions, String importProfile, String gateway, String inputMount) {
        static final String EMBEDDED = "embedded";

        static NodeView of(dev.bacalhau4j.core.NodeInfo info) {
            return new NodeView(info.nodeId(), EMBEDDED, info.directory().map(Object::toString).orElse(""),
                    new java.util.TreeMap<>(info.engines()).entrySet().stream()
                            .map(e -> new EngineView(e.getKey(), e.getValue().isEmpty(), e.getValue())).toList(),
                    info.sourceTypes(), info.maxConcurrentExecutions(), info.importProfile(),
                    info.gatewayAddress().map(Object::toString).orElse(""), info.inputMount());
        }
    }

    /** One compute node of {@code node list} behind a remote orchestrator, as its last heartbeat said. */
    record ComputeNodeView(String id, String type, List<String> engines, int maxConcurrentExecutions,
            int activeExecutions, long cpuMillis, long memoryBytes, java.util.Map<String, String> labels,
            int heldCids, String gateway, String lastHeard) {
        static final String COMPUTE = "compute";

        static ComputeNodeView of(dev.bacalhau4j.core.ComputeNodeInfo n) {
            return new ComputeNodeView(n.nodeId(), COMPUTE, n.engines(), n.maxConcurrentExecutions(),
                    n.activeExecutions(), n.cpuMillis(), n.memoryBytes(), new java.util.TreeMap<>(n.labels()),
                    n.heldCids(), n.gateway().map(Object::toString).orElse(""), instant(n.lastHeard()));
        }
    }

    /** Labels as {@code k=v,k2=v2} in key order, {@code -} when there are none. */
    static String labels(java.util.Map<String, String> labels) {
        if (labels.isEmpty()) return "-";
        java.util.StringJoiner joined = new java.util.StringJoiner(",");
        new java.util.TreeMap<>(labels).forEach((k, v) -> joined.add(k + "=" + v));
        return joined.toString();
    }

    /** An engine of a node: usable, or why not. */
    record EngineView(String type, boolean available, String reason) {}

    /** One entry of {@code job history}. */
    record EventView(long sequence, String time, String executionId, String state, String message) {
        static EventView of(JobEvent e) {
            return new EventView(e.sequence(), e.time().toString(), e.executionId(), stateName(e.state()),
                    e.message());
        }
    }

    /**
     * An execution's failure as one phrase: {@code reason: message}, without repeating the reason
     * when the message already starts with it; empty when it did not fail.
     */
    static String failure(ExecutionResult e) {
        String reason = e.failureReason();
        String message = e.failureMessage().strip();
        if (message.isEmpty()) return reason;
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (reason.isEmpty() || lower.startsWith(reason.toLowerCase(java.util.Locale.ROOT))
                || lower.startsWith(reason.replace('-', ' ').toLowerCase(java.util.Locale.ROOT))) {
            return message;
        }
        return reason + ": " + message;
    }

    /** The job's name, empty when it was given none. */
    static String nameOf(JobInfo info) {
        return info.job().name();
    }

    /** {@code COMPLETED} or {@code BID_ACCEPTED} as Bacalhau prints states: {@code Completed}, {@code BidAccepted}. */
    static String stateName(String constant) {
        if (!constant.equals(constant.toUpperCase(java.util.Locale.ROOT))) return constant;
        StringBuilder b = new StringBuilder();
        for (String word : constant.split("_")) {
            if (word.isEmpty()) continue;
            b.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    /** A published location as the user can open it: a host path for {@code file:} URIs. */
    static String location(PublishedResult published) {
        URI uri = published.location();
        return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
    }

    static String instant(Instant t) {
        return Instant.EPOCH.equals(t) ? "" : t.toString();
    }

    /** A time for tables, in this machine's zone. */
    static String localTime(Instant t) {
        return Instant.EPOCH.equals(t) ? "-" : LOCAL_TIME.format(t);
    }

    /** "yes (...)" or "no (...)", for human output. */
    static String verdict(dev.bacalhau4j.api.Verdict verdict) {
        return (verdict.verified() ? "yes" : "no") + (verdict.explanation().isEmpty() ? "" : " (" + verdict.explanation() + ")");
    }
}
