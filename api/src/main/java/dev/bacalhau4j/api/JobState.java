package dev.bacalhau4j.api;

/** The life of a job: {@code Pending → Queued → Running → Completed | Failed | Stopped}. */
public enum JobState {
    PENDING, QUEUED, RUNNING, COMPLETED, FAILED, STOPPED;

    /** True for states a job never leaves. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
