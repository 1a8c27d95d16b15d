package dev.bacalhau4j.examples.cli;

import java.io.PrintWriter;
import java.util.function.LongFunction;

/**
 * One line of live status on a terminal's stderr, redrawn in place (carriage return) ten times a
 * second by one daemon thread ({@code bacalhau4j-progress}) that this object owns. {@link #close()}
 * stops the thread and clears the line, {@link #finish(String)} replaces it with a final line (and
 * a newline), which stays;
 * either must come before the command prints its result, so the two never mix. Only the commands
 * that decided progress is wanted (see {@link BacalhauCommand#showsProgress()}) make one.
 */
final class LiveStatus implements AutoCloseable {
    /** How often the line is redrawn: at most ten times a second. */
    static final long INTERVAL_MILLIS = 100;
    /** Longer lines are cut, so a line never wraps on an 80-column terminal (a wrapped line cannot be redrawn in place). */
    static final int MAX_WIDTH = 79;

    private final PrintWriter err;
    private final LongFunction<String> frames;
    private Thread thread;
    private long frame;
    private int drawnWidth;
    private boolean stopped;

    /**
     * A status line on {@code err} whose text for frame {@code n} (counted from 0) is
     * {@code frames.apply(n)}; an empty text draws nothing. Not drawn until {@link #start()}.
     */
    LiveStatus(PrintWriter err, LongFunction<String> frames) {
        this.err = err;
        this.frames = frames;
    }

    /** Draws the first frame now (so even a wait shorter than one interval shows one), then redraws; returns this. */
    synchronized LiveStatus start() {
        if (thread != null || stopped) throw new IllegalStateException("already started or closed");
        drawNext();
        thread = new Thread(this::redrawUntilClosed, "bacalhau4j-progress");
        thread.setDaemon(true);   // never keeps the JVM alive, even if a command forgets to close it
        thread.start();
        return this;
    }

    /** The redrawing thread; null before {@link #start()}. For tests. */
    synchronized Thread thread() {
        return thread;
    }

    private void redrawUntilClosed() {
        try {
            do {
                Thread.sleep(INTERVAL_MILLIS);
            } while (drawNext());
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Draws the next frame now; false once closed. The redrawing thread calls it; tests call it directly. */
    synchronized boolean drawNext() {
        if (stopped) return false;
        String text = cut(frames.apply(frame++));
        if (!text.isEmpty()) {
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
            err.flush();
            drawnWidth = Math.max(drawnWidth, text.length());
        }
        return true;
    }

    /** Stops redrawing and replaces the line with {@code finalLine} and a newline; an empty one just clears it. */
    void finish(String finalLine) {
        if (finalLine.isEmpty()) {
            close();
            return;
        }
        stop();
        synchronized (this) {
            String text = cut(finalLine);
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())) + "\n");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** Stops redrawing and clears the line (blanks it and returns the cursor to its start). Idempotent. */
    @Override
    public void close() {
        stop();
        synchronized (this) {
            if (drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
                drawnWidth = 0;
            }
        }
    }

    private void stop() {
        Thread t;
        synchronized (this) {
            stopped = true;
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // stopped is set: it draws nothing more either way
            }
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_WIDTH ? text : text.substring(0, MAX_WIDTH - 1) + "…";
    }
}
