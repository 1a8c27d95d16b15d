package dev.bacalhau4j.runtime.function.internal;

import dev.bacalhau4j.api.runtime.FailureKind;

/** Thrown inside an execution's run to end it with a failure outcome of the given kind. */
final class ExecutionFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final FailureKind kind;

    ExecutionFailure(FailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }
}
