package dev.bacalhau4j.api.runtime;

/** Why an execution failed; its {@link #reason()} is the short word shown in results and events. */
public enum FailureKind {
    /** The module or image is not valid (not WASM, malformed, unknown image). */
    INVALID_PROGRAM("invalid-program"),
    /** The named entry point does not exist or is not a function. */
    MISSING_ENTRYPOINT("missing-entrypoint"),
    /** The program imports something the runtime does not provide. */
    UNLINKABLE("unlinkable"),
    /** The program trapped (unreachable, out-of-bounds access, stack overflow...). */
    TRAP("trap"),
    /** The program exceeded its memory cap. */
    MEMORY_LIMIT("memory-limit"),
    /** The program wrote more output than its disk cap allows; nothing was published. */
    DISK_LIMIT("disk-limit"),
    /** The program ran past its execution timeout and was stopped. */
    TIMEOUT("timeout"),
    /** The execution was cancelled by a user or by node shutdown. */
    CANCELLED("cancelled"),
    /** Inputs could not be staged or outputs published. */
    STAGING("staging"),
    /** The engine itself failed (daemon unreachable, internal error). */
    ENGINE("engine"),
    /** The node restarted while the execution ran. */
    NODE_RESTART("node-restart"),
    /** The job waited in the queue past its queue timeout. */
    QUEUE_TIMEOUT("queue-timeout");

    private final String reason;

    FailureKind(String reason) {
        this.reason = reason;
    }

    /**
     * The short stable word used in results, events and the CLI.
     *
     * @return the word, such as {@code timeout}
     */
    public String reason() {
        return reason;
    }

    /**
     * The kind whose {@link #reason()} is {@code reason}.
     *
     * @param reason a word returned by {@link #reason()}
     * @return its kind
     * @throws IllegalArgumentException when no kind has that reason
     */
    public static FailureKind fromReason(String reason) {
        for (FailureKind kind : values()) {
            if (kind.reason.equals(reason)) return kind;
        }
        throw new IllegalArgumentException("unknown failure reason '" + reason + "'");
    }
}
