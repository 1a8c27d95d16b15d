package dev.bacalhau4j.runtime.container.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Samples the apparent size of one running container's output directories and stops the
 * container as soon as they hold more than the cap, so a job cannot fill the node's disk before
 * it exits. Between two samples a container can still write what its disk bandwidth allows in
 * {@link #INTERVAL}; the core measures again before publishing.
 *
 * <p>Owns one daemon thread from {@link #start} to {@link #close()}; {@code close()} is idempotent.
 */
public final class OutputWatcher implements AutoCloseable {
    /** Time between two samples (longer when one walk of the tree takes longer). */
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final List<Path> roots;
    private final long cap;
    private final Runnable stopContainer;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile long seen = -1;

    private OutputWatcher(List<Path> roots, long cap, Runnable stopContainer, String name) {
        this.roots = List.copyOf(roots);
        this.cap = cap;
        this.stopContainer = stopContainer;
        this.thread = new Thread(this::watch, "bacalhau4j-outputs-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code roots}; {@code stopContainer} runs once, on the watcher's thread, when
     * they hold more than {@code cap} bytes.
     */
    public static OutputWatcher start(List<Path> roots, long cap, Runnable stopContainer, String name) {
        OutputWatcher watcher = new OutputWatcher(roots, cap, stopContainer, name);
        watcher.thread.start();
        return watcher;
    }

    /** The bytes seen when the cap was passed (at least that much was written), or empty while within it. */
    public OptionalLong exceeded() {
        long s = seen;
        return s < 0 ? OptionalLong.empty() : OptionalLong.of(s);
    }

    private void watch() {
        try {
            long pause = INTERVAL.toNanos();
            while (!closed.await(pause, TimeUnit.NANOSECONDS)) {
                long began = System.nanoTime();
                long bytes = ApparentSize.of(roots, cap);
                if (bytes > cap) {
                    seen = bytes;
                    stopContainer.run();
                    return;
                }
                // a huge tree takes long to walk: spend at most a third of the time walking it
                pause = Math.max(INTERVAL.toNanos(), 2 * (System.nanoTime() - began));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sampling and waits for the watcher's thread to end (a stop it began completes first). */
    @Override
    public void close() {
        closed.countDown();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the caller's cancel: finish closing, then keep its interrupt
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
