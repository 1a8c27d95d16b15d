package dev.bacalhau4j.runtime.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.runtime.container.internal.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sandbox every job container gets, seen from inside the job and from the engine's inspect. */
class DockerSandboxTest extends ContainerTestBase {

    @Test
    void shouldRefuseMknodInAJobContainer() throws Exception {
        // /dev/null's numbers: the engine's device cgroup allows them, so only the dropped MKNOD refuses
        ExecutionOutcome o = runtime.execute(job().sh("mknod /tmp/null c 1 3 && echo made").context());

        assertThat(o.ranToExit()).isTrue();
        assertThat(o.exitCode()).isNotZero();
        assertThat(new String(o.stdout(), UTF_8)).doesNotContain("made");
        assertThat(new String(o.stderr(), UTF_8)).contains("Operation not permitted");
    }

    @Test
    void shouldDropTheCapabilitiesAndLimitMemoryToTheDefaultWhenTheJobSetsNone() throws Exception {
        Fixture f = job();
        Path gate = Files.createTempDirectory(dir, "gate");
        f.inputs.add(new dev.bacalhau4j.api.runtime.Mount(gate, "/gate", true));
        f.sh("while [ ! -f /gate/open ]; do sleep 0.05; done");
        AtomicReference<Object> result = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                result.set(runtime.execute(f.context()));
            } catch (Throwable t) {
                result.set(t);
            }
        });
        run.start();
        InspectContainerResponse inspect;
        try {
            inspect = client.inspectContainerCmd(awaitRunning(f.executionId).getId()).exec();
        } finally {
            Files.writeString(gate.resolve("open"), "");
            run.join(TimeUnit.SECONDS.toMillis(60));
        }

        assertThat(inspect.getHostConfig().getCapDrop()).containsExactlyInAnyOrder(Capability.MKNOD,
                Capability.SETFCAP, Capability.FSETID, Capability.SETPCAP, Capability.SYS_CHROOT,
                Capability.AUDIT_WRITE, Capability.NET_RAW);
        assertThat(inspect.getHostConfig().getMemory()).isEqualTo(1L << 30);
        assertThat(inspect.getHostConfig().getMemorySwap()).isEqualTo(1L << 30);
        assertThat(run.isAlive()).isFalse();
        assertThat(result.get()).isInstanceOfSatisfying(ExecutionOutcome.class, o -> assertThat(o.exitCode()).isZero());
    }

    @Test
    void shouldKeepTheJobsMemoryLimitWhenItSetsOne() throws Exception {
        Fixture f = job().sh("cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes");
        f.memoryBytes = 48L << 20;

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(new String(o.stdout(), UTF_8).strip()).isEqualTo(String.valueOf(48L << 20));
    }

    /** Waits until the execution's container runs, and returns it (bounded polling; no timing is asserted). */
    private Container awaitRunning(String executionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Container> running = client.listContainersCmd()
                    .withLabelFilter(Map.of(Labels.EXECUTION, executionId)).exec();
            if (!running.isEmpty()) return running.get(0);
            Thread.sleep(50);
        }
        throw new AssertionError("the container of execution " + executionId + " did not start within 30s");
    }
}
