package dev.bacalhau4j.core.internal.network;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real {@code nats-server} on 127.0.0.1 for tests, here and in src-test (through this module's test
 * jar); {@link #close()} kills it, {@link #restart()} restarts it on the same port.
 */
public final class NatsServer implements AutoCloseable {
    private final int port;
    private final Path log;
    private Process process;

    private NatsServer(int port) throws IOException {
        this.port = port;
        this.log = Files.createTempFile("nats-server-", ".log");
    }

    public static NatsServer start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NatsServer server = new NatsServer(port);
        server.launch();
        return server;
    }

    private void launch() throws Exception {
        process = new ProcessBuilder(binary(), "-a", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("nats-server did not listen on " + port + ": " + Files.readString(log));
    }

    private static String binary() {
        for (String candidate : new String[] {"/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"}) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        return "nats-server";
    }

    public URI uri() {
        return URI.create("nats://127.0.0.1:" + port);
    }

    public void stop() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void restart() throws Exception {
        stop();
        launch();
    }

    @Override
    public void close() throws Exception {
        stop();
        Files.deleteIfExists(log);
    }
}
