package dev.bacalhau4j.runtime.function.internal;

/**
 * The guest's only notion of time: starts at a fixed epoch and moves forward only by a fixed
 * step per clock read, or by the timeout of a {@code poll_oneoff} clock subscription (the
 * guest "sleeps" without waiting). Confined to the guest's thread.
 */
final class VirtualClock {

    private final long epochNanos;
    private final long stepNanos;
    private long elapsedNanos;

    VirtualClock(long epochNanos, long stepNanos) {
        this.epochNanos = epochNanos;
        this.stepNanos = stepNanos;
    }

    /** Nanoseconds since the fixed epoch for REALTIME, since start for the others; then a step passes. */
    long read(boolean realtime) {
        long value = peek(realtime);
        elapsedNanos += stepNanos;
        return value;
    }

    long peek(boolean realtime) {
        return realtime ? epochNanos + elapsedNanos : elapsedNanos;
    }

    void advance(long nanos) {
        if (nanos > 0) elapsedNanos += nanos;
    }
}
