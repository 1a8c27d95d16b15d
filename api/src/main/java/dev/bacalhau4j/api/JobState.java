package dev.bacalhau4j.api;

/** The life of a job: {@code Pending → Queued → Running → Completed | Failed | Stopped}. */
public enum JobState {
    /** Accepted and stored, not yet queued. */
    PENDING,
    /** Waiting for a node or a slot to run on. */
    QUEUED,
    /** At least one execution is running. */
    RUNNING,
    /** Its executions completed (and, for verified jobs, agreed). */
    COMPLETED,
    /** It could not complete; the reason is in the job's message. */
    FAILED,
    /** Stopped before it ended: by the user, or because its node closed. */
    STOPPED;

    /**
     * Whether a job never leaves this state.
     *
     * @return true for {@code COMPLETED}, {@code FAILED} and {@code STOPPED}
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
