package dev.bacalhau4j.api;

/**
 * The life of one execution:
 * {@code New → BidAccepted → Running → Publishing → Completed | Failed | Cancelled}.
 */
public enum ExecutionState {
    /** Created, not yet placed on a node. */
    NEW,
    /** A compute node accepted it and will run it. */
    BID_ACCEPTED,
    /** The program is running. */
    RUNNING,
    /** The program ended; its outputs are being published. */
    PUBLISHING,
    /** Ran and published (whatever the program's exit code). */
    COMPLETED,
    /** Could not run or publish: staging, trap, timeout, memory cap, node lost. */
    FAILED,
    /** Stopped before it ended, by the user or the orchestrator. */
    CANCELLED;

    /**
     * Whether an execution never leaves this state.
     *
     * @return true for {@code COMPLETED}, {@code FAILED} and {@code CANCELLED}
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
