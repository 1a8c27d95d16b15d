package dev.bacalhau4j.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An orchestrator in a child JVM ({@link OrchestratorProbe}), so a test can SIGKILL it and start it
 * again on its directory. {@link #close()} kills it.
 */
final class ChildOrchestrator implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final String nodeId;

    private ChildOrchestrator(Process process, BufferedReader out, String nodeId) {
        this.process = process;
        this.out = out;
        this.nodeId = nodeId;
    }

    /** Starts the probe on {@code nats} in {@code dir} with its third argument {@code mode}; waits for its id. */
    static ChildOrchestrator start(String nats, Path dir, String mode) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), OrchestratorProbe.class.getName(), nats, dir.toString(),
                mode).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ORCH ")) {
            p.destroyForcibly();
            throw new IllegalStateException("orchestrator probe exited before it was ready (exit " + p.waitFor() + ")");
        }
        return new ChildOrchestrator(p, out, line.substring("ORCH ".length()));
    }

    String nodeId() {
        return nodeId;
    }

    Process process() {
        return process;
    }

    /** Sends one line to the probe's stdin. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The probe's next line of output, or null once it exited. */
    String readLine() throws IOException {
        return out.readLine();
    }

    /** SIGKILL: no shutdown hook, no close; waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
