package dev.bacalhau4j.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a node is and can do.
 *
 * @param nodeId the node's id
 * @param directory the node directory, empty for an in-memory node
 * @param engines engine type to availability: empty string when usable, else why not
 * @param sourceTypes input source types this node can stage
 * @param maxConcurrentExecutions executions run at once
 * @param importProfile the UnixFS profile results are published with
 * @param gatewayAddress where this node serves its blocks, empty when it serves none
 * @param gateways gateways this node fetches missing IPFS data from
 * @param inputMount how IPFS inputs reach containers: {@code fuse at <mount point>} (the node's
 *                   FUSE mount, nothing copied) or {@code copy (<why not FUSE>)}
 */
public record NodeInfo(
        String nodeId,
        Optional<Path> directory,
        Map<String, String> engines,
        java.util.List<String> sourceTypes,
        int maxConcurrentExecutions,
        String importProfile,
        Optional<URI> gatewayAddress,
        java.util.List<URI> gateways,
        String inputMount) {
    /**
     * Checks the components and copies the collections.
     *
     * @param nodeId the node's id
     * @param directory the node directory, empty for an in-memory node
     * @param engines engine type to availability: empty string when usable, else why not
     * @param sourceTypes input source types this node can stage
     * @param maxConcurrentExecutions executions run at once
     * @param importProfile the UnixFS profile results are published with
     * @param gatewayAddress where this node serves its blocks, empty when it serves none
     * @param gateways gateways this node fetches missing IPFS data from
     * @param inputMount how IPFS inputs reach containers: {@code fuse at <mount point>} (the node's FUSE
     *     mount, nothing copied) or {@code copy (<why not FUSE>)}
     */
    public NodeInfo {
        engines = Map.copyOf(engines);
        sourceTypes = java.util.List.copyOf(sourceTypes);
        gateways = java.util.List.copyOf(gateways);
    }
}
