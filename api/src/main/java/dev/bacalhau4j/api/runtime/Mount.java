package dev.bacalhau4j.api.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A staged directory or file made visible to the program at {@code target}.
 *
 * <p>{@code source} is a host path for containers; for functions it may be a path of any
 * {@link java.nio.file.FileSystem} (for example a read-only UnixFS view of a CID).
 *
 * @param source what is mounted
 * @param target absolute path the program sees, such as {@code /inputs}
 * @param readOnly true for inputs; result paths are read-write
 */
public record Mount(Path source, String target, boolean readOnly) {
    /**
     * Checks the components.
     *
     * @param source what is mounted
     * @param target absolute path the program sees, such as {@code /inputs}
     * @param readOnly true for inputs; result paths are read-write
     */
    public Mount {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(target, "target == null");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must be an absolute path (got \"" + target + "\")");
        }
    }
}
