package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;

/**
 * Where one execution's progress goes, and how it learns it was cancelled: the local node's job
 * store, or the orchestrator that asked a compute node for it. Called on the worker thread.
 */
public interface ExecutionCallbacks {

    /** The execution exists and holds a slot ({@code New}, then {@code BidAccepted} locally). */
    void created(String executionId);

    /** Where the runtime reports what execution {@code executionId} prints while it runs; nowhere by default. */
    default dev.bacalhau4j.api.runtime.ExecutionListener output(String executionId) {
        return dev.bacalhau4j.api.runtime.ExecutionListener.NONE;
    }

    /** The execution moved to a non-terminal {@code state}. */
    void transition(String executionId, ExecutionState state, String message);

    /** The execution ended with {@code result} (its state is terminal). */
    void finished(ExecutionResult result, String message);

    /** True once the execution should stop. */
    boolean cancelled();

    /** Why it was cancelled. */
    String cancelReason();
}
