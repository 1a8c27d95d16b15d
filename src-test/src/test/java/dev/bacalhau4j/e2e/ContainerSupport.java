package dev.bacalhau4j.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.bacalhau4j.ipfs.fuse.FuseMount;
import dev.bacalhau4j.runtime.container.BusyboxTestImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the container end-to-end tests need from this machine — a Docker engine, the host's static
 * busybox, FUSE — and the test image, built here without a registry.
 *
 * <p>When something is missing the tests are skipped with the reason, except under {@code CI=true},
 * where they fail ({@code scripts/docker-engine.sh} installs and starts what they need). The caller
 * owns the instance (its engine connection) and closes it.
 */
final class ContainerSupport implements AutoCloseable {
    /** Label the docker runtime puts on every container, with the node id as value. */
    static final String NODE_LABEL = "bacalhau4j.node";

    /** Busybox applets linked in the test image (not wget: Debian's static busybox wget segfaults). */
    private static final String[] APPLETS = {"sh", "cat", "echo", "ls", "sleep", "head", "tr", "wc", "touch",
        "mkdir", "env", "pwd", "true", "false", "dd", "cp", "grep", "nc", "rm", "test", "[", "mkfifo", "chmod"};

    private final DockerClient client;
    private final String image;

    private ContainerSupport(DockerClient client, String image) {
        this.client = client;
        this.image = image;
    }

    /** An engine, busybox and FUSE, with the test image built; skips (or fails under CI=true) otherwise. */
    static ContainerSupport require() throws IOException {
        List<String> problems = new ArrayList<>();
        DockerClient client = connect();
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            problems.add("no Docker engine answers (" + e.getMessage() + ")");
        }
        if (!Files.isRegularFile(Path.of("/bin/busybox"))) {
            problems.add("/bin/busybox is missing (Debian package busybox-static)");
        }
        if (!FuseMount.available()) {
            problems.add("FUSE is unavailable: " + FuseMount.unavailableReason());
        }
        if (!problems.isEmpty()) {
            close(client);
            String message = String.join("; ", problems) + "; scripts/docker-engine.sh installs and starts them";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("container end-to-end tests must run under CI=true, but " + message);
            }
            Assumptions.abort("skipping container end-to-end tests: " + message);
        }
        return new ContainerSupport(client, busyboxImage(client));
    }

    /** The tag of the {@code FROM scratch} + busybox test image. */
    String image() {
        return image;
    }

    DockerClient client() {
        return client;
    }

    /** Every container (running or not) labelled with {@code nodeId}. */
    List<Container> containersOf(String nodeId) {
        return client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(NODE_LABEL, nodeId)).exec();
    }

    @Override
    public void close() {
        close(client);
    }

    private static DockerClient connect() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofSeconds(120))
                .build());
    }

    private static void close(DockerClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // idle connections only
        }
    }

    /** Builds (once per busybox binary) a {@code FROM scratch} image with the host's static busybox and a writable /tmp. */
    private static String busyboxImage(DockerClient client) throws IOException {
        return BusyboxTestImage.ensure(client, "bacalhau4j-e2e/busybox", List.of(APPLETS));
    }
}
