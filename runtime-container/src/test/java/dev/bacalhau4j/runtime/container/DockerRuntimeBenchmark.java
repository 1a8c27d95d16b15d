package dev.bacalhau4j.runtime.container;

import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.runtime.container.internal.EngineConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A trivial container job through {@link DockerRuntime} against {@code docker run --rm} of the
 * same image from the docker CLI, alternating, after two warm-up runs of each; prints the
 * medians and their ratio. Not a test: run it by hand with the engine up, for example
 * {@code java -cp <test classpath> dev.bacalhau4j.runtime.container.DockerRuntimeBenchmark 20}.
 */
public final class DockerRuntimeBenchmark {

    private DockerRuntimeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String image;
        try (EngineConnection engine = EngineConnection.open(Optional.empty(), Duration.ofSeconds(3))) {
            engine.probe().pingCmd().exec();
            image = TestEngine.busyboxImage(engine.client());
        }
        Path dir = Files.createTempDirectory("docker-bench");
        List<Long> runtimeNanos = new ArrayList<>();
        List<Long> cliNanos = new ArrayList<>();
        try (DockerRuntime runtime = DockerRuntime.builder().nodeId("bench").build()) {
            for (int i = -2; i < runs; i++) {
                long viaRuntime = timeRuntime(runtime, dir, image);
                long viaCli = timeCli(image);
                if (i >= 0) {
                    runtimeNanos.add(viaRuntime);
                    cliNanos.add(viaCli);
                }
            }
        }
        double r = median(runtimeNanos) / 1e6;
        double c = median(cliNanos) / 1e6;
        System.out.printf("runs=%d  DockerRuntime median %.1f ms  docker run --rm median %.1f ms  ratio %.2f%n",
                runs, r, c, r / c);
    }

    private static long timeRuntime(DockerRuntime runtime, Path dir, String image) throws Exception {
        Fixture f = new Fixture(dir, image);
        f.entrypoint = List.of("/bin/true");
        long t0 = System.nanoTime();
        ExecutionOutcome o = runtime.execute(f.context());
        long t = System.nanoTime() - t0;
        if (o.exitCode() != 0) throw new IllegalStateException("runtime run failed: " + o);
        return t;
    }

    private static long timeCli(String image) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("docker", "run", "--rm", "--network", "none", "--pids-limit", "1024",
                "--security-opt", "no-new-privileges", "--entrypoint", "/bin/true", image)
                .inheritIO().start();
        int code = p.waitFor();
        long t = System.nanoTime() - t0;
        if (code != 0) throw new IllegalStateException("docker run exited " + code);
        return t;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
