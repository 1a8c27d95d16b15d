package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.runtime.Runtime;
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
 */
public record NodeConfig(
        Optional<Path> directory,
        List<Path> allowedLocalPaths,
        List<Runtime> runtimes,
        boolean discoverRuntimes,
        int maxConcurrentExecutions,
        Duration defaultExecutionTimeout,
        long maxDownloadBytes,
        long logCapBytes) {
    public NodeConfig {
        allowedLocalPaths = List.copyOf(allowedLocalPaths);
        runtimes = List.copyOf(runtimes);
    }
}
