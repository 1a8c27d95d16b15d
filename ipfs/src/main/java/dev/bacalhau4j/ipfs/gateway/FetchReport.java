package dev.bacalhau4j.ipfs.gateway;

import java.net.URI;
import java.util.List;

/**
 * What a DAG fetch did: the gateway that delivered (empty when every block was already local),
 * blocks and bytes received and stored, and the gateways refused before it, with reasons.
 */
public record FetchReport(java.util.Optional<URI> gateway, long blocksReceived, long bytesReceived,
                          List<String> refused) {
    public FetchReport {
        refused = List.copyOf(refused);
    }
}
