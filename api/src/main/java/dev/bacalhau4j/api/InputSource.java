package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * Data a task reads: where it comes from and where the program sees it.
 *
 * @param source the storage source (ipfs, urlDownload, local, inline)
 * @param alias an optional name for the input, empty when none
 * @param target the absolute path the program sees; empty only for engine modules
 */
public record InputSource(SourceSpec source, String alias, String target) {
    public InputSource {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(alias, "alias == null");
        Objects.requireNonNull(target, "target == null");
    }
}
