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

    /**
     * Checks the components.
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
    public ExecutionOutcome {
        stdout = Objects.requireNonNull(stdout, "stdout == null").clone();
        stderr = Objects.requireNonNull(stderr, "stderr == null").clone();
        Objects.requireNonNull(failure, "failure == null");
        Objects.requireNonNull(failureMessage, "failureMessage == null");
        Objects.requireNonNull(engineDetail, "engineDetail == null");
    }

    /**
     * Captured standard output (possibly truncated).
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /**
     * Captured standard error (possibly truncated).
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /**
     * True when the program ran to its exit (whatever the exit code).
     *
     * @return true when {@link #failure()} is empty
     */
    public boolean ranToExit() {
        return failure.isEmpty();
    }

    /**
     * The program exited with {@code exitCode}.
     *
     * @param exitCode the program's exit code
     * @param stdout its captured standard output
     * @param stderr its captured standard error
     * @param engineDetail what the engine ran, empty when unknown
     * @return the outcome
     */
    public static ExecutionOutcome exited(
            int exitCode, CapturedOutput stdout, CapturedOutput stderr, String engineDetail) {
        return new ExecutionOutcome(exitCode, stdout.bytes(), stdout.truncated(), stderr.bytes(),
                stderr.truncated(), Optional.empty(), "", engineDetail);
    }

    /**
     * The execution failed for {@code kind}; logs captured up to then are kept.
     *
     * @param kind why it failed
     * @param message a human sentence for the failure
     * @param stdout standard output captured until then
     * @param stderr standard error captured until then
     * @param engineDetail what the engine ran, empty when unknown
     * @return the outcome
     */
    public static ExecutionOutcome failed(FailureKind kind, String message,
            CapturedOutput stdout, CapturedOutput stderr, String engineDetail) {
        return new ExecutionOutcome(-1, stdout.bytes(), stdout.truncated(), stderr.bytes(),
                stderr.truncated(), Optional.of(kind), message, engineDetail);
    }

    /**
     * The execution failed before the program produced any output.
     *
     * @param kind why it failed
     * @param message a human sentence for the failure
     * @return the outcome, with empty logs
     */
    public static ExecutionOutcome failed(FailureKind kind, String message) {
        return new ExecutionOutcome(-1, new byte[0], false, new byte[0], false, Optional.of(kind),
                message, "");
    }
}
