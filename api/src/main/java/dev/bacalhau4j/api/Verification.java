package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * How results are checked: not at all, or by running on {@code count} nodes and accepting the
 * output CID that at least {@code confidence} of them agree on.
 *
 * @param type none or deterministic
 * @param count executions to compare (0 with {@code none})
 * @param confidence agreeing executions needed (0 with {@code none})
 */
public record Verification(VerificationType type, int count, int confidence) {
    /** No verification: one execution's result is taken as it is. */
    public static final Verification NONE = new Verification(VerificationType.NONE, 0, 0);

    /**
     * Checks the components.
     *
     * @param type none or deterministic
     * @param count executions to compare (0 with {@code none})
     * @param confidence agreeing executions needed (0 with {@code none})
     */
    public Verification {
        Objects.requireNonNull(type, "type == null");
    }
}
