package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.runtime.container.DockerRuntime;
import dev.bacalhau4j.runtime.container.PullPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's docker side across its life, on the real engine and real FUSE: recovery after a
 * killed JVM (container and stale mount removed, job failed), the copy fallback without FUSE,
 * and a runtime passed in with its own pull policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerNodeLifecycleTest {
    @TempDir Path tmp;
    private ContainerSupport engine;

    @BeforeAll
    void requireEngine() throws Exception {
        engine = ContainerSupport.require();
    }

    @AfterAll
    void close() {
        if (engine != null) engine.close();
    }

    @Test
    void shouldRemoveLeftoversAndTheStaleMountAfterTheNodeProcessIsKilled() throws Exception {
        Path dir = tmp.resolve("node");
        Path inputTree = DockerJobs.inputTree(tmp.resolve("input"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DockerCrashProbe.class.getName(), dir.toString(),
                engine.image(), inputTree.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String[] running;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child output").startsWith("RUNNING ");
            running = line.split(" ");
            awaitRunningContainer(running[2]);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close(), no unmount
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String jobId = running[1];
        String nodeId = running[2];
        Path mount = dir.toRealPath().resolve("ipfs"); // a dead mount cannot be stat'ed
        assertThat(engine.containersOf(nodeId)).as("the killed node's container is still there").hasSize(1);
        assertThat(fuseMountsAt(mount)).as("the killed node's FUSE mount is still listed").hasSize(1);

        try (Bacalhau node = Bacalhau.builder().directory(dir).build()) {
            assertThat(node.info().nodeId()).isEqualTo(nodeId);
            assertThat(engine.containersOf(nodeId)).as("leftover container removed at start").isEmpty();
            assertThat(fuseMountsAt(mount)).as("the stale mount replaced by a live one").hasSize(1);
            assertThat(Files.readString(mount.resolve(running[3]).resolve("a.txt"))).isEqualTo("alpha\n");

            JobResult crashed = node.result(jobId).orElseThrow();
            assertThat(crashed.state()).isEqualTo(JobState.FAILED);
            assertThat(crashed.message()).startsWith("node-restart:");
            assertThat(crashed.execution().orElseThrow().failureReason()).isEqualTo("node-restart");

            JobResult again = node.run(DockerJobs.sh(engine.image(), "cat /inputs/a.txt")
                    .inputIpfs(running[3], "/inputs").build());
            assertThat(again.stdout()).as(again.message()).isEqualTo("alpha\n");
        }
        assertThat(fuseMountsAt(mount)).as("unmounted at close").isEmpty();
    }

    @Test
    void shouldCopyInputsAndPublishTheSameCidWhenFuseIsDisabled() throws Exception {
        Path inputTree = DockerJobs.inputTree(tmp.resolve("input-copy"));
        Path dir = tmp.resolve("no-fuse");
        try (Bacalhau node = Bacalhau.builder().directory(dir).fuse(false).build()) {
            assertThat(node.info().inputMount()).isEqualTo("copy (FUSE disabled by the node's options)");
            assertThat(dir.resolve("ipfs")).doesNotExist();
            Cid input = node.ipfs().add(inputTree);

            JobResult probe = node.run(DockerJobs.sh(engine.image(), "grep ' /inputs ' /proc/mounts")
                    .inputIpfs(input + "", "/inputs").build());
            assertThat(probe.stdout()).as(probe.message()).startsWith("/").doesNotContain("fuse");

            JobResult result = node.run(DockerJobs.copyJob(engine.image(), input));
            assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
            Cid expected = node.ipfs().add(DockerJobs.expectedCopyResult(inputTree, tmp.resolve("expected-copy")));
            assertThat(DockerJobs.publishedCid(result)).isEqualTo(expected.toString());
            try (var work = Files.list(dir.resolve("work"))) {
                assertThat(work).as("the copies are removed with the execution").isEmpty();
            }
        }
    }

    @Test
    void shouldFailAMissingImageWithoutPullingWhenThePolicyIsNever() throws Exception {
        String absent = "bacalhau4j-e2e/absent:never";
        try (DockerRuntime never = DockerRuntime.builder().pullPolicy(PullPolicy.NEVER).build();
             Bacalhau node = Bacalhau.builder().inMemory().runtime(never).build()) {
            JobResult result = node.run(DockerJobs.sh(absent, "true").build());

            assertThat(result.state()).isEqualTo(JobState.FAILED);
            assertThat(result.message()).contains("'" + absent + "'").contains("not present")
                    .contains("pull policy is never");
            assertThat(result.execution().orElseThrow().state()).isEqualTo(ExecutionState.FAILED);
            assertThatThrownBy(() -> engine.client().inspectImageCmd(absent).exec()).as("not pulled")
                    .isInstanceOf(NotFoundException.class);
            assertThat(engine.containersOf(node.info().nodeId())).isEmpty();
        }
    }

    private void awaitRunningContainer(String nodeId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (engine.containersOf(nodeId).stream().noneMatch(c -> "running".equals(c.getState()))) {
            assertThat(System.nanoTime()).as("a running container of node " + nodeId + " within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Lines of /proc/self/mountinfo of FUSE mounts of ours whose mount point is {@code mountPoint}. */
    private static List<String> fuseMountsAt(Path mountPoint) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.split(" ")[4].equals(mountPoint.toString()))
                .filter(l -> l.contains(" - fuse.ipfs bacalhau4j "))
                .toList();
    }
}
