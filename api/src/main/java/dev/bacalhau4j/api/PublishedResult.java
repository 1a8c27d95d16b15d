package dev.bacalhau4j.api;

import java.net.URI;
import java.util.Objects;

/**
 * Where an execution's published outputs are: {@code file:///...} for the local publisher,
 * {@code ipfs://<cid>} for IPFS.
 *
 * @param publisherType the publisher that wrote it
 * @param location the address of the published tree
 */
public record PublishedResult(String publisherType, URI location) {
    /**
     * Checks the components.
     *
     * @param publisherType the publisher that wrote it
     * @param location the address of the published tree
     */
    public PublishedResult {
        Objects.requireNonNull(publisherType, "publisherType == null");
        Objects.requireNonNull(location, "location == null");
    }
}
