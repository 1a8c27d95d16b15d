package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.FileBlockstore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the embedded node's JVM with SIGKILL at random points of a stream of jobs, several times
 * on one node directory, and checks after each restart: no job lost or duplicated, every job ends
 * Completed or Failed with a reason, every published result is complete, no block is corrupt.
 */
class NodeKillTest {
    private static final int ROUNDS = Integer.getInteger("kill.rounds", 4);

    @TempDir
    Path tmp;

    @Test
    void shouldLoseNothingWhenKilledAtRandomPoints() throws Exception {
        Path dir = tmp.resolve("node");
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Set<String> submitted = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            long killAfter = 300 + random.nextInt(1500);
            List<String> printed = runAndKill(dir, killAfter);
            submitted.addAll(printed);
            int completed = 0;
            int failed = 0;
            try (Bacalhau node = Bacalhau.builder().directory(dir).build()) {
                List<JobInfo> jobs = node.list();
                List<String> ids = jobs.stream().map(JobInfo::id).toList();
                assertThat(new HashSet<>(ids)).as("seed %d round %d: no duplicates", seed, round).hasSize(ids.size());
                assertThat(ids).as("seed %d round %d: nothing submitted is lost", seed, round).containsAll(submitted);
                for (JobInfo job : jobs) {
                    JobResult result = node.job(job.id()).orElseThrow().await(Duration.ofMinutes(2));
                    assertThat(result.state()).as("seed %d: %s", seed, job.id()).isIn(JobState.COMPLETED, JobState.FAILED);
                    if (result.state() == JobState.FAILED) {
                        failed++;
                        assertThat(result.message()).as("seed %d: %s failed with a reason", seed, job.id()).isNotBlank();
                    } else {
                        completed++;
                        Path out = tmp.resolve("check-" + round + "-" + job.id());
                        node.download(result, out);   // the whole DAG is there, or this throws
                        assertThat(out.resolve("exitCode")).hasContent("0\n");
                    }
                }
            }
            assertNoCorruptBlocks(dir.resolve("blocks"), seed);
            System.out.printf("NodeKillTest seed %d round %d: killed after %d ms; %d jobs submitted this round; "
                    + "%d jobs in all: %d completed, %d failed%n", seed, round, killAfter, printed.size(),
                    completed + failed, completed, failed);
        }
        assertThat(submitted).as("the child submitted jobs before each kill").hasSizeGreaterThan(ROUNDS);
    }

    /** Starts the probe on {@code dir}, lets it submit for {@code millis}, kills it; returns the ids it printed. */
    private static List<String> runAndKill(Path dir, long millis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobStreamProbe.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("SUBMITTED ")) {
                        ids.add(line.substring("SUBMITTED ".length()));
                    }
                }
            } catch (java.io.IOException closedByTheKill) {
                // the stream ends with the process
            }
        }, "probe-reader");
        reader.start();
        try {
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("probe started").isTrue();
            Thread.sleep(millis);
        } finally {
            child.destroyForcibly();   // SIGKILL: no shutdown hooks, no close()
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }
        return ids;
    }

    private static void assertNoCorruptBlocks(Path blocks, long seed) throws Exception {
        try (FileBlockstore store = FileBlockstore.builder(blocks).verifyReads(true).open()) {
            List<Cid> cids;
            try (Stream<Cid> all = store.cids()) {
                cids = all.toList();
            }
            for (Cid cid : cids) {
                assertThat(store.get(cid)).as("seed %d: block %s reads back whole", seed, cid).isPresent();
            }
        }
        try (Stream<Path> files = Files.walk(blocks)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).as("no temp files after reopening").isEmpty();
        }
    }
}
