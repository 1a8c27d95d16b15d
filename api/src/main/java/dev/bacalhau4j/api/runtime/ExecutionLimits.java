package dev.bacalhau4j.api.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The caps a runtime enforces on one execution.
 *
 * @param memoryBytes memory cap in bytes, 0 for the runtime's default
 * @param cpuMillis CPU share in thousandths of a core, 0 for unlimited
 * @param timeout wall-clock cap on the run, {@link Duration#ZERO} for none
 * @param stdoutCapBytes bytes of stdout kept; the rest is dropped and the outcome says so
 * @param stderrCapBytes bytes of stderr kept
 * @param outputCapBytes the most bytes the program may leave in its output directories, all
 *     together, counted by apparent size (a sparse file counts its full length, as publishing
 *     reads every byte); 0 for no cap. Passing it fails the execution with
 *     {@link FailureKind#DISK_LIMIT}.
 */
public record ExecutionLimits(
        long memoryBytes, long cpuMillis, Duration timeout, long stdoutCapBytes, long stderrCapBytes,
        long outputCapBytes) {

    /** 1 MiB, the default cap on each of stdout and stderr. */
    public static final long DEFAULT_LOG_CAP = 1L << 20;

    /**
     * Checks the components.
     *
     * @param memoryBytes memory cap in bytes, 0 for the runtime's default
     * @param cpuMillis CPU share in thousandths of a core, 0 for unlimited
     * @param timeout wall-clock cap on the run, {@link Duration#ZERO} for none
     * @param stdoutCapBytes bytes of stdout kept; the rest is dropped and the outcome says so
     * @param stderrCapBytes bytes of stderr kept
     * @param outputCapBytes the most bytes of outputs (apparent size), 0 for no cap
     */
    public ExecutionLimits {
        Objects.requireNonNull(timeout, "timeout == null");
        if (memoryBytes < 0) throw new IllegalArgumentException("memoryBytes < 0: " + memoryBytes);
        if (cpuMillis < 0) throw new IllegalArgumentException("cpuMillis < 0: " + cpuMillis);
        if (timeout.isNegative()) throw new IllegalArgumentException("timeout < 0: " + timeout);
        if (stdoutCapBytes < 0) throw new IllegalArgumentException("stdoutCapBytes < 0");
        if (stderrCapBytes < 0) throw new IllegalArgumentException("stderrCapBytes < 0");
        if (outputCapBytes < 0) throw new IllegalArgumentException("outputCapBytes < 0: " + outputCapBytes);
    }

    /**
     * The same caps with no cap on outputs.
     *
     * @param memoryBytes memory cap in bytes, 0 for the runtime's default
     * @param cpuMillis CPU share in thousandths of a core, 0 for unlimited
     * @param timeout wall-clock cap on the run, {@link Duration#ZERO} for none
     * @param stdoutCapBytes bytes of stdout kept; the rest is dropped and the outcome says so
     * @param stderrCapBytes bytes of stderr kept
     */
    public ExecutionLimits(long memoryBytes, long cpuMillis, Duration timeout, long stdoutCapBytes, long stderrCapBytes) {
        this(memoryBytes, cpuMillis, timeout, stdoutCapBytes, stderrCapBytes, 0);
    }

    /**
     * No memory, CPU, time or output cap; 1 MiB log caps.
     *
     * @return the limits
     */
    public static ExecutionLimits defaults() {
        return new ExecutionLimits(0, 0, Duration.ZERO, DEFAULT_LOG_CAP, DEFAULT_LOG_CAP, 0);
    }

    /**
     * These limits with {@code bytes} as the output cap.
     *
     * @param bytes the most bytes of outputs (apparent size), 0 for no cap
     * @return the new limits
     */
    public ExecutionLimits withOutputCap(long bytes) {
        return new ExecutionLimits(memoryBytes, cpuMillis, timeout, stdoutCapBytes, stderrCapBytes, bytes);
    }
}
