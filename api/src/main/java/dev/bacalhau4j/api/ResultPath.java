package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * A directory the program writes results into.
 *
 * @param name the name of this output in the published result
 * @param path the absolute path the program writes to
 */
public record ResultPath(String name, String path) {
    /**
     * Checks the components.
     *
     * @param name the name of this output in the published result
     * @param path the absolute path the program writes to
     */
    public ResultPath {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(path, "path == null");
    }
}
