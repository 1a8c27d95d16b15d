package dev.bacalhau4j.examples.cli;

import java.io.PrintWriter;

/** Starts the live bar of a data-moving command ({@code job get}, {@code ipfs get}, {@code ipfs add}). */
final class Transfers {
    /** Characters between the bar's brackets. */
    static final int BAR_WIDTH = 24;

    private Transfers() {}

    /**
     * A live bar on {@code err} showing {@code progress}, started; the caller closes it before
     * printing its result.
     */
    static LiveStatus show(TransferProgress progress, PrintWriter err) {
        return new LiveStatus(err, frame -> progress.line()).start();
    }

    /** Progress on the real clock. */
    static TransferProgress progress() {
        return new TransferProgress(System::nanoTime, new ByteProgressBar(BAR_WIDTH));
    }
}
