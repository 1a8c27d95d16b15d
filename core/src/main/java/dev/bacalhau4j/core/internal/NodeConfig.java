package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.runtime.Runtime;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A node's settings, checked by {@link dev.bacalhau4j.core.Bacalhau.Builder}.
 *
 * @param directory the node directory, empty for an in-memory node
 * @param allowedLocalPaths directories {@code local} inputs may come from
 * @param runtimes runtimes passed explicitly (they win over discovered ones)
 * @param discoverRuntimes whether to load runtimes through ServiceLoader
 * @param maxConcurrentExecutions executions run at once
 * @param defaultExecutionTimeout the timeout for tasks that set none
 * @param maxDownloadBytes cap on one URL download
 * @param logCapBytes cap on stdout and on stderr per execution
 * @param maxOutputBytes cap on what one execution may publish, for tasks that set no Resources.Disk
 * @param importProfile how published results and added files become UnixFS DAGs
 * @param gateways IPFS gateways to fetch missing inputs from, tried in order
 * @param gatewayListen where to serve this node's blocks as a trustless gateway, if anywhere
 * @param verifyBlockReads re-hash every block read from the node's own store (blocks are always verified when they arrive)
 * @param fuse whether to serve IPFS inputs to containers through a FUSE mount when FUSE is available
 */
public record NodeConfig(
        Optional<Path> directory,
        List<Path> allowedLocalPaths,
        List<Runtime> runtimes,
        boolean discoverRuntimes,
        int maxConcurrentExecutions,
        Duration defaultExecutionTimeout,
        long maxDownloadBytes,
        long logCapBytes,
        long maxOutputBytes,
        ImportProfile importProfile,
        List<URI> gateways,
        Optional<InetSocketAddress> gatewayListen,
        boolean verifyBlockReads,
        boolean fuse) {
    public NodeConfig {
        allowedLocalPaths = List.copyOf(allowedLocalPaths);
        runtimes = List.copyOf(runtimes);
        gateways = List.copyOf(gateways);
    }
}
