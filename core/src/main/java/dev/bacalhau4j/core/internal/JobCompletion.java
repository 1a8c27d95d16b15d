package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The waits of {@link dev.bacalhau4j.core.JobHandle#await()} over the future a handle's node
 * completes with the job's result: the node's failure rethrown as it was, a timeout naming the job
 * and its state. Shared by the embedded, orchestrator and client handles.
 */
public final class JobCompletion {
    private JobCompletion() {}

    public static JobResult await(CompletableFuture<JobResult> done) throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    public static JobResult await(CompletableFuture<JobResult> done, Duration timeout, String jobId,
            Supplier<JobState> state) throws InterruptedException, TimeoutException {
        try {
            return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (TimeoutException e) {
            throw new TimeoutException("job " + jobId + " is still " + state.get() + " after " + timeout);
        }
    }

    /** Delivers what the job's executions printed to {@code listener} once {@code done} completes normally. */
    public static void logsAtEnd(CompletableFuture<JobResult> done,
            java.util.function.Consumer<dev.bacalhau4j.core.LogChunk> listener) {
        java.util.Objects.requireNonNull(listener, "listener == null");
        done.thenAccept(result -> dev.bacalhau4j.core.LogChunk.allOf(result).forEach(listener));
    }

    private static RuntimeException unwrap(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
}
