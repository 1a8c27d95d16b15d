package dev.bacalhau4j.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's view of one submitted job: its id, spec and where it stands.
 *
 * @param id the job id ({@code j-...})
 * @param job the spec as submitted
 * @param state the current state
 * @param message why it is in that state, in a sentence (empty when there is nothing to add)
 * @param createdAt when it was submitted
 * @param updatedAt when its state last changed
 */
public record JobInfo(String id, Job job, JobState state, String message, Instant createdAt, Instant updatedAt) {
    /**
     * Checks the components.
     *
     * @param id the job id ({@code j-...})
     * @param job the spec as submitted
     * @param state the current state
     * @param message why it is in that state, in a sentence (empty when there is nothing to add)
     * @param createdAt when it was submitted
     * @param updatedAt when its state last changed
     */
    public JobInfo {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(job, "job == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
    }
}
