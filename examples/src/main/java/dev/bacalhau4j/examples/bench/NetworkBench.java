package dev.bacalhau4j.examples.bench;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.examples.LocalNatsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Trivial WASM jobs through one orchestrator (this JVM) and three compute nodes (child JVMs
 * running {@code bacalhau4j serve --compute}) over a local {@code nats-server}, against the same
 * jobs on an embedded node: jobs/s and latency p50/p99 for a burst (all submitted at once), a
 * closed loop of {@code --in-flight} jobs, an open loop paced at {@code --rate} jobs/s, and one job
 * at a time. A burst's latency is mostly time spent queued; the paced and one-at-a-time runs show
 * the latency of the system itself. Measures and reports; asserts nothing. Owns and stops every
 * process it starts.
 *
 * <pre>
 * java -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.bench.NetworkBench [--jobs N] [--in-flight N] [--nodes N] [--rate N] [--warmup N]
 * </pre>
 */
public final class NetworkBench {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * Runs the benchmark; see the class comment for the arguments.
     *
     * @param args the options
     * @throws Exception when a run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty(LOG_LEVEL) == null) System.setProperty(LOG_LEVEL, "warn");
        int jobs = 1000;
        int inFlight = 16;
        int nodes = 3;
        int rate = 100;
        int warmup = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--in-flight" -> inFlight = Integer.parseInt(args[++i]);
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --jobs N, --in-flight N, --nodes N, --rate N, --warmup N)");
            }
        }
        byte[] trivial = wasm("trivial");
        Path work = Files.createTempDirectory("bacalhau4j-netbench-");
        System.out.printf(Locale.ROOT, "%d trivial WASM jobs; %d cores%n", jobs, java.lang.Runtime.getRuntime().availableProcessors());

        try (Bacalhau embedded = Bacalhau.builder().directory(work.resolve("embedded")).fuse(false).build()) {
            measure("embedded", embedded, trivial, jobs, inFlight, rate, warmup);
        }

        List<Process> computes = new ArrayList<>();
        try (LocalNatsServer nats = LocalNatsServer.start(work.resolve("nats.log"))) {
            URI uri = nats.uri();
            try (Bacalhau orch = Bacalhau.builder().directory(work.resolve("orch")).nats(uri).orchestrator(true)
                    .compute(false).fuse(false).build()) {
                for (int i = 0; i < nodes; i++) {
                    computes.add(startCompute(uri, orch.info().nodeId(), work.resolve("compute-" + i)));
                }
                while (orch.run(Job.wasm(trivial).build()).state() != JobState.COMPLETED) {
                    Thread.sleep(100);
                }
                Thread.sleep(1500); // every compute node announced
                measure("NATS, 1 orchestrator + " + nodes + " compute nodes", orch, trivial, jobs, inFlight, rate, warmup);
            }
        } finally {
            for (Process p : computes) p.destroy();
            for (Process p : computes) p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void measure(String label, Bacalhau node, byte[] wasm, int jobs, int inFlight, int rate,
            int warmup) throws Exception {
        // warm up: a burst, so that every JVM (the orchestrator and each compute node) has compiled its hot paths
        List<JobHandle> warm = new ArrayList<>();
        for (int i = 0; i < warmup; i++) warm.add(node.submit(Job.wasm(wasm).build()));
        for (JobHandle h : warm) h.await(Duration.ofMinutes(10));
        run(label + ", burst of " + jobs, node, wasm, jobs, jobs, 0);
        run(label + ", " + inFlight + " in flight", node, wasm, jobs, inFlight, 0);
        run(label + ", paced at " + rate + " jobs/s", node, wasm, jobs, jobs, rate);
        run(label + ", one at a time", node, wasm, Math.min(jobs, 300), 1, 0);
    }

    /**
     * Submits {@code jobs} jobs, at most {@code inFlight} unfinished at once, and when {@code rate} is
     * positive no faster than {@code rate} per second (an open loop: latency is then the system's, not
     * the queue's); reports throughput and submit-to-end latency.
     */
    private static void run(String label, Bacalhau node, byte[] wasm, int jobs, int inFlight, int rate)
            throws Exception {
        long[] latencies = new long[jobs];
        Semaphore slots = new Semaphore(inFlight);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<JobHandle> handles = new ArrayList<>(jobs);
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            if (rate > 0) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            }
            slots.acquire();
            long submitted = System.nanoTime();
            JobHandle h = node.submit(Job.wasm(wasm).build());
            int index = i;
            java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable end = () -> {
                if (ended.compareAndSet(false, true)) {
                    latencies[index] = System.nanoTime() - submitted;
                    slots.release();
                }
            };
            h.onEvent(e -> {
                if (e.isJobEvent() && JobState.valueOf(e.state()).isTerminal()) end.run();
            });
            if (h.state().isTerminal()) end.run(); // ended before the listener was there: onEvent does not replay
            handles.add(h);
        }
        for (JobHandle h : handles) {
            JobResult r = h.await(Duration.ofMinutes(10));
            if (r.state() != JobState.COMPLETED) failures.add(r.message());
        }
        report(label, jobs, System.nanoTime() - start, latencies, failures.size());
    }

    private static void report(String label, int jobs, long nanos, long[] latencies, int failures) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-55s %8.1f jobs/s  p50 %7.2f ms  p99 %8.2f ms  failed %d%n", label,
                jobs / (nanos / 1e9), sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, failures);
    }

    private static Process startCompute(URI nats, String orchestrator, Path dir) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "dev.bacalhau4j.examples.cli.Main", "--node-dir",
                dir.toString(), "serve", "--compute", "--nats", nats.toString(), "--trust", orchestrator,
                "--gateway-port", "0");
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("Network:")) return p;
        }
        throw new IOException("compute node in " + dir + " exited before it served");
    }


    private static byte[] wasm(String name) throws IOException {
        try (InputStream in = NetworkBench.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
            if (in == null) throw new IllegalStateException("no /wasm/" + name + ".wasm on the class path");
            return in.readAllBytes();
        }
    }
}
