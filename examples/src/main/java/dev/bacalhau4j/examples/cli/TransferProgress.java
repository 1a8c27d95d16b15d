package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.ipfs.TransferListener;
import java.util.function.LongSupplier;

/**
 * The state of a transfer in named steps ("Fetching", then "Writing"), fed by the core's
 * {@link TransferListener}s on the transferring thread and read by {@link LiveStatus}'s thread as
 * a {@link ByteProgressBar} line. The rate is the step's average since its first report.
 */
final class TransferProgress {
    /** Below this a rate would be noise, so it is not shown. */
    private static final long MIN_RATE_NANOS = 200_000_000L;

    private record Step(String label, long done, long total, long startNanos) {}

    private final LongSupplier nanoClock;
    private final ByteProgressBar bar;
    private volatile Step step;

    /** Progress timed by {@code nanoClock} ({@code System::nanoTime}, or a test's clock), drawn with {@code bar}. */
    TransferProgress(LongSupplier nanoClock, ByteProgressBar bar) {
        this.nanoClock = nanoClock;
        this.bar = bar;
    }

    /** A listener for the step {@code label}: its first report makes it the step shown. */
    TransferListener step(String label) {
        return new TransferListener() {
            private long start = Long.MIN_VALUE;

            @Override
            public void transferred(long doneBytes, long totalBytes) {
                if (start == Long.MIN_VALUE) start = nanoClock.getAsLong();
                step = new Step(label, doneBytes, totalBytes, start);
            }
        };
    }

    /** The line to draw now; empty before any step has reported. */
    String line() {
        Step s = step;
        if (s == null) return "";
        long nanos = nanoClock.getAsLong() - s.startNanos();
        double rate = nanos < MIN_RATE_NANOS ? -1 : s.done() * 1e9 / nanos;
        return bar.render(s.label(), s.done(), s.total(), rate);
    }
}
