package dev.bacalhau4j.examples.bench;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.runtime.function.WasmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Prints, in one run: (a) end-to-end latency of a trivial WASM job on a warm in-memory embedded
 * node, (b) throughput of a burst of trivial jobs, (c) {@code cpubound} compiled vs interpreted vs
 * native. Measures and reports; asserts nothing.
 *
 * <pre>
 * java -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.bench.Bench [options]
 *   --warmup N           trivial jobs before measuring latency (default 300)
 *   --latency-jobs N     sequential run(job) calls measured (default 1000)
 *   --throughput-jobs N  jobs submitted at once (default 1000)
 *   --iterations N       cpubound argument for native and compiled runs (default 10)
 *   --repeats N          best of N for native and compiled (default 3)
 *   --no-interpreter     skip the interpreted cpubound runs (the slow part, about a minute)
 *   --examples-dir DIR   the examples module (default: ./examples or .; for build.sh and target/native)
 * </pre>
 */
public final class Bench {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private int warmup = 300;
    private int latencyJobs = 1000;
    private int throughputJobs = 1000;
    private int iterations = 10;
    private int repeats = 3;
    private boolean interpreter = true;
    private Path examplesDir;

    private Bench() {}

    /**
     * Runs the benchmark; {@code --help} lists its options.
     *
     * @param args the options
     * @throws Exception when a run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty(LOG_LEVEL) == null) System.setProperty(LOG_LEVEL, "warn");
        Bench bench = new Bench();
        bench.parse(args);
        bench.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--warmup" -> warmup = positive(args, ++i, a, true);
                case "--latency-jobs" -> latencyJobs = positive(args, ++i, a, false);
                case "--throughput-jobs" -> throughputJobs = positive(args, ++i, a, false);
                case "--iterations" -> iterations = Math.max(2, positive(args, ++i, a, false));
                case "--repeats" -> repeats = positive(args, ++i, a, false);
                case "--no-interpreter" -> interpreter = false;
                case "--examples-dir" -> examplesDir = Path.of(value(args, ++i, a));
                case "-h", "--help" -> {
                    System.out.println("usage: Bench [--warmup N] [--latency-jobs N] [--throughput-jobs N]"
                            + " [--iterations N] [--repeats N] [--no-interpreter] [--examples-dir DIR]");
                    System.exit(0);
                }
                default -> {
                    System.err.println("Bench: unknown option '" + a + "' (try --help)");
                    System.exit(2);
                }
            }
        }
        if (examplesDir == null) {
            String prop = System.getProperty("bacalhau4j.examples.dir");
            examplesDir = prop != null ? Path.of(prop)
                    : Files.isDirectory(Path.of("examples", "src", "main", "wasm")) ? Path.of("examples") : Path.of(".");
        }
        examplesDir = examplesDir.toAbsolutePath().normalize();
    }

    private void run() throws Exception {
        int cores = java.lang.Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Bacalhau4j bench: Java %s (%s), %d cores, max heap %d MiB, load average %s%n%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), cores,
                java.lang.Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        long start = System.nanoTime();
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            Job trivial = Job.wasm(resource("trivial.wasm")).build();
            latency(node, trivial);
            throughput(node, trivial, cores);
            cpubound(node);
        }
        System.out.printf(Locale.ROOT, "%nbench finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    // ---- (a) latency ----

    private void latency(Bacalhau node, Job job) throws InterruptedException {
        System.out.printf(Locale.ROOT, "(a) latency: trivial.wasm, in-memory embedded node, compiled WASM runtime%n");
        System.out.printf(Locale.ROOT, "    %d warm-up jobs, then %d sequential run(job) calls (submit + wait, end to end)%n",
                warmup, latencyJobs);
        for (int i = 0; i < warmup; i++) {
            check(node.run(job));
        }
        long[] nanos = new long[latencyJobs];
        for (int i = 0; i < latencyJobs; i++) {
            long t0 = System.nanoTime();
            JobResult r = node.run(job);
            nanos[i] = System.nanoTime() - t0;
            check(r);
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "    p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms   (mean %.2f ms)%n",
                pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6, mean);
        System.out.printf(Locale.ROOT, "    target p50 < 5 ms: %s%n%n", pct(nanos, 0.50) < 5 ? "met" : "NOT met");
    }

    private static double pct(long[] sorted, double q) {
        int index = Math.max(0, (int) Math.ceil(q * sorted.length) - 1);
        return sorted[index] / 1e6;
    }

    // ---- (b) throughput ----

    private void throughput(Bacalhau node, Job job, int cores) throws InterruptedException {
        System.out.printf(Locale.ROOT, "(b) throughput: %d trivial.wasm jobs submitted at once, then awaited"
                + " (%d concurrent executions)%n", throughputJobs, node.info().maxConcurrentExecutions());
        long t0 = System.nanoTime();
        List<JobHandle> handles = new ArrayList<>(throughputJobs);
        for (int i = 0; i < throughputJobs; i++) {
            handles.add(node.submit(job));
        }
        long submitted = System.nanoTime();
        int ok = 0;
        for (JobHandle h : handles) {
            if (h.await().succeeded()) ok++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = throughputJobs / seconds;
        System.out.printf(Locale.ROOT, "    %d/%d completed in %.2f s (submitting took %.0f ms): %.0f jobs/s%n",
                ok, throughputJobs, seconds, (submitted - t0) / 1e6, rate);
        System.out.printf(Locale.ROOT, "    target > 500 jobs/s on 2 cores (%d here): %s%n%n", cores,
                rate > 500 ? "met" : "NOT met");
    }

    // ---- (c) cpubound: compiled vs interpreted vs native ----

    private void cpubound(Bacalhau compiledNode) throws Exception {
        byte[] module = resource("cpubound.wasm");
        System.out.printf(Locale.ROOT, "(c) cpubound.wasm (SHA-256 over a 16 MiB buffer, N rounds): wall time, best of %d%n", repeats);
        Path nativeBinary = nativeCpubound();

        Timing nat1 = null;
        Timing natN = null;
        if (nativeBinary != null) {
            runNative(nativeBinary, 1); // page cache, CPU frequency
            nat1 = best(repeats, () -> runNative(nativeBinary, 1));
            natN = best(repeats, () -> runNative(nativeBinary, iterations));
        }
        // compiled: the runtime the main node discovered; the first run compiles and caches the module
        runWasm(compiledNode, cpuJob(module, 1));
        Timing comp1 = best(repeats, () -> runWasm(compiledNode, cpuJob(module, 1)));
        Timing compN = best(repeats, () -> runWasm(compiledNode, cpuJob(module, iterations)));

        // interpreted: a second node whose only runtime is WasmRuntime with the interpreter forced
        Timing interp1 = null;
        Timing interp2 = null;
        if (interpreter) {
            try (Bacalhau interpNode = Bacalhau.builder().inMemory().noRuntimeDiscovery()
                    .runtime(WasmRuntime.builder().compiled(false).build()).build()) {
                interp1 = runWasm(interpNode, cpuJob(module, 1));
                interp2 = runWasm(interpNode, cpuJob(module, 2));
            }
        }

        String nCol = "N=" + iterations;
        System.out.printf(Locale.ROOT, "    %-12s %9s %9s %9s  %s%n", "engine", "N=1", nCol, "per round", "output");
        if (nat1 != null) {
            row("native", nat1, natN, perRound(nat1, natN, iterations));
        } else {
            System.out.printf(Locale.ROOT, "    %-12s %9s %9s %9s  %s%n", "native", "skipped", "skipped", "-", nativeNote);
        }
        row("compiled", comp1, compN, perRound(comp1, compN, iterations));
        if (interp1 != null) {
            System.out.printf(Locale.ROOT, "    %-12s %8.3fs %9s %8.3fs  %s%n", "interpreted", interp1.seconds,
                    "N=2 " + fmt(interp2.seconds), perRound(interp1, interp2, 2), interp1.output);
        } else {
            System.out.printf(Locale.ROOT, "    %-12s %9s %9s %9s  %s%n", "interpreted", "skipped", "-", "-", "--no-interpreter");
        }
        System.out.printf(Locale.ROOT, "    method: wall time end to end (native: process spawn to exit; WASM: submit to result on"
                + "%n            an in-memory node, module already compiled and cached). Native and compiled run"
                + "%n            N=1 and N=%d, best of %d each; the interpreter (hundreds of times slower) runs N=1 and N=2 once."
                + "%n            'per round' = (t(N) - t(1)) / (N - 1): one SHA-256 round without the fixed cost"
                + "%n            (16 MiB buffer fill, instantiation, process or job overhead).%n", iterations, repeats);
        if (natN != null) {
            System.out.printf(Locale.ROOT, "    outputs native vs compiled%s: %s%n", interp1 == null ? "" : " vs interpreted",
                    natN.output.equals(compN.output) && nat1.output.equals(comp1.output)
                            && (interp1 == null || interp1.output.equals(nat1.output)) ? "identical" : "DIFFERENT");
            double ratio = compN.seconds / natN.seconds;
            System.out.printf(Locale.ROOT, "    compiled/native    %6.2fx at N=%d   %6.2fx at N=1   %6.2fx per round"
                    + "   (target: within 4x at N=%d: %s)%n", ratio, iterations, comp1.seconds / nat1.seconds,
                    perRound(comp1, compN, iterations) / perRound(nat1, natN, iterations), iterations,
                    ratio <= 4 ? "met" : "NOT met");
            if (interp1 != null) {
                System.out.printf(Locale.ROOT, "    interpreted/native %6s         %6.1fx at N=1   %6.1fx per round%n", "",
                        interp1.seconds / nat1.seconds, perRound(interp1, interp2, 2) / perRound(nat1, natN, iterations));
            }
        } else if (interp1 != null) {
            System.out.printf(Locale.ROOT, "    interpreted/compiled %.1fx at N=1 (no native column: %s)%n",
                    interp1.seconds / comp1.seconds, nativeNote);
        }
    }

    private static double perRound(Timing one, Timing n, int rounds) {
        return (n.seconds - one.seconds) / (rounds - 1);
    }

    private static void row(String engine, Timing one, Timing n, double perRound) {
        System.out.printf(Locale.ROOT, "    %-12s %8.3fs %8.3fs %8.3fs  %s%n", engine, one.seconds, n.seconds, perRound, n.output);
    }

    private String nativeNote = "";

    /** The native cpubound, built with build.sh --native-only when missing and gcc exists; null when not. */
    private Path nativeCpubound() {
        Path binary = examplesDir.resolve("target/native/cpubound");
        if (Files.isExecutable(binary)) return binary;
        Path script = examplesDir.resolve("src/main/wasm/build.sh");
        if (!Files.isRegularFile(script)) {
            nativeNote = "no " + script + " (run from the repository root or pass --examples-dir)";
            return null;
        }
        if (!onPath("gcc")) {
            nativeNote = "gcc not found; install it or run build.sh --native-only";
            return null;
        }
        System.out.println("    building the native cpubound: " + script + " --native-only");
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "--native-only")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                nativeNote = "build.sh --native-only failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")";
                p.destroyForcibly();
                return null;
            }
        } catch (IOException | InterruptedException e) {
            nativeNote = "cannot run build.sh: " + e.getMessage();
            return null;
        }
        return Files.isExecutable(binary) ? binary : null;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("Bench: " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static int positive(String[] args, int i, String option, boolean zeroAllowed) {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n > 0 || (zeroAllowed && n == 0)) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        System.err.println("Bench: " + option + " needs a " + (zeroAllowed ? "non-negative" : "positive")
                + " integer (got '" + v + "')");
        System.exit(2);
        return 0;
    }

    /** The 1-minute load average, to read the numbers against; "n/a" off Linux. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static Job cpuJob(byte[] module, int rounds) {
        return Job.wasm(module).args(String.valueOf(rounds)).timeout(Duration.ofMinutes(20)).build();
    }

    private static Timing runWasm(Bacalhau node, Job job) throws Exception {
        long t0 = System.nanoTime();
        JobResult r = node.run(job);
        long t = System.nanoTime() - t0;
        check(r);
        return new Timing(t / 1e9, checksum(r.stdout()));
    }

    private static Timing runNative(Path binary, int rounds) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(binary.toString(), String.valueOf(rounds))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        long t = System.nanoTime() - t0;
        if (exit != 0) throw new IllegalStateException("native cpubound exited " + exit);
        return new Timing(t / 1e9, checksum(new String(out, StandardCharsets.UTF_8)));
    }

    private static String checksum(String stdout) {
        int at = stdout.indexOf("sha256=");
        return at < 0 ? stdout.strip() : "sha256=" + stdout.substring(at + 7).strip().substring(0, 16) + "...";
    }

    private interface Measured {
        Timing run() throws Exception;
    }

    private static Timing best(int n, Measured m) throws Exception {
        Timing best = null;
        for (int i = 0; i < n; i++) {
            Timing t = m.run();
            if (best == null || t.seconds < best.seconds) best = t;
        }
        return best;
    }

    private record Timing(double seconds, String output) {}

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.2fs", seconds);
    }

    private static void check(JobResult r) {
        if (!r.succeeded()) {
            throw new IllegalStateException("job " + r.jobId() + " " + r.state() + " exit " + r.exitCode() + ": "
                    + r.message() + " " + r.stderr());
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Bench.class.getResourceAsStream("/wasm/" + name)) {
            if (in == null) throw new IOException("/wasm/" + name + " is not on the class path");
            return in.readAllBytes();
        }
    }
}
