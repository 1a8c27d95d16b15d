package dev.bacalhau4j.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one execution produced.
 *
 * @param executionId the execution
 * @param nodeId the node that ran it
 * @param state its final (or current) state
 * @param exitCode the program's exit code, -1 when it did not exit normally
 * @param stdoutBytes standard output as captured (possibly truncated)
 * @param stdoutTruncated true when stdout passed its cap
 * @param stderrBytes standard error as captured
 * @param stderrTruncated true when stderr passed its cap
 * @param failureReason a short word ({@code timeout}, {@code trap}...), empty when it did not fail
 * @param failureMessage a sentence explaining the failure, empty when none
 * @param engineDetail what the engine ran: the image digest for containers, empty when unknown
 * @param published where the outputs are, empty until published
 * @param startedAt when it started running, {@link Instant#EPOCH} when it never did
 * @param finishedAt when it ended, {@link Instant#EPOCH} while it runs
 */
public record ExecutionResult(
        String executionId,
        String nodeId,
        ExecutionState state,
        int exitCode,
        byte[] stdoutBytes,
        boolean stdoutTruncated,
        byte[] stderrBytes,
        boolean stderrTruncated,
        String failureReason,
        String failureMessage,
        String engineDetail,
        Optional<PublishedResult> published,
        Instant startedAt,
        Instant finishedAt) {

    /**
     * Checks the components.
     *
     * @param executionId the execution
     * @param nodeId the node that ran it
     * @param state its final (or current) state
     * @param exitCode the program's exit code, -1 when it did not exit normally
     * @param stdoutBytes standard output as captured (possibly truncated)
     * @param stdoutTruncated true when stdout passed its cap
     * @param stderrBytes standard error as captured
     * @param stderrTruncated true when stderr passed its cap
     * @param failureReason a short word ({@code timeout}, {@code trap}...), empty when it did not fail
     * @param failureMessage a sentence explaining the failure, empty when none
     * @param engineDetail what the engine ran: the image digest for containers, empty when unknown
     * @param published where the outputs are, empty until published
     * @param startedAt when it started running, {@link Instant#EPOCH} when it never did
     * @param finishedAt when it ended, {@link Instant#EPOCH} while it runs
     */
    public ExecutionResult {
        Objects.requireNonNull(executionId, "executionId == null");
        Objects.requireNonNull(nodeId, "nodeId == null");
        Objects.requireNonNull(state, "state == null");
        stdoutBytes = Objects.requireNonNull(stdoutBytes, "stdoutBytes == null").clone();
        stderrBytes = Objects.requireNonNull(stderrBytes, "stderrBytes == null").clone();
        Objects.requireNonNull(failureReason, "failureReason == null");
        Objects.requireNonNull(failureMessage, "failureMessage == null");
        Objects.requireNonNull(engineDetail, "engineDetail == null");
        Objects.requireNonNull(published, "published == null");
        Objects.requireNonNull(startedAt, "startedAt == null");
        Objects.requireNonNull(finishedAt, "finishedAt == null");
    }

    /**
     * Captured standard output (possibly truncated).
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] stdoutBytes() {
        return stdoutBytes.clone();
    }

    /**
     * Captured standard error (possibly truncated).
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] stderrBytes() {
        return stderrBytes.clone();
    }

    /**
     * Standard output decoded as UTF-8.
     *
     * @return the text
     */
    public String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    /**
     * Standard error decoded as UTF-8.
     *
     * @return the text
     */
    public String stderr() {
        return new String(stderrBytes, StandardCharsets.UTF_8);
    }
}
