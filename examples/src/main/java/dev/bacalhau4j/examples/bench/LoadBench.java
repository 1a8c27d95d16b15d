package dev.bacalhau4j.examples.bench;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Submits N trivial WASM jobs at once to one embedded node (default 10,000, two priorities) and
 * reports: all completed or not, none lost, the order executions started in against the order of
 * submission within each priority, wall time, jobs/s, and the process's peak RSS. Asserts nothing.
 *
 * <pre>java -Xmx512m -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.bench.LoadBench [--jobs N]</pre>
 */
public final class LoadBench {
    /**
     * Runs the benchmark; see the class comment for the arguments.
     *
     * @param args {@code [--jobs N]}
     * @throws Exception when a run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        int jobs = args.length == 2 && args[0].equals("--jobs") ? Integer.parseInt(args[1]) : 10_000;
        byte[] wasm;
        try (InputStream in = LoadBench.class.getResourceAsStream("/wasm/trivial.wasm")) {
            wasm = in.readAllBytes();
        }
        try (Bacalhau node = Bacalhau.builder().inMemory().build()) {
            node.run(Job.wasm(wasm).build());   // warm the module cache
            long start = System.nanoTime();
            List<JobHandle> handles = new ArrayList<>(jobs);
            for (int i = 0; i < jobs; i++) {
                // every tenth job is urgent: it should overtake the normal ones still queued
                handles.add(node.submit(Job.wasm(wasm).name("load-" + i).priority(i % 10 == 0 ? 5 : 0).build()));
            }
            double submitted = (System.nanoTime() - start) / 1e9;
            List<Started> order = new ArrayList<>();
            int completed = 0;
            for (int i = 0; i < jobs; i++) {
                JobResult r = handles.get(i).await(Duration.ofMinutes(10));
                if (r.state() == JobState.COMPLETED) completed++;
                ExecutionResult e = r.executions().get(0);
                order.add(new Started(i, i % 10 == 0 ? 5 : 0, e.startedAt().toEpochMilli(), e.executionId()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d jobs submitted in %.2f s; all ended in %.2f s (%.0f jobs/s); completed %d,"
                    + " lost %d%n", jobs, submitted, seconds, jobs / seconds, completed, jobs - node.list().size() + 1);
            for (int priority : new int[] {5, 0}) {
                System.out.printf(Locale.ROOT, "priority %d: %s%n", priority, inversions(order, priority));
            }
            System.out.println("peak RSS: " + peakRss());
        }
    }

    private record Started(int index, int priority, long startedAtMillis, String executionId) {}

    /** How far the start order strays from submission order within one priority. */
    private static String inversions(List<Started> all, int priority) {
        List<Started> list = all.stream().filter(s -> s.priority() == priority)
                .sorted(Comparator.comparingLong(Started::startedAtMillis).thenComparing(Started::index)).toList();
        int maxBack = 0;
        int highest = -1;
        for (Started s : list) {
            if (s.index() < highest) {
                maxBack = Math.max(maxBack, highest - s.index());
            }
            highest = Math.max(highest, s.index());
        }
        return list.size() + " jobs; largest start-order displacement " + maxBack
                + " submissions (start times have millisecond resolution and " + Runtime.getRuntime().availableProcessors()
                + " run at once)";
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("unknown");
    }
}
