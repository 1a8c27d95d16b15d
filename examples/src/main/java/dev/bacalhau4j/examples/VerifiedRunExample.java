package dev.bacalhau4j.examples;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A verified run on a network of three compute nodes: starts a {@code nats-server} on 127.0.0.1,
 * an orchestrator and three compute nodes (each with its own directory and Ed25519 identity, in this
 * JVM), adds the sample texts to the first compute node only, and runs {@code wordcount.wasm} over
 * them with {@code verify(3)}: all three run it (the other two fetch the texts from the first one's
 * gateway, verified block by block) and the orchestrator accepts the output CID they agree on.
 *
 * <pre>
 * java -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.VerifiedRunExample [DIR [WORK_DIR]]
 * </pre>
 *
 * DIR defaults to {@code examples/data/wordcount}; WORK_DIR (the nodes' directories, kept) to a
 * temporary directory, removed at the end. Needs the {@code nats-server} binary (Debian's {@code nats-server} package).
 */
public final class VerifiedRunExample {
    private VerifiedRunExample() {}

    /**
     * Runs the example; see the class comment for the arguments. Exits 0 when the result was
     * verified, 1 when not, 2 for a missing directory.
     *
     * @param args {@code [DIR [WORK_DIR]]}
     * @throws Exception when nats-server or a node cannot be started
     */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The example, printing to {@code out} and {@code err}.
     *
     * @param args {@code [DIR [WORK_DIR]]}
     * @param out where the report goes
     * @param err where errors go
     * @return the exit code {@link #main} exits with
     * @throws Exception when nats-server or a node cannot be started
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data/wordcount").toAbsolutePath().normalize();
        if (!Files.isDirectory(data)) {
            err.println("VerifiedRunExample: no such directory: " + data);
            return 2;
        }
        boolean temporary = args.length < 2;
        Path work = temporary ? Files.createTempDirectory("bacalhau4j-verified-") : Path.of(args[1]);
        Files.createDirectories(work);

        List<Bacalhau> computes = new ArrayList<>();
        try (LocalNatsServer nats = LocalNatsServer.start(work.resolve("nats.log"));
                Bacalhau orchestrator = Bacalhau.builder().directory(work.resolve("orchestrator")).nats(nats.uri())
                        .orchestrator(true).compute(false).fuse(false).build()) {
            String orchestratorId = orchestrator.info().nodeId();
            for (int i = 1; i <= 3; i++) {
                computes.add(Bacalhau.builder().directory(work.resolve("compute-" + i)).nats(nats.uri())
                        .orchestrator(false).compute(true).trustOrchestrator(orchestratorId).fuse(false).build());
            }
            Cid texts = computes.get(0).ipfs().add(data);     // only the first compute node holds the data
            out.println("Orchestrator " + orchestratorId + "; compute nodes "
                    + computes.stream().map(c -> c.info().nodeId()).toList());
            out.println("Sample texts " + texts + " on " + computes.get(0).info().nodeId() + " only");
            awaitComputeNodes(orchestrator, 3);

            JobResult result = orchestrator.run(Job.wasm(resource("/wasm/wordcount.wasm"))
                    .name("wordcount-verified")
                    .inputIpfs(texts.toString(), "/inputs")
                    .output("outputs", "/outputs")
                    .timeout(Duration.ofMinutes(2))
                    .verify(3)                                // 3 distinct nodes, accept the CID a majority publishes
                    .build());

            out.println("Job " + result.jobId() + ": " + result.state() + " - " + result.message());
            for (ExecutionResult e : result.executions()) {
                out.println("  " + e.nodeId() + "  " + e.state() + "  "
                        + e.published().map(p -> p.location().toString()).orElse("-"));
            }
            out.println("Verified: " + result.verdict().verified() + " (" + result.verdict().explanation() + ")");
            result.verdict().accepted().ifPresent(cid -> out.println("Accepted: " + cid));
            if (result.state() == JobState.COMPLETED) out.print(lastLine(result.stdout()));
            return result.verdict().verified() ? 0 : 1;
        } finally {
            for (Bacalhau c : computes) c.close();
            if (temporary) deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Waits until the orchestrator has heard {@code n} compute nodes (their first heartbeats). */
    private static void awaitComputeNodes(Bacalhau orchestrator, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (orchestrator.computeNodes().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + orchestrator.computeNodes().size() + " of " + n
                        + " compute nodes joined within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static String lastLine(String stdout) {
        String[] lines = stdout.split("\n");
        return lines.length == 0 ? "" : "Word count: " + lines[lines.length - 1] + "\n";
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = VerifiedRunExample.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("resource " + name + " is not on the class path");
            return in.readAllBytes();
        }
    }
}
