package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * Data a task reads: where it comes from and where the program sees it.
 *
 * <p>By this library's convention an input whose target is {@link #STDIN} ({@code /dev/stdin})
 * feeds the program's standard input instead of being mounted.
 *
 * @param source the storage source (ipfs, urlDownload, local, inline)
 * @param alias an optional name for the input, empty when none
 * @param target the absolute path the program sees; empty only for engine modules
 */
public record InputSource(SourceSpec source, String alias, String target) {
    /**
     * The target that feeds standard input: an input whose {@code Target} is {@code /dev/stdin} is
     * not mounted but streamed to the program's standard input (a single file; typically an inline
     * source).
     */
    public static final String STDIN = "/dev/stdin";

    /**
     * Checks the components.
     *
     * @param source the storage source (ipfs, urlDownload, local, inline)
     * @param alias an optional name for the input, empty when none
     * @param target the absolute path the program sees; empty only for engine modules
     */
    public InputSource {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(alias, "alias == null");
        Objects.requireNonNull(target, "target == null");
    }
}
