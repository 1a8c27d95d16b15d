package dev.bacalhau4j.runtime.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import dev.bacalhau4j.api.runtime.Availability;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.runtime.container.internal.ContainerExecution;
import dev.bacalhau4j.runtime.container.internal.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Engine lookup, images, limits and cleanup: nothing a node starts outlives its execution. */
class DockerRuntimeLifecycleTest extends ContainerTestBase {

    @Override
    DockerRuntime.Builder runtimeBuilder() {
        return DockerRuntime.builder().pidsLimit(32);
    }

    @Test
    void shouldSayWhyWhenNoEngineAnswers() {
        try (DockerRuntime none = DockerRuntime.builder().dockerHost("unix:///nonexistent/docker.sock").build()) {
            Availability a = none.availability();

            assertThat(a.isAvailable()).isFalse();
            assertThat(a.reason()).startsWith("no Docker engine at unix:///nonexistent/docker.sock: ");
        }
        assertThat(runtime.availability()).isEqualTo(Availability.ok());
    }

    @Test
    void shouldBeFoundThroughServiceLoader() {
        List<String> types = java.util.ServiceLoader.load(dev.bacalhau4j.api.runtime.Runtime.class).stream()
                .map(p -> p.type().getName()).toList();
        assertThat(types).contains(DockerRuntime.class.getName());
    }

    @Test
    void shouldFailWithReasonWhenImageIsMissingAndPullPolicyIsNever() throws Exception {
        try (DockerRuntime never = DockerRuntime.builder().nodeId(nodeId).pullPolicy(PullPolicy.NEVER).build()) {
            ExecutionOutcome o = never.execute(new Fixture(dir, "bacalhau4j-test/absent:1").sh("true").context());

            assertThat(o.failure()).contains(FailureKind.INVALID_PROGRAM);
            assertThat(o.failureMessage()).isEqualTo("image 'bacalhau4j-test/absent:1' is not present on this"
                    + " node's Docker engine and the pull policy is never");
        }
    }

    @Test
    void shouldRunAPresentImageWithoutPullingWhenPullPolicyIsNever() throws Exception {
        try (DockerRuntime never = DockerRuntime.builder().nodeId(nodeId).pullPolicy(PullPolicy.NEVER).build()) {
            ExecutionOutcome o = never.execute(job().sh("echo ok").context());

            assertThat(new String(o.stdout(), UTF_8)).isEqualTo("ok\n");
        }
    }

    @Test
    void shouldFailWithThePullErrorWhenTheRegistryCannotBeReached() throws Exception {
        // a registry on a closed local port: the engine's pull fails at once, no traffic leaves the machine
        ExecutionOutcome o = runtime.execute(new Fixture(dir, "127.0.0.1:9/bacalhau4j-test/absent:1").sh("true").context());

        assertThat(o.failure()).isPresent();
        assertThat(o.failureMessage()).startsWith("cannot pull image '127.0.0.1:9/bacalhau4j-test/absent:1': ")
                .contains("127.0.0.1:9");
    }

    @Test
    void shouldBoundAForkBombByThePidsLimit() throws Exception {
        Fixture f = job().sh("i=0; while [ $i -lt 100 ]; do sleep 5 & i=$((i+1)); done; echo all-started");
        f.timeout = Duration.ofSeconds(30);

        ExecutionOutcome o = runtime.execute(f.context());

        assertThat(o.exitCode()).isNotZero();
        assertThat(new String(o.stderr(), UTF_8)).contains("can't fork");
        assertThat(new String(o.stdout(), UTF_8)).doesNotContain("all-started");
    }

    @Test
    void shouldRemoveTheContainerAndThrowWhenCancelled() throws Exception {
        Fixture f = job().sh("echo running; sleep 60");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try {
            Future<?> run = pool.submit(() -> {
                try {
                    runtime.execute(f.context());
                } catch (Throwable t) {
                    thrown.set(t);
                }
                return null;
            });
            awaitRunning(f.executionId);
            run.cancel(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(containersOf(nodeId)).isEmpty();
    }

    @Test
    void shouldRemoveRunningContainersWhenClosed() throws Exception {
        DockerRuntime closing = DockerRuntime.builder().nodeId(nodeId).build();
        Fixture f = job().sh("sleep 60");
        AtomicReference<ExecutionOutcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                outcome.set(closing.execute(f.context()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        awaitRunning(f.executionId);

        closing.close();
        t.join(20_000);

        assertThat(t.isAlive()).isFalse();
        assertThat(outcome.get().failure()).contains(FailureKind.CANCELLED);
        assertThat(outcome.get().failureMessage()).contains("closed");
        assertThat(containersOf(nodeId)).isEmpty();
        closing.close();
    }

    @Test
    void shouldRemoveLeftoversOfItsNodeOnlyWhenOpened() throws Exception {
        String otherNode = "test-other-" + UUID.randomUUID();
        String leftover = client.createContainerCmd(image).withCmd("true")
                .withLabels(Map.of(Labels.NODE, nodeId)).exec().getId();
        String others = client.createContainerCmd(image).withCmd("true")
                .withLabels(Map.of(Labels.NODE, otherNode)).exec().getId();
        try {
            runtime.open(nodeId);

            assertThat(containersOf(nodeId)).isEmpty();
            assertThat(containersOf(otherNode)).extracting(Container::getId).containsExactly(others);
            assertThat(runtime.nodeId()).isEqualTo(nodeId);
            assertThat(runtime.cleanupLeftovers()).isZero();
        } finally {
            ContainerExecution.removeQuietly(client, leftover);
            ContainerExecution.removeQuietly(client, others);
        }
    }

    @Test
    void shouldLabelContainersWithNodeAndExecution() throws Exception {
        Fixture f = job().sh("sleep 60");
        f.timeout = Duration.ofSeconds(20);
        AtomicReference<Map<String, String>> labels = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                runtime.execute(f.context());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        Container c = awaitRunning(f.executionId);
        labels.set(c.getLabels());
        t.interrupt();
        t.join(20_000);

        assertThat(labels.get()).containsEntry(Labels.NODE, nodeId).containsEntry(Labels.EXECUTION, f.executionId)
                .containsEntry(Labels.JOB, "j-test");
        assertThat(c.getNames()).containsExactly("/" + Labels.containerName(f.executionId));
    }

    /** Waits until the execution's container runs, and returns it. */
    private Container awaitRunning(String executionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<Container> running = client.listContainersCmd()
                    .withLabelFilter(Map.of(Labels.EXECUTION, executionId)).exec();
            if (!running.isEmpty()) return running.get(0);
            Thread.sleep(50);
        }
        throw new AssertionError("the container of execution " + executionId + " did not start within 20s");
    }
}
