package dev.bacalhau4j.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a job: its final state and each execution's result.
 *
 * <p>The convenience accessors ({@link #stdout()}, {@link #exitCode()}, {@link #outputs()})
 * read the accepted execution: for verified jobs the first of the agreeing executions, else the
 * first completed one, else the last one.
 *
 * @param jobId the job
 * @param state its final state
 * @param message why it ended so, in a sentence (empty for a plain completion)
 * @param executions every execution, in the order they were created
 * @param verdict whether the result was verified by independent executions
 */
public record JobResult(String jobId, JobState state, String message, List<ExecutionResult> executions,
                        Verdict verdict) {
    /**
     * Checks the components and copies the collections.
     *
     * @param jobId the job
     * @param state its final state
     * @param message why it ended so, in a sentence (empty for a plain completion)
     * @param executions every execution, in the order they were created
     * @param verdict whether the result was verified by independent executions
     */
    public JobResult {
        Objects.requireNonNull(jobId, "jobId == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(message, "message == null");
        executions = List.copyOf(executions);
        Objects.requireNonNull(verdict, "verdict == null");
    }

    /**
     * A result nobody verified.
     *
     * @param jobId the job
     * @param state its final state
     * @param message why it ended so, in a sentence (empty for a plain completion)
     * @param executions every execution, in the order they were created
     */
    public JobResult(String jobId, JobState state, String message, List<ExecutionResult> executions) {
        this(jobId, state, message, executions, Verdict.unverified("not verified"));
    }

    /**
     * The execution whose outputs stand for the job: the first agreeing one of a verified job, else the
     * first completed one, else the last one.
     *
     * @return that execution; empty when none ran
     */
    public Optional<ExecutionResult> execution() {
        if (!verdict.agreeing().isEmpty()) {
            Optional<ExecutionResult> agreed = executions.stream()
                    .filter(e -> verdict.agreeing().contains(e.executionId())).findFirst();
            if (agreed.isPresent()) return agreed;
        }
        return executions.stream()
                .filter(e -> e.state() == ExecutionState.COMPLETED)
                .findFirst()
                .or(() -> executions.isEmpty()
                        ? Optional.empty()
                        : Optional.of(executions.get(executions.size() - 1)));
    }

    /**
     * Whether the job completed and its program exited 0.
     *
     * @return true when it did
     */
    public boolean succeeded() {
        return state == JobState.COMPLETED && exitCode() == 0;
    }

    /**
     * The program's standard output, from {@link #execution()}.
     *
     * @return it decoded as UTF-8; empty when no execution ran
     */
    public String stdout() {
        return execution().map(ExecutionResult::stdout).orElse("");
    }

    /**
     * The program's standard error, from {@link #execution()}.
     *
     * @return it decoded as UTF-8; empty when no execution ran
     */
    public String stderr() {
        return execution().map(ExecutionResult::stderr).orElse("");
    }

    /**
     * The program's exit code, from {@link #execution()}.
     *
     * @return the exit code; -1 when no execution exited normally
     */
    public int exitCode() {
        return execution().map(ExecutionResult::exitCode).orElse(-1);
    }

    /**
     * Where the outputs were published.
     *
     * @return the published result; empty when nothing was published
     */
    public Optional<PublishedResult> outputs() {
        return execution().flatMap(ExecutionResult::published);
    }
}
