package dev.bacalhau4j.ipfs.gateway;

import java.net.URI;
import java.util.List;

/**
 * What a DAG fetch did: the gateway that delivered (empty when every block was already local),
 * blocks and bytes received and stored, and the gateways refused before it, with reasons.
 *
 * @param gateway the gateway that delivered the DAG, empty when it was already local
 * @param blocksReceived blocks received and stored
 * @param bytesReceived bytes received and stored
 * @param refused one line per gateway refused before it: {@code <url>: <reason>}
 */
public record FetchReport(java.util.Optional<URI> gateway, long blocksReceived, long bytesReceived,
                          List<String> refused) {
    /**
     * Checks the components and copies the collections.
     *
     * @param gateway the gateway that delivered the DAG, empty when it was already local
     * @param blocksReceived blocks received and stored
     * @param bytesReceived bytes received and stored
     * @param refused one line per gateway refused before it: {@code <url>: <reason>}
     */
    public FetchReport {
        refused = List.copyOf(refused);
    }
}
