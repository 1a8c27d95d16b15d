package dev.bacalhau4j.api.runtime;

import java.util.Objects;

/**
 * Whether a runtime can run jobs here; when it cannot, the reason is shown in node info.
 *
 * @param isAvailable true when the runtime is usable
 * @param reason why it is not usable, empty when it is
 */
public record Availability(boolean isAvailable, String reason) {
    public Availability {
        Objects.requireNonNull(reason, "reason == null");
    }

    public static Availability ok() {
        return new Availability(true, "");
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
