package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * A file or directory on the node's host, allowed only under the node's allow-listed paths.
 *
 * @param sourcePath the absolute host path
 * @param readWrite Bacalhau's {@code ReadWrite}; inputs are always mounted read-only here, so
 *     {@code true} is refused at staging with that reason
 */
public record LocalSource(String sourcePath, boolean readWrite) implements SourceSpec {
    /** The source type as job specs name it. */
    public static final String TYPE = "local";

    /**
     * Checks the components.
     *
     * @param sourcePath the absolute host path
     * @param readWrite Bacalhau's {@code ReadWrite}; inputs are always mounted read-only here, so
     *     {@code true} is refused at staging with that reason
     */
    public LocalSource {
        Objects.requireNonNull(sourcePath, "sourcePath == null");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
