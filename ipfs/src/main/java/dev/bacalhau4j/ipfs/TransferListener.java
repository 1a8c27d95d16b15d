package dev.bacalhau4j.ipfs;

/**
 * Hears how far a transfer of bytes has got: a DAG fetched from a gateway, a tree written out or
 * read in. It is called on the transferring thread after each chunk, so it must be quick and must
 * not throw; a progress display samples the latest values from its own thread.
 */
@FunctionalInterface
public interface TransferListener {
    /** A listener that ignores everything. */
    TransferListener NONE = (doneBytes, totalBytes) -> { };

    /**
     * Reports the bytes moved so far.
     *
     * @param doneBytes bytes moved since the transfer began (never decreases)
     * @param totalBytes bytes the transfer will move in all, or -1 when that is not known
     */
    void transferred(long doneBytes, long totalBytes);
}
