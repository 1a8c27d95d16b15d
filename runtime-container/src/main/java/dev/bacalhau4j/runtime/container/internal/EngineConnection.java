package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The connection to one Docker engine: a client for long calls (attach, wait, pull: no read
 * timeout) and one for quick probes (ping, with a short timeout). The engine is found from
 * the given host, else from {@code DOCKER_HOST} and docker-java's other settings, else the
 * default socket {@code unix:///var/run/docker.sock}.
 *
 * <p>Owns both clients and their connection pools; {@link #close()} releases them.
 */
public final class EngineConnection implements AutoCloseable {

    private final String host;
    private final DockerClient client;
    private final DockerClient probe;

    private EngineConnection(String host, DockerClient client, DockerClient probe) {
        this.host = host;
        this.client = client;
        this.probe = probe;
    }

    /**
     * Connects lazily (nothing is sent until the first call) to {@code dockerHost}, or to the
     * engine docker-java's defaults name when it is empty.
     *
     * @throws IllegalArgumentException when the host or docker-java's settings cannot be read
     */
    public static EngineConnection open(Optional<String> dockerHost, Duration probeTimeout) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        dockerHost.ifPresent(builder::withDockerHost);
        DockerClientConfig config;
        try {
            config = builder.build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the Docker engine settings (DOCKER_HOST="
                    + dockerHost.orElse(System.getenv("DOCKER_HOST")) + "): " + e.getMessage(), e);
        }
        DockerClient client = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(probeTimeout)
                .build());
        DockerClient probe = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(2)
                .connectionTimeout(probeTimeout)
                .responseTimeout(probeTimeout)
                .build());
        return new EngineConnection(config.getDockerHost().toString(), client, probe);
    }

    /** The engine's address, such as {@code unix:///var/run/docker.sock}. */
    public String host() {
        return host;
    }

    /** The client for calls that may block long: no read timeout. */
    public DockerClient client() {
        return client;
    }

    /** The client for quick probes, with a short timeout. */
    public DockerClient probe() {
        return probe;
    }

    @Override
    public void close() {
        closeQuietly(client);
        closeQuietly(probe);
    }

    private static void closeQuietly(DockerClient c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a pool of idle connections: nothing to recover
        }
    }
}
