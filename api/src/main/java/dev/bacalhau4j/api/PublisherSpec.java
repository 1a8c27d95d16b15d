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
    /** The publisher that keeps results as a plain directory under the node's {@code results}. */
    public static final String LOCAL = "local";
    /** The publisher that imports results into the node's blockstore and publishes their CID. */
    public static final String IPFS = "ipfs";

    /**
     * Checks the components.
     *
     * @param type the publisher type
     * @param params publisher params, sorted by name
     */
    public PublisherSpec {
        Objects.requireNonNull(type, "type == null");
        params = Maps.sortedCopy(params, "params");
    }

    /**
     * The {@value #LOCAL} publisher.
     *
     * @return a spec with no params
     */
    public static PublisherSpec local() {
        return new PublisherSpec(LOCAL, Map.of());
    }

    /**
     * The {@value #IPFS} publisher.
     *
     * @return a spec with no params
     */
    public static PublisherSpec ipfs() {
        return new PublisherSpec(IPFS, Map.of());
    }

    /**
     * What a job that names no publisher gets.
     *
     * @return the {@code ipfs} publisher
     */
    public static PublisherSpec defaultPublisher() {
        return ipfs();
    }
}
