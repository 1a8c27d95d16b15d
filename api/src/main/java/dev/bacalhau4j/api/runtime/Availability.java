package dev.bacalhau4j.api.runtime;

import java.util.Objects;

/**
 * Whether a runtime can run jobs here; when it cannot, the reason is shown in node info.
 *
 * @param isAvailable true when the runtime is usable
 * @param reason why it is not usable, empty when it is
 */
public record Availability(boolean isAvailable, String reason) {
    /**
     * Checks the components.
     *
     * @param isAvailable true when the runtime is usable
     * @param reason why it is not usable, empty when it is
     */
    public Availability {
        Objects.requireNonNull(reason, "reason == null");
    }

    /**
     * The runtime is usable.
     *
     * @return an availability with no reason
     */
    public static Availability ok() {
        return new Availability(true, "");
    }

    /**
     * The runtime cannot run jobs here.
     *
     * @param reason why, and what to do about it
     * @return an availability that is not usable
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
