package dev.bacalhau4j.api;

import java.util.Map;
import java.util.Objects;

/**
 * Where results are published: {@code ipfs} (the default: the node's blockstore, as one CID) or
 * {@code local} (a results directory on the node).
 *
 * @param type the publisher type
 * @param params publisher params, sorted by name
 */
public record PublisherSpec(String type, Map<String, String> params) {
    public static final String LOCAL = "local";
    public static final String IPFS = "ipfs";

    public PublisherSpec {
        Objects.requireNonNull(type, "type == null");
        params = Maps.sortedCopy(params, "params");
    }

    public static PublisherSpec local() {
        return new PublisherSpec(LOCAL, Map.of());
    }

    public static PublisherSpec ipfs() {
        return new PublisherSpec(IPFS, Map.of());
    }

    /** What a job that names no publisher gets: {@code ipfs}. */
    public static PublisherSpec defaultPublisher() {
        return ipfs();
    }
}
