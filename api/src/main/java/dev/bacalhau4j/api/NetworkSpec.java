package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * The network a task's program may use; {@link NetworkType#NONE} by default.
 *
 * @param type the network type
 */
public record NetworkSpec(NetworkType type) {
    /** No network: the default. */
    public static final NetworkSpec NONE = new NetworkSpec(NetworkType.NONE);

    /**
     * Checks the components.
     *
     * @param type the network type
     */
    public NetworkSpec {
        Objects.requireNonNull(type, "type == null");
    }
}
