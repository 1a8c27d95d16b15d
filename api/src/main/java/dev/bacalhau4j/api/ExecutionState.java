package dev.bacalhau4j.api;

/**
 * The life of one execution:
 * {@code New → BidAccepted → Running → Publishing → Completed | Failed | Cancelled}.
 */
public enum ExecutionState {
    NEW, BID_ACCEPTED, RUNNING, PUBLISHING, COMPLETED, FAILED, CANCELLED;

    /** True for states an execution never leaves. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
