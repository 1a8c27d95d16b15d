package dev.bacalhau4j.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Compute nodes in child JVMs ({@link ComputeProbe}); {@link #close()} kills them all with SIGKILL. */
final class ChildNodes implements AutoCloseable {
    /** One child: its process, node id, gateway, and the CID it added, if any. */
    record Child(Process process, String nodeId, String gateway, String cid) {
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private final List<Child> children = new ArrayList<>();

    /** Starts a compute node on {@code nats} in {@code dir} with probe {@code options}; waits until it is ready. */
    Child start(String nats, Path dir, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), ComputeProbe.class.getName(), nats, dir.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String cid = null;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("CID ")) cid = line.substring(4);
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                Child child = new Child(p, parts[1], parts[2], cid);
                children.add(child);
                return child;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("compute probe exited before it was ready (exit " + p.waitFor() + ")");
    }

    @Override
    public void close() throws Exception {
        for (Child c : children) c.kill();
    }
}
