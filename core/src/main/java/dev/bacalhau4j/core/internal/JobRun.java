package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One job on the local node: its live state, the worker running it, and the future of its
 * result. State changes happen only through {@link LocalNode}, under this object's monitor.
 */
final class JobRun extends FutureJobHandle {
    final Job job;
    private final LocalNode node;
    final LiveLogs logs;

    // guarded by this
    JobState state;
    Thread worker;
    JobState cancelledTo;
    String cancelReason = "";
    Future<?> queueTimer;
    Future<?> totalTimer;

    JobRun(String id, Job job, JobState state, LocalNode node) {
        super(id);
        this.job = job;
        this.state = state;
        this.node = node;
        this.logs = new LiveLogs(node.config().logCapBytes());
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
    public boolean cancel() {
        return node.stop(this, JobState.STOPPED, "stopped by the user");
    }

    @Override
    public JobResult result() {
        return node.result(id).orElseThrow();
    }

}
