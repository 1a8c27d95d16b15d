package dev.bacalhau4j.api.runtime;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A stream that keeps the first {@code cap} bytes written to it and counts the rest, so a
 * chatty program cannot exhaust the node's memory. Also forwards every chunk to a listener,
 * for streaming logs while the program runs. Thread-safe.
 */
public final class CapturedOutput extends OutputStream {

    /** Receives each chunk written, before capping. */
    @FunctionalInterface
    public interface ChunkListener {
        /**
         * Called with each chunk written, before capping.
         *
         * @param buffer holds the chunk; valid only during the call
         * @param offset where the chunk starts in {@code buffer}
         * @param length the chunk's length
         */
        void onChunk(byte[] buffer, int offset, int length);
    }

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long cap;
    private final ChunkListener listener;
    private long written;

    /**
     * A stream keeping at most {@code cap} bytes, with no listener.
     *
     * @param cap how many bytes to keep
     */
    public CapturedOutput(long cap) {
        this(cap, (b, o, l) -> {});
    }

    /**
     * A stream keeping at most {@code cap} bytes and forwarding every chunk to {@code listener}.
     *
     * @param cap how many bytes to keep
     * @param listener called with every chunk written, on the writer's thread
     * @throws IllegalArgumentException when {@code cap} is negative
     */
    public CapturedOutput(long cap, ChunkListener listener) {
        if (cap < 0) throw new IllegalArgumentException("cap < 0: " + cap);
        this.cap = cap;
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        long room = cap - kept.size();
        if (room > 0) {
            kept.write(buffer, offset, (int) Math.min(room, length));
        }
        written += length;
        listener.onChunk(buffer, offset, length);
    }

    /**
     * The bytes kept, at most {@code cap}.
     *
     * @return a copy of them
     */
    public synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    /**
     * True when more than {@code cap} bytes were written.
     *
     * @return true when some bytes were dropped
     */
    public synchronized boolean truncated() {
        return written > cap;
    }

    /**
     * How many bytes were written in all, kept or not.
     *
     * @return the count
     */
    public synchronized long totalWritten() {
        return written;
    }
}
