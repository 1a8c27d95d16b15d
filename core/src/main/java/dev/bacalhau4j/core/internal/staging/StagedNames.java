package dev.bacalhau4j.core.internal.staging;

import dev.bacalhau4j.api.InputSource;
import java.nio.file.Files;
import java.nio.file.Path;

/** Picks safe, unique file names for staged data. */
public final class StagedNames {
    private StagedNames() {}

    /**
     * A new empty directory under {@code area} with a file name for the input inside it: the
     * last segment of the target, else the alias, else {@code fallback}.
     */
    public static Path fileFor(InputSource input, String fallback, Path area) throws java.io.IOException {
        Path dir = Files.createTempDirectory(area, "input-");
        return dir.resolve(sanitize(lastSegment(input.target()), sanitize(input.alias(), fallback)));
    }

    /** The last segment of a slash-separated path, empty for none. */
    public static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** {@code name} with anything but letters, digits, dot, dash and underscore replaced; fallback when unusable. */
    public static String sanitize(String name, String fallback) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? fallback : cleaned;
    }
}
