package dev.bacalhau4j.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a job's history: a state transition of the job or of one of its executions,
 * persisted before the node acts on it.
 *
 * @param sequence position in the job's history, from 1
 * @param jobId the job
 * @param executionId the execution, empty for job-level events
 * @param time when it happened
 * @param state the new state's name ({@link JobState} or {@link ExecutionState})
 * @param message why, in a sentence (empty when there is nothing to add)
 */
public record JobEvent(
        long sequence, String jobId, String executionId, Instant time, String state, String message) {
    /**
     * Checks the components.
     *
     * @param sequence position in the job's history, from 1
     * @param jobId the job
     * @param executionId the execution, empty for job-level events
     * @param time when it happened
     * @param state the new state's name ({@link JobState} or {@link ExecutionState})
     * @param message why, in a sentence (empty when there is nothing to add)
     */
    public JobEvent {
        Objects.requireNonNull(jobId, "jobId == null");
        Objects.requireNonNull(executionId, "executionId == null");
        Objects.requireNonNull(time, "time == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(message, "message == null");
    }

    /**
     * Whether the event is about the job itself rather than one execution.
     *
     * @return true when it has no execution id
     */
    public boolean isJobEvent() {
        return executionId.isEmpty();
    }
}
