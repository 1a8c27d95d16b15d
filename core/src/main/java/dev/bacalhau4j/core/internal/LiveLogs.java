package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.runtime.ExecutionListener;
import dev.bacalhau4j.core.LogChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a local job's executions printed so far, and who listens: a listener that subscribes late
 * gets what it missed first, then the rest live. Keeps what the result keeps (each execution's
 * stream up to {@code capBytes}) and forgets it when the job ends, when the result holds it.
 */
final class LiveLogs {
    private final long capBytes;
    // guarded by this
    private final List<LogChunk> soFar = new ArrayList<>();
    private final Map<String, Long> kept = new HashMap<>(); // executionId + stream -> bytes kept
    private final List<Consumer<LogChunk>> listeners = new ArrayList<>();
    private boolean ended;

    LiveLogs(long capBytes) {
        this.capBytes = capBytes;
    }

    /** Where the runtime of execution {@code executionId} reports what it prints. */
    ExecutionListener forExecution(String executionId) {
        return new ExecutionListener() {
            @Override
            public void onStdout(byte[] buffer, int offset, int length) {
                printed(executionId, LogChunk.Stream.STDOUT, buffer, offset, length);
            }

            @Override
            public void onStderr(byte[] buffer, int offset, int length) {
                printed(executionId, LogChunk.Stream.STDERR, buffer, offset, length);
            }
        };
    }

    private synchronized void printed(String executionId, LogChunk.Stream stream, byte[] buffer, int offset, int length) {
        if (ended || length == 0) return;
        String key = executionId + stream;
        long before = kept.getOrDefault(key, 0L);
        int keep = (int) Math.min(length, Math.max(0, capBytes - before));
        if (keep == 0) return;
        kept.put(key, before + keep);
        LogChunk chunk = new LogChunk(executionId, stream, java.util.Arrays.copyOfRange(buffer, offset, offset + keep));
        soFar.add(chunk);
        for (Consumer<LogChunk> l : listeners) l.accept(chunk);
    }

    /**
     * Replays what was printed so far to {@code listener} and keeps it informed; once the job has
     * ended, delivers what its result holds instead.
     */
    void subscribe(Consumer<LogChunk> listener, Supplier<JobResult> endedResult) {
        synchronized (this) {
            if (!ended) {
                soFar.forEach(listener);
                listeners.add(listener);
                return;
            }
        }
        LogChunk.allOf(endedResult.get()).forEach(listener);
    }

    /** The job ended (its result is complete): listeners are done, and the result keeps the output. */
    synchronized void end() {
        ended = true;
        soFar.clear();
        kept.clear();
        listeners.clear();
    }
}
