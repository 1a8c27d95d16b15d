package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.internal.FutureJobHandle;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's handle on a job of a remote orchestrator. Events arrive streamed and from the
 * client's periodic sync; they are delivered to listeners once each, in sequence order, holding
 * back what comes after a gap until the gap is filled. The job's end (its terminal event) fetches
 * the result and completes {@link #await()}.
 */
final class RemoteJob extends FutureJobHandle {
    private static final Logger log = LoggerFactory.getLogger(RemoteJob.class);

    private final RemoteNode node;
    // guarded by this
    private final TreeMap<Long, JobEvent> early = new TreeMap<>();
    private long lastSequence;
    private volatile JobState state;

    RemoteJob(String id, JobState state, long lastSequence, RemoteNode node) {
        super(id);
        this.state = state;
        this.lastSequence = lastSequence;
        this.node = node;
    }

    synchronized long lastSequence() {
        return lastSequence;
    }

    boolean isDone() {
        return done.isDone();
    }

    /**
     * Takes events from the stream or a sync; returns true when one is missing before those it
     * holds back (the caller syncs then).
     */
    boolean offer(List<JobEvent> events) {
        boolean ended = false;
        boolean gap;
        synchronized (this) {
            for (JobEvent e : events) {
                if (e.sequence() > lastSequence) early.put(e.sequence(), e);
            }
            while (!early.isEmpty() && early.firstKey() == lastSequence + 1) {
                JobEvent e = early.pollFirstEntry().getValue();
                lastSequence = e.sequence();
                if (e.isJobEvent()) {
                    state = JobState.valueOf(e.state());
                    ended |= state.isTerminal();
                }
                for (Consumer<JobEvent> l : listeners) {
                    try {
                        l.accept(e);
                    } catch (RuntimeException ex) {
                        log.warn("job {}: event listener failed", id, ex);
                    }
                }
            }
            gap = !early.isEmpty();
        }
        if (ended) node.fetchResultOf(this);
        return gap;
    }

    void complete(JobResult result) {
        state = result.state();
        done.complete(result);
    }

    void fail(BacalhauException e) {
        done.completeExceptionally(e);
    }

    @Override
    public JobState state() {
        return state;
    }

    @Override
    public List<JobEvent> events() {
        return node.history(id);
    }

    @Override
    public boolean cancel() {
        return node.cancel(id);
    }

    @Override
    public JobResult result() {
        return node.result(id).orElseThrow(() -> new BacalhauException("the orchestrator no longer knows job " + id));
    }
}
