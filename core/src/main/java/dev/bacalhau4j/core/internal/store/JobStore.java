package dev.bacalhau4j.core.internal.store;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobState;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of jobs, their executions and full event history. Every state change is
 * written (state and its event in one transaction) before the node acts on it.
 */
public interface JobStore extends AutoCloseable {

    /** Records a new job in {@code Pending} and its first event. */
    JobEvent createJob(String jobId, Job job, String message);

    /** Moves a job to {@code state}, appending the event. */
    JobEvent transitionJob(String jobId, JobState state, String message);

    /** Records a new execution of a job in {@code New}. */
    JobEvent createExecution(String jobId, String executionId, String nodeId, String message);

    /** Moves an execution to {@code state}, appending the event. */
    JobEvent transitionExecution(String jobId, String executionId, ExecutionState state, String message);

    /**
     * Appends an event that changes no state (a dropped message, a decision worth recording),
     * under the current state of the job, or of the execution when {@code executionId} is not empty.
     */
    JobEvent note(String jobId, String executionId, String message);

    /** Saves an execution's result fields (logs, exit code, failure, published location, times). */
    void saveExecutionResult(String jobId, ExecutionResult result);

    Optional<JobInfo> job(String jobId);

    /** All jobs, newest first. */
    List<JobInfo> jobs();

    List<JobEvent> events(String jobId);

    /** The job's executions in creation order. */
    List<ExecutionResult> executions(String jobId);

    /** Ids of jobs not in a terminal state, oldest first. */
    List<String> unfinishedJobs();

    @Override
    void close();
}
