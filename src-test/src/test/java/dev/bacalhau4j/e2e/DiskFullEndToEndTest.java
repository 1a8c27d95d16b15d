package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.core.Bacalhau;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node directory's file system runs full: a 24 MB tmpfs mounted for the test (needs root;
 * skipped otherwise, except under {@code CI=true} where it fails).
 */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class DiskFullEndToEndTest {
    /** mandelbrot 1024x1024 writes a 3 MB image; 30 iterations make its blocks distinct (no dedup). */
    private static final int BIG_IMAGE = 1024;
    private static final long MB = 1024 * 1024;

    @TempDir
    Path tmp;

    private Path mountPoint;
    private boolean mounted;

    @BeforeEach
    void mountTmpfs() throws Exception {
        mountPoint = Files.createDirectory(tmp.resolve("small-disk"));
        String why = run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString());
        if (why != null) {
            String message = "cannot mount a tmpfs at " + mountPoint + " (" + why + "); the disk-full tests need root";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail("under CI=true " + message);
            Assumptions.abort(message);
        }
        mounted = true;
    }

    @AfterEach
    void unmountTmpfs() throws Exception {
        if (mounted) {
            String why = run("umount", mountPoint.toString());
            if (why != null) throw new AssertionError("cannot unmount " + mountPoint + ": " + why);
        }
    }

    @Test
    void shouldFailJobsClearlyAndLoseNothingWhenTheNodeDirectoryIsFull() throws Exception {
        Path dir = mountPoint.resolve("node");
        Path filler = mountPoint.resolve("filler");
        Path lastBytes = mountPoint.resolve("filler-last-bytes");
        List<String> ids = new ArrayList<>();
        try (Bacalhau node = Bacalhau.builder().directory(dir).fuse(false).build()) {
            JobResult before = node.run(mandelbrot(64));
            assertCompleted(before);
            ids.add(before.jobId());
            int pins = node.ipfs().pins().size();

            // 1a. the image fits in the scratch directory, but not a second time in the blockstore
            fill(filler, Files.getFileStore(mountPoint).getUsableSpace() - 4 * MB - MB / 2);
            long blockBytes = bytesUnder(dir.resolve("blocks"));
            JobResult publishFull = node.run(mandelbrot(BIG_IMAGE));
            ids.add(publishFull.jobId());
            assertThat(publishFull.state()).as(publishFull.message()).isEqualTo(JobState.FAILED);
            assertThat(publishFull.message()).contains("disk is full", "no space left on device",
                    "publishing the outputs", dir.toString());
            assertThat(publishFull.executions()).singleElement().satisfies(e -> {
                assertThat(e.failureReason()).isEqualTo("disk-limit");
                assertThat(e.published()).isEmpty();
            });
            assertThat(node.ipfs().pins()).hasSize(pins);
            assertThat(leftovers(dir)).isEmpty();
            // what the failed publish stored is unpinned: a garbage collection gives all of it back
            node.ipfs().collectGarbage();
            assertThat(bytesUnder(dir.resolve("blocks"))).isEqualTo(blockBytes);

            // 1b. the image does not fit at all: the program's writes fail
            Files.delete(filler);
            fill(filler, Files.getFileStore(mountPoint).getUsableSpace() - MB - MB / 2);
            for (Job big : List.of(mandelbrot(BIG_IMAGE), mandelbrot(BIG_IMAGE).toBuilder()
                    .publisher(PublisherSpec.local()).build())) {
                JobResult full = node.run(big);
                ids.add(full.jobId());
                assertThat(full.state()).as(full.message()).isEqualTo(JobState.FAILED);
                assertThat(full.message()).contains("disk is full", "no space left on device",
                        "the program wrote its outputs", dir.toString());
                assertThat(full.executions()).singleElement().satisfies(e -> {
                    assertThat(e.failureReason()).isEqualTo("disk-limit");
                    assertThat(e.published()).isEmpty();
                });
            }
            assertThat(node.ipfs().pins()).hasSize(pins);
            assertThat(leftovers(dir)).isEmpty();

            // 2. the job store cannot grow: the submit fails naming the disk, and the job exists nowhere
            fillUp(lastBytes);
            int listed = node.list().size();
            byte[] spec = new byte[6 * 1024 * 1024]; // more than SQLite's WAL can have spare
            new java.util.Random(7).nextBytes(spec);
            assertThatThrownBy(() -> node.submit(Job.wasm(Programs.wasm("trivial")).stdin(spec).build()))
                    .isInstanceOf(BacalhauException.class)
                    .hasMessageContaining("disk is full")
                    .hasMessageContaining(dir.toString());
            assertThat(node.list()).hasSize(listed);
            // a small job may still fit in the store; wherever the full disk stops it, it says so
            try {
                var handle = node.submit(mandelbrot(64));
                ids.add(handle.id());
                try {
                    JobResult r = handle.await(Duration.ofSeconds(120));
                    assertThat(r.state()).as(r.message()).isEqualTo(JobState.FAILED);
                    assertThat(r.message()).contains("disk is full");
                } catch (BacalhauException e) {
                    assertThat(e.getMessage()).contains("disk is full", dir.toString());
                }
            } catch (BacalhauException e) {
                assertThat(e.getMessage()).contains("disk is full", dir.toString());
            }

            // 3. room again: the node works
            Files.delete(lastBytes);
            Files.delete(filler);
            JobResult after = node.run(mandelbrot(BIG_IMAGE));
            assertCompleted(after);
            ids.add(after.jobId());
            assertThat(leftovers(dir)).isEmpty();
        }
        try (Bacalhau reopened = Bacalhau.builder().directory(dir).fuse(false).build()) {
            assertThat(reopened.list()).extracting(JobInfo::id).containsExactlyInAnyOrderElementsOf(ids);
            for (String id : ids) {
                // a job the full store left queued runs again now; whatever ran, every job ends
                reopened.job(id).orElseThrow().await(Duration.ofSeconds(120));
            }
            for (JobInfo job : reopened.list()) {
                assertThat(job.state()).as(job.id() + ": " + job.message())
                        .isIn(JobState.COMPLETED, JobState.FAILED);
                assertThat(job.message()).as(job.id()).isNotBlank();
            }
        }
    }

    /** Files a failed publish or execution must not leave: scratch, staging, temporary blocks. */
    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(".publishing-") || name.endsWith(".tmp")
                        || (p.getParent() != null && p.getParent().equals(dir.resolve("work")));
            }).toList();
        }
    }

    private static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Writes {@code file} until the file system refuses another byte. */
    private static void fillUp(Path file) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException e) {
            if (!e.getMessage().contains("No space left on device")) throw e;
        }
    }

    /** A size x size image in /outputs/mandelbrot.ppm: 3 bytes a pixel. */
    private static Job mandelbrot(int size) {
        return Job.wasm(Programs.wasm("mandelbrot")).args(String.valueOf(size), String.valueOf(size), "30", "/outputs")
                .output("outputs", "/outputs").timeout(Duration.ofSeconds(120)).build();
    }

    private static void assertCompleted(JobResult result) {
        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        assertThat(result.executions()).singleElement().satisfies(e -> {
            assertThat(e.exitCode()).as(new String(e.stderrBytes())).isZero();
            assertThat(e.published()).isPresent();
        });
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        int code = p.waitFor();
        return code == 0 ? null : "exit " + code + ": " + out;
    }
}
