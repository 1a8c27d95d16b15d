package dev.bacalhau4j.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@code nats-server} on 127.0.0.1 and a free port, for the examples and benchmarks that run a
 * network of nodes on one machine; {@link #close()} stops it. Needs the {@code nats-server}
 * binary (Debian's package, or on the PATH).
 */
public final class LocalNatsServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private LocalNatsServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts one, logging to {@code log}, and waits until it listens.
     *
     * @param log the server's log file
     * @return the running server
     * @throws IOException when nats-server is not installed or does not listen within 10 s
     * @throws InterruptedException when interrupted while waiting
     */
    public static LocalNatsServer start(Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p;
        try {
            p = new ProcessBuilder(binary(), "-a", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start nats-server (install Debian's nats-server package): " + e.getMessage(), e);
        }
        LocalNatsServer server = new LocalNatsServer(p, port);
        for (int i = 0; i < 500; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                if (probe.isConnected()) return server;
            } catch (IOException notYet) {
                if (!p.isAlive()) break;
                Thread.sleep(20);
            }
        }
        server.close();
        throw new IOException("nats-server did not listen on 127.0.0.1:" + port + "; its log: " + log);
    }

    private static String binary() {
        for (String candidate : new String[] {"/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"}) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        return "nats-server";
    }

    /**
     * Where clients connect.
     *
     * @return {@code nats://127.0.0.1:PORT}
     */
    public URI uri() {
        return URI.create("nats://127.0.0.1:" + port);
    }

    /** Stops the server and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
