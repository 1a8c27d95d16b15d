package dev.bacalhau4j.core.internal;

/**
 * A job waiting for a worker: higher {@code Priority} first, then first come, first served.
 * The worker pool's queue orders these, so waiting jobs never need re-sorting by hand.
 */
final class QueuedJob implements Runnable, Comparable<QueuedJob> {
    private final int priority;
    private final long arrival;
    private final Runnable work;

    QueuedJob(int priority, long arrival, Runnable work) {
        this.priority = priority;
        this.arrival = arrival;
        this.work = work;
    }

    @Override
    public void run() {
        work.run();
    }

    @Override
    public int compareTo(QueuedJob other) {
        int byPriority = Integer.compare(other.priority, priority);
        return byPriority != 0 ? byPriority : Long.compare(arrival, other.arrival);
    }
}
