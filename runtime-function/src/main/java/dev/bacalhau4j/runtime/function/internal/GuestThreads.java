package dev.bacalhau4j.runtime.function.internal;

import dev.bacalhau4j.api.runtime.CapturedOutput;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs guests on a cached pool of daemon threads with a big stack, enforces the execution
 * timeout and turns cancellation into interruption of the guest's thread (Chicory stops at the
 * next call or backward branch). Owns its pool; {@link #shutdown()} stops it. Thread-safe.
 */
public final class GuestThreads {

    private static final Logger LOG = LoggerFactory.getLogger(GuestThreads.class);

    private final String prefix;
    private final ExecutorService pool;
    private final Duration stopGracePeriod;

    /** Threads are named {@code <prefix>-<n>}, and {@code <prefix>-<executionId>} while running one. */
    public GuestThreads(String prefix, long threadStackBytes, Duration stopGracePeriod) {
        this.prefix = prefix;
        this.stopGracePeriod = stopGracePeriod;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(null, r, prefix + "-" + counter.incrementAndGet(), threadStackBytes);
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Runs {@code guest} on a pool thread and waits for it up to the context's timeout.
     *
     * @param what the guest as messages name it ("the module", "the script")
     * @return the guest's outcome, or a {@link FailureKind#TIMEOUT} failure with the logs so far
     * @throws InterruptedException when the calling thread is interrupted; the guest is stopped first
     */
    public ExecutionOutcome run(ExecutionContext context, String what, CapturedOutput stdout, CapturedOutput stderr,
            String detail, Supplier<ExecutionOutcome> guest) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<ExecutionOutcome> result = new AtomicReference<>();
        Future<?> future = pool.submit(() -> {
            Thread self = Thread.currentThread();
            String name = self.getName();
            self.setName(prefix + "-" + context.executionId());
            try {
                result.set(guest.get());
            } catch (Throwable t) {
                result.set(ExecutionOutcome.failed(FailureKind.ENGINE, "" + t, stdout, stderr, detail));
            } finally {
                self.setName(name);
                finished.countDown();
            }
        });
        Duration timeout = context.limits().timeout();
        try {
            boolean done;
            if (timeout.isZero()) {
                finished.await();
                done = true;
            } else {
                done = finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (done) return result.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            awaitStop(finished, context);
            LOG.debug("job {} execution {}: cancelled", context.jobId(), context.executionId());
            throw e;
        }
        future.cancel(true);
        awaitStop(finished, context);
        LOG.debug("job {} execution {}: stopped after its timeout of {}", context.jobId(), context.executionId(),
                timeout);
        return ExecutionOutcome.failed(FailureKind.TIMEOUT, what + " ran past its execution timeout of "
                + humanDuration(timeout) + " and was stopped", stdout, stderr, detail);
    }

    /** Waits (ignoring further interrupts) for an interrupted guest to stop, up to the grace period. */
    private void awaitStop(CountDownLatch finished, ExecutionContext context) {
        long deadline = System.nanoTime() + stopGracePeriod.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("job {} execution {}: the guest did not stop within {} of being interrupted",
                            context.jobId(), context.executionId(), stopGracePeriod);
                    return;
                }
                try {
                    if (finished.await(left, TimeUnit.NANOSECONDS)) return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Stops the pool, interrupting running guests. */
    public void shutdown() {
        pool.shutdownNow();
    }

    /** {@code 1s}, {@code 1m30s}, {@code 250ms}: durations as users write them, not ISO-8601. */
    static String humanDuration(Duration d) {
        if (d.toMillisPart() != 0 || d.isZero()) return d.toMillis() + "ms";
        long h = d.toHours(), m = d.toMinutesPart(), sec = d.toSecondsPart();
        return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (sec > 0 ? sec + "s" : "");
    }
}
