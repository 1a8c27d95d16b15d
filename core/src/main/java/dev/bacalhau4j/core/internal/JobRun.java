package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.JobHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One job on the local node: its live state, the worker running it, and the future of its
 * result. State changes happen only through {@link LocalNode}, under this object's monitor.
 */
final class JobRun implements JobHandle {
    final String id;
    final Job job;
    private final LocalNode node;
    final CompletableFuture<JobResult> done = new CompletableFuture<>();
    final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();
    final LiveLogs logs;

    // guarded by this
    JobState state;
    Thread worker;
    JobState cancelledTo;
    String cancelReason = "";
    Future<?> queueTimer;
    Future<?> totalTimer;

    JobRun(String id, Job job, JobState state, LocalNode node) {
        this.id = id;
        this.job = job;
        this.state = state;
        this.node = node;
        this.logs = new LiveLogs(node.config().logCapBytes());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized JobState state() {
        return state;
    }

    @Override
    public List<JobEvent> events() {
        return node.history(id);
    }

    @Override
    public void onEvent(Consumer<JobEvent> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener == null"));
    }

    @Override
    public void onLog(Consumer<dev.bacalhau4j.core.LogChunk> listener) {
        java.util.Objects.requireNonNull(listener, "listener == null");
        if (done.isCompletedExceptionally()) return; // the store failed: no result to read logs from
        if (done.isDone()) {
            dev.bacalhau4j.core.LogChunk.allOf(done.join()).forEach(listener);
        } else {
            logs.subscribe(listener, () -> done.isCompletedExceptionally() ? emptyResult() : done.join());
        }
    }

    private JobResult emptyResult() {
        return new JobResult(id, JobState.FAILED, "", List.of());
    }

    @Override
    public JobResult await() throws InterruptedException {
        return JobCompletion.await(done);
    }

    @Override
    public JobResult await(Duration timeout) throws InterruptedException, TimeoutException {
        return JobCompletion.await(done, timeout, id, this::state);
    }

    @Override
    public boolean cancel() {
        return node.stop(this, JobState.STOPPED, "stopped by the user");
    }

    @Override
    public JobResult result() {
        return node.result(id).orElseThrow();
    }

}
