package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker jobs through the public API on one node, with the real engine and the node's real FUSE
 * mount: IPFS inputs reach the container through the mount, outputs publish the CID the same
 * files have when added directly, and failures say what happened. After every test no container
 * of the node is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerJobsEndToEndTest {
    @TempDir static Path tmp;
    private ContainerSupport engine;
    private Bacalhau node;
    private String image;
    private Path inputTree;
    private Cid input;

    @BeforeAll
    void openNode() throws Exception {
        engine = ContainerSupport.require();
        image = engine.image();
        node = Bacalhau.builder().directory(tmp.resolve("node")).build();
        inputTree = DockerJobs.inputTree(tmp.resolve("input"));
        input = node.ipfs().add(inputTree);
    }

    @AfterAll
    void closeNode() {
        if (node != null) node.close();
        if (engine != null) engine.close();
    }

    @AfterEach
    void noContainerLeft() {
        assertThat(engine.containersOf(node.info().nodeId())).as("containers left by the node").isEmpty();
    }

    @Test
    void shouldBindTheIpfsInputFromTheNodesFuseMount() throws Exception {
        Path mount = tmp.resolve("node").toRealPath().resolve("ipfs");
        assertThat(node.info().inputMount()).isEqualTo("fuse at " + mount);

        JobResult result = node.run(DockerJobs.sh(image, "grep ' /inputs ' /proc/mounts; cat /inputs/a.txt")
                .inputIpfs(input + "", "/inputs").build());

        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        // the bind's source is the node's FUSE file system (fsname bacalhau4j, type fuse.ipfs), read-only
        assertThat(result.stdout()).startsWith("bacalhau4j /inputs fuse.ipfs ro,").endsWith("\nalpha\n");
        try (var work = Files.list(tmp.resolve("node").resolve("work"))) {
            assertThat(work).as("no execution scratch (and no input copy) left").isEmpty();
        }
    }

    @Test
    void shouldPublishOutputsWithTheCidOfTheSameFilesAddedDirectly() throws Exception {
        JobResult result = node.run(DockerJobs.copyJob(image, input));

        assertThat(result.state()).as(result.message() + " " + result.stderr()).isEqualTo(JobState.COMPLETED);
        Cid expected = node.ipfs().add(DockerJobs.expectedCopyResult(inputTree, tmp.resolve("expected")));
        assertThat(DockerJobs.publishedCid(result)).isEqualTo(expected.toString());
        assertThat(result.execution().orElseThrow().engineDetail())
                .as("the image digest that ran").isEqualTo(engine.client().inspectImageCmd(image).exec().getId());
    }

    @Test
    void shouldPassEnvironmentArgumentsAndWorkingDirectory() throws Exception {
        JobResult result = node.run(DockerJobs.sh(image, "echo \"$GREETING $WHO\"; pwd; echo \"$0|$1|$2\"")
                .parameters(java.util.List.of("echo \"$GREETING $WHO\"; pwd; echo \"$0|$1|$2\"", "zero", "one",
                        "two words"))
                .env("GREETING", "hello").env("WHO", "container")
                .workingDirectory("/tmp")
                .build());

        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        assertThat(result.stdout()).isEqualTo("hello container\n/tmp\nzero|one|two words\n");
    }

    @Test
    void shouldCompleteWithTheExitCodeWhenTheProgramExitsNonZero() throws Exception {
        JobResult result = node.run(DockerJobs.sh(image, "echo bye >&2; exit 3").output("outputs", "/outputs").build());

        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).isEqualTo("bye\n");
        assertThat(node.ipfs().cat(DockerJobs.publishedCid(result) + "/exitCode").readAllBytes()).asString()
                .isEqualTo("3\n");
    }

    @Test
    void shouldFailWithTimeoutWhenTheContainerRunsTooLong() throws Exception {
        long t0 = System.nanoTime();
        JobResult result = node.run(DockerJobs.sh(image, "echo started; sleep 60").timeout(Duration.ofSeconds(1)).build());

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.message()).startsWith("timeout:").contains("1s");
        assertThat(result.execution().orElseThrow().failureReason()).isEqualTo("timeout");
        assertThat(result.stdout()).isEqualTo("started\n");
    }

    @Test
    void shouldFailWithMemoryLimitWhenTheKernelKillsTheContainer() throws Exception {
        JobResult result = node.run(DockerJobs.sh(image, "x=$(head -c 200000000 /dev/zero | tr '\\0' x); echo ${#x}")
                .memory("32Mb").build());

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        ExecutionResult execution = result.execution().orElseThrow();
        assertThat(execution.failureReason()).isEqualTo("memory-limit");
        assertThat(result.message()).startsWith("memory-limit:").contains("OOM");
    }

    @Test
    void shouldGiveNoNetworkWhenTheNetworkIsNone() throws Exception {
        JobResult result = node.run(DockerJobs.sh(image,
                "nc -w 3 192.0.2.1 80 < /dev/null && echo reached || echo no-network").build());

        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.stdout()).isEqualTo("no-network\n");
        assertThat(result.stderr()).contains("Network is unreachable");
    }

    @Test
    void shouldRefuseWritesToAnIpfsInput() throws Exception {
        JobResult result = node.run(DockerJobs.sh(image,
                "echo x > /inputs/new.txt || echo create-refused; rm /inputs/a.txt || echo rm-refused;"
                        + " echo y >> /inputs/a.txt || echo append-refused; cat /inputs/a.txt")
                .inputIpfs(input + "", "/inputs").build());

        assertThat(result.state()).isEqualTo(JobState.COMPLETED);
        assertThat(result.stdout()).isEqualTo("create-refused\nrm-refused\nappend-refused\nalpha\n");
        assertThat(result.stderr()).contains("Read-only file system");
    }

    @Test
    void shouldReadASingleFileInputByPathThroughTheMount() throws Exception {
        JobResult result = node.run(DockerJobs.sh(image, "wc -c < /data/b.bin; grep ' /data/b.bin ' /proc/mounts")
                .inputIpfs(input + "/sub/b.bin", "/data/b.bin").build());

        assertThat(result.state()).as(result.message()).isEqualTo(JobState.COMPLETED);
        assertThat(result.stdout()).startsWith((3 << 19) + "\nbacalhau4j /data/b.bin fuse.ipfs ro,");
    }

    @Test
    void shouldRemoveTheContainerWhenTheJobIsCancelledMidRun() throws Exception {
        String nodeId = node.info().nodeId();
        JobHandle handle = node.submit(DockerJobs.sh(image, "sleep 60").inputIpfs(input + "", "/inputs")
                .timeout(Duration.ofMinutes(2)).build());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (engine.containersOf(nodeId).stream().noneMatch(c -> "running".equals(c.getState()))) {
            assertThat(System.nanoTime()).as("a running container within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }

        assertThat(handle.cancel()).isTrue();
        JobResult result = handle.await(Duration.ofSeconds(30));

        assertThat(result.state()).isEqualTo(JobState.STOPPED);
        assertThat(result.execution().orElseThrow().state()).isEqualTo(ExecutionState.CANCELLED);
        assertThat(engine.containersOf(nodeId)).isEmpty();
    }

    @Test
    void shouldFailWithoutPublishingWhenOutputsPassTheDiskCap() throws Exception {
        // a 100 GiB sparse file: one byte written at the end
        JobResult sparse = node.run(DockerJobs.sh(image,
                "dd if=/dev/zero of=/outputs/big bs=1 count=1 seek=107374182399 2>/dev/null; echo wrote")
                .output("outputs", "/outputs").build());
        assertThat(sparse.state()).isEqualTo(JobState.FAILED);
        assertThat(sparse.execution().orElseThrow().failureReason()).isEqualTo("disk-limit");
        assertThat(sparse.message()).contains("maxOutputBytes").contains("nothing was published");
        assertThat(sparse.outputs()).isEmpty();

        JobResult capped = node.run(DockerJobs.sh(image, "dd if=/dev/zero of=/outputs/two bs=1024 count=2048 2>/dev/null")
                .output("outputs", "/outputs").disk("1Mb").build());
        assertThat(capped.execution().orElseThrow().failureReason()).isEqualTo("disk-limit");
        assertThat(capped.message()).contains("1000000 bytes").contains("Resources.Disk");
    }

    @Test
    void shouldStopAContainerWhileItWritesPastResourcesDiskAndLeaveNothingBehind() throws Exception {
        // 200 MiB in 1 MiB steps, paced to take at least 20 s; the 20 MiB cap is passed after about 2 s
        JobResult result = node.run(DockerJobs.sh(image, "i=0; while [ $i -lt 200 ]; do"
                + " dd if=/dev/zero bs=1048576 count=1 2>/dev/null; i=$((i+1)); sleep 0.1; done > /outputs/data;"
                + " echo finished").output("outputs", "/outputs").disk("20Mi").timeout(Duration.ofSeconds(120)).build());

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.execution().orElseThrow().failureReason()).isEqualTo("disk-limit");
        assertThat(result.message()).contains("outputs exceeded the disk cap of 20971520 bytes (20.0 MiB, Resources.Disk)")
                .contains("was killed").contains("nothing was published");
        assertThat(result.stdout()).as("stopped before it wrote everything").doesNotContain("finished");
        assertThat(result.outputs()).isEmpty();
        try (var left = Files.list(tmp.resolve("node/work"))) {
            assertThat(left).as("the execution's scratch directory is removed").isEmpty();
        }
    }

    @Test
    void shouldFailWithoutPublishingWhenOutputsHoldAFifoOrASetUidFile() throws Exception {
        JobResult result = node.run(DockerJobs.sh(image,
                "mkfifo /outputs/pipe && echo x > /outputs/tool && chmod 4755 /outputs/tool && echo made")
                .output("outputs", "/outputs").build());

        assertThat(result.state()).isEqualTo(JobState.FAILED);
        assertThat(result.execution().orElseThrow().failureReason()).isEqualTo("staging");
        assertThat(result.message()).contains("outputs/pipe (a FIFO)").contains("outputs/tool (set-uid)")
                .contains("nothing was published");
        assertThat(result.outputs()).isEmpty();
        assertThat(result.stdout()).as("the program's output is kept").isEqualTo("made\n");
    }
}
