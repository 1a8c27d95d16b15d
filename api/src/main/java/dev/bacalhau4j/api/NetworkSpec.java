package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * The network a task's program may use; {@link NetworkType#NONE} by default.
 *
 * @param type the network type
 */
public record NetworkSpec(NetworkType type) {
    public static final NetworkSpec NONE = new NetworkSpec(NetworkType.NONE);

    public NetworkSpec {
        Objects.requireNonNull(type, "type == null");
    }
}
