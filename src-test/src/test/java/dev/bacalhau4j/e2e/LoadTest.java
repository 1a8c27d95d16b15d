package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 WASM jobs submitted at once to an embedded node in a child JVM capped at 256 MiB of heap:
 * every job completes, none is lost or duplicated, the peak RSS stays bounded, and the queue
 * drains in submission order within each priority, higher priority first. And 2,000 across three
 * compute nodes (child JVMs) over NATS: every job completes once, on one node, and all three work.
 */
@org.junit.jupiter.api.Timeout(value = 600, unit = TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class LoadTest {
    private static final int JOBS = 10_000;
    /**
     * Two workers take jobs concurrently, a descheduled one may record its start late, and events
     * carry milliseconds: starts may swap by this much (the drain takes about 30 s).
     */
    private static final long START_SLACK_MS = 1000;

    @TempDir
    Path tmp;

    private record Line(int index, int priority, long startedAt, String state) {}

    @Test
    void shouldCompleteTenThousandJobsSubmittedAtOnceInOrderWithinBoundedMemory() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                LoadProbe.class.getName(), tmp.resolve("node").toString(), String.valueOf(JOBS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Line> jobs = new ArrayList<>();
        long peakRssKb = -1;
        int listed = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] f = line.split(" ", 5);
                switch (f[0]) {
                    case "JOB" -> jobs.add(new Line(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), f[4]));
                    case "LISTED" -> listed = Integer.parseInt(f[1]);
                    case "PEAK_RSS_KB" -> peakRssKb = Long.parseLong(f[1]);
                    default -> { }
                }
            }
        } finally {
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        assertThat(p.exitValue()).isZero();

        assertThat(jobs).hasSize(JOBS);
        assertThat(jobs).allSatisfy(j -> assertThat(j.state()).as("job %d", j.index()).isEqualTo("COMPLETED"));
        assertThat(listed).as("jobs in the store").isEqualTo(JOBS);
        System.out.printf("LoadTest: %d jobs, peak RSS %d MiB%n", JOBS, peakRssKb / 1024);
        assertThat(peakRssKb).as("peak RSS, KiB").isPositive().isLessThan(768 * 1024);

        for (int priority : new int[] {0, 1}) {
            long latest = 0;
            for (Line j : jobs) {
                if (j.priority() != priority) continue;
                assertThat(j.startedAt()).as("start of job %d", j.index()).isPositive();
                assertThat(j.startedAt()).as("start of job %d (priority %d) after later-submitted ones", j.index(),
                        priority).isGreaterThanOrEqualTo(latest - START_SLACK_MS);
                latest = Math.max(latest, j.startedAt());
            }
        }
        // the high-priority tenth overtakes the queue: all of it starts before the last normal job does
        long lastHigh = jobs.stream().filter(j -> j.priority() == 1).mapToLong(Line::startedAt).max().orElseThrow();
        long lastNormal = jobs.stream().filter(j -> j.priority() == 0).mapToLong(Line::startedAt).max().orElseThrow();
        assertThat(lastHigh).isLessThan(lastNormal);
    }

    @Test
    void shouldCompleteTwoThousandJobsAcrossThreeComputeNodesOverNats() throws Exception {
        try (NatsServer nats = NatsServer.start(); ChildNodes children = new ChildNodes();
                Bacalhau orch = Bacalhau.builder().directory(tmp.resolve("orch")).nats(nats.uri()).orchestrator(true)
                        .compute(false).heartbeat(Duration.ofMillis(500)).fuse(false).build()) {
            Set<String> computes = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                computes.add(children.start(nats.uri().toString(), tmp.resolve("c" + i), "trust=" + orch.info().nodeId())
                        .nodeId());
            }
            while (orch.run(Job.wasm(Programs.wasm("trivial")).build()).state() != JobState.COMPLETED) {
                Thread.sleep(100); // until a compute node has announced itself
            }
            byte[] wasm = Programs.wasm("trivial");
            List<JobHandle> handles = new ArrayList<>();
            for (int i = 0; i < 2000; i++) handles.add(orch.submit(Job.wasm(wasm).priority(i % 10 == 0 ? 1 : 0).build()));

            Set<String> ids = new HashSet<>();
            Map<String, Long> perNode = new java.util.HashMap<>();
            for (JobHandle h : handles) {
                JobResult r = h.await(Duration.ofMinutes(5));
                assertThat(r.state()).as(h.id() + ": " + r.message()).isEqualTo(JobState.COMPLETED);
                List<ExecutionResult> completed = r.executions().stream()
                        .filter(e -> e.state() == ExecutionState.COMPLETED).collect(Collectors.toList());
                assertThat(completed).as("completed executions of " + h.id()).hasSize(1);
                perNode.merge(completed.get(0).nodeId(), 1L, Long::sum);
                ids.add(h.id());
            }
            assertThat(ids).hasSize(2000);
            assertThat(orch.list()).extracting(i -> i.id()).containsAll(ids);
            System.out.printf("LoadTest: 2000 jobs over NATS, per compute node %s%n", perNode.values());
            assertThat(perNode.keySet()).isEqualTo(computes);
        }
    }
}
