package dev.bacalhau4j.core;

import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A submitted job: its state, history and eventual result. Thread-safe; cheap to hold. The
 * node that returned it owns the job; closing the node stops the job.
 */
public interface JobHandle {

    /**
     * The job id ({@code j-...}).
     *
     * @return the id
     */
    String id();

    /**
     * The job's current state.
     *
     * @return the state
     */
    JobState state();

    /**
     * The job's history so far, oldest first.
     *
     * @return the events
     */
    List<JobEvent> events();

    /**
     * Calls {@code listener} for each event from now on, on the node's threads (keep it quick).
     * Events already in {@link #events()} are not replayed.
     *
     * @param listener receives each new event
     */
    void onEvent(Consumer<JobEvent> listener);

    /**
     * Calls {@code listener} with what the job's executions print: on the embedded node live, while
     * they run (what was printed before the call first, so nothing is missed), on the runtime's
     * threads (keep it quick: the program waits for it); for a job on a network of nodes, whose
     * output travels with its result, once the job ends. Either way the listener sees what the
     * result keeps: each stream up to the node's log cap (1 MiB by default).
     *
     * @param listener receives each chunk, in order per execution and stream
     */
    void onLog(Consumer<LogChunk> listener);

    /**
     * Waits for the job to end and returns its result.
     *
     * @return the result, in a terminal state
     * @throws InterruptedException when the waiting thread is interrupted (the job goes on)
     */
    JobResult await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the job to end.
     *
     * @param timeout how long to wait
     * @return the result, in a terminal state
     * @throws InterruptedException when the waiting thread is interrupted (the job goes on)
     * @throws TimeoutException when the job is still running after {@code timeout}
     */
    JobResult await(Duration timeout) throws InterruptedException, TimeoutException;

    /**
     * Stops the job: a queued job never runs, a running one is stopped and its execution
     * cancelled. Does nothing to a job that already ended.
     *
     * @return true when this call stopped the job
     */
    boolean cancel();

    /**
     * The result so far (executions that have ended, and the current state).
     *
     * @return the result so far
     */
    JobResult result();
}
