package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.LogChunk;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What the embedded, orchestrator and client job handles share: the job's id, the future their
 * node completes with the job's result, and the event listeners their node delivers to. The waits
 * rethrow the node's failure as it was and time out naming the job and its state; logs arrive with
 * the result unless a handle streams them. The fields are public because the nodes driving the
 * handles live in other packages.
 */
public abstract class FutureJobHandle implements JobHandle {
    /** The job's id. */
    public final String id;
    /** Completed by the node with the job's result, or with why it cannot give one. */
    public final CompletableFuture<JobResult> done = new CompletableFuture<>();
    /** Who hears each new event. */
    public final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();

    protected FutureJobHandle(String id) {
        this.id = Objects.requireNonNull(id, "id == null");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void onEvent(Consumer<JobEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener == null"));
    }

    /** Delivers what the job's executions printed once the result is in: the output travels with it. */
    @Override
    public void onLog(Consumer<LogChunk> listener) {
        Objects.requireNonNull(listener, "listener == null");
        done.thenAccept(result -> LogChunk.allOf(result).forEach(listener));
    }

    @Override
    public JobResult await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    @Override
    public JobResult await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (TimeoutException e) {
            throw new TimeoutException("job " + id + " is still " + state() + " after " + timeout);
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
}
