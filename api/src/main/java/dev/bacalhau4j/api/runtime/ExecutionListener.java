package dev.bacalhau4j.api.runtime;

/**
 * Receives what an execution prints while it runs. Called from the runtime's threads;
 * implementations must be quick and thread-safe.
 */
public interface ExecutionListener {

    /** A listener that ignores everything. */
    ExecutionListener NONE = new ExecutionListener() {};

    /**
     * A chunk of standard output.
     *
     * @param buffer holds the chunk; valid only during the call
     * @param offset where the chunk starts in {@code buffer}
     * @param length the chunk's length
     */
    default void onStdout(byte[] buffer, int offset, int length) {}

    /**
     * A chunk of standard error.
     *
     * @param buffer holds the chunk; valid only during the call
     * @param offset where the chunk starts in {@code buffer}
     * @param length the chunk's length
     */
    default void onStderr(byte[] buffer, int offset, int length) {}
}
