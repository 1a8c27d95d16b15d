package dev.bacalhau4j.api.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * What a runtime returns for one execution: the program's exit code and captured logs, or
 * why it could not run to its end.
 *
 * <p>A non-zero exit code is an ordinary outcome ({@link #failure()} is empty). Logs are kept
 * up to the caps of {@link ExecutionLimits}; the {@code ...Truncated} flags say when bytes
 * were dropped. Files the program wrote are in the context's result mounts.
 *
 * @param exitCode the program's exit code; -1 when it never exited normally
 * @param stdout captured standard output (possibly truncated)
 * @param stdoutTruncated true when stdout passed its cap
 * @param stderr captured standard error (possibly truncated)
 * @param stderrTruncated true when stderr passed its cap
 * @param failure why the execution failed, empty when the program ran to its exit
 * @param failureMessage a human sentence for the failure, empty when none
 * @param engineDetail what the engine ran (image digest, module hash), empty when unknown
 */
public record ExecutionOutcome(
        int exitCode,
        byte[] stdout,
        boolean stdoutTruncated,
        byte[] stderr,
        boolean stderrTruncated,
        Optional<FailureKind> failure,
        String failureMessage,
        String engineDetail) {

    public ExecutionOutcome {
        stdout = Objects.requireNonNull(stdout, "stdout == null").clone();
        stderr = Objects.requireNonNull(stderr, "stderr == null").clone();
        Objects.requireNonNull(failure, "failure == null");
        Objects.requireNonNull(failureMessage, "failureMessage == null");
        Objects.requireNonNull(engineDetail, "engineDetail == null");
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** True when the program ran to its exit (whatever the exit code). */
    public boolean ranToExit() {
        return failure.isEmpty();
    }

    /** The program exited with {@code exitCode}. */
    public static ExecutionOutcome exited(
            int exitCode, CapturedOutput stdout, CapturedOutput stderr, String engineDetail) {
        return new ExecutionOutcome(exitCode, stdout.bytes(), stdout.truncated(), stderr.bytes(),
                stderr.truncated(), Optional.empty(), "", engineDetail);
    }

    /** The execution failed for {@code kind}; logs captured up to then are kept. */
    public static ExecutionOutcome failed(FailureKind kind, String message,
            CapturedOutput stdout, CapturedOutput stderr, String engineDetail) {
        return new ExecutionOutcome(-1, stdout.bytes(), stdout.truncated(), stderr.bytes(),
                stderr.truncated(), Optional.of(kind), message, engineDetail);
    }

    /** The execution failed before the program produced any output. */
    public static ExecutionOutcome failed(FailureKind kind, String message) {
        return new ExecutionOutcome(-1, new byte[0], false, new byte[0], false, Optional.of(kind),
                message, "");
    }
}
