package dev.bacalhau4j.runtime.container.internal;

import dev.bacalhau4j.api.runtime.FailureKind;

/** Ends one execution with a failure outcome of {@link #kind()}; never leaves the runtime. */
public final class ExecutionFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient FailureKind kind;

    public ExecutionFailure(FailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
