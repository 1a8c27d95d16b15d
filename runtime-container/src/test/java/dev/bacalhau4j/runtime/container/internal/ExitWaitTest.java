package dev.bacalhau4j.runtime.container.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.runtime.container.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wait stream that breaks, on the real engine. The container exits 7 only once the test
 * creates its gate file, so whether it still runs when a wait is broken is the test's choice, not
 * a race; a wait is broken by closing it from another thread, as docker-java does on close
 * (interrupting its stream thread).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitWaitTest {
    private EngineConnection engine;
    private DockerClient client;
    private String image;
    private String id;
    private final AtomicInteger opened = new AtomicInteger();

    @TempDir
    Path gate;

    @BeforeAll
    void connect() throws IOException {
        engine = TestEngine.require();
        client = engine.client();
        image = TestEngine.busyboxImage(client);
    }

    @AfterAll
    void disconnect() {
        if (engine != null) engine.close();
    }

    @BeforeEach
    void startContainerWaitingForTheGate() {
        opened.set(0);
        id = client.createContainerCmd(image)
                .withEntrypoint("/bin/sh", "-c")
                .withCmd("while [ ! -f /gate/open ]; do sleep 0.05; done; exit 7")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withBinds(new Bind(gate.toString(), new Volume("/gate"))))
                .exec().getId();
        client.startContainerCmd(id).exec();
    }

    @AfterEach
    void removeContainer() {
        Thread.interrupted();
        ContainerExecution.removeQuietly(client, id);
    }

    @Test
    void shouldWaitAgainWhenTheStreamBreaksWhileTheContainerRuns() throws Exception {
        ExitWait wait = new ExitWait(client, id, "c", opens(n -> {
            if (n == 1) return brokenWait();
            openGate();
            return realWait();
        }));

        assertThat(wait.await(Duration.ofSeconds(60))).isEqualTo(OptionalInt.of(7));
        assertThat(opened).hasValue(2);
    }

    @Test
    void shouldTakeTheExitCodeFromInspectWhenTheContainerExitedDuringTheBreak() throws Exception {
        ExitWait wait = new ExitWait(client, id, "c", opens(n -> {
            ExitWaiter broken = brokenWait();
            openGate();
            awaitExited();
            return broken;
        }));

        assertThat(wait.await(Duration.ZERO)).isEqualTo(OptionalInt.of(7));
        assertThat(opened).hasValue(1);
    }

    @Test
    void shouldPropagateTheInterruptWhenTheCallersThreadWasInterrupted() {
        ExitWait wait = new ExitWait(client, id, "c", opens(n -> {
            ExitWaiter broken = brokenWait();
            Thread.currentThread().interrupt();
            return broken;
        }));

        assertThatThrownBy(() -> wait.await(Duration.ofSeconds(60))).isInstanceOf(InterruptedException.class);
        assertThat(opened).hasValue(1);
        assertThat(client.inspectContainerCmd(id).exec().getState().getRunning()).isTrue();
    }

    @Test
    void shouldFailNamingTheContainerWhenEveryWaitBreaksWhileItRuns() {
        ExitWait wait = new ExitWait(client, id, "bacalhau4j-x", opens(n -> brokenWait()));

        assertThatThrownBy(() -> wait.await(Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(ExecutionFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.ENGINE))
                .hasMessageContaining("bacalhau4j-x")
                .hasMessageContaining((ExitWait.MAX_REWAITS + 1) + " times while it still ran");
        assertThat(opened).hasValue(ExitWait.MAX_REWAITS + 1);
    }

    @Test
    void shouldReturnTheExitCodeWhenTheStreamDoesNotBreak() throws Exception {
        openGate();

        assertThat(new ExitWait(client, id, "c").await(Duration.ofSeconds(60))).isEqualTo(OptionalInt.of(7));
    }

    private Function<String, ExitWaiter> opens(Function<Integer, ExitWaiter> nth) {
        return containerId -> nth.apply(opened.incrementAndGet());
    }

    private ExitWaiter realWait() {
        return client.waitContainerCmd(id).exec(new ExitWaiter());
    }

    /** A wait whose stream started and was then closed by another thread, before the container exited. */
    private ExitWaiter brokenWait() {
        ExitWaiter waiter = realWait();
        try {
            assertThat(waiter.awaitStarted(30, TimeUnit.SECONDS)).as("the wait stream started").isTrue();
            Thread closer = new Thread(() -> {
                try {
                    waiter.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            closer.start();
            closer.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(waiter.statusCode()).isNull();
        return waiter;
    }

    private void openGate() {
        try {
            Files.writeString(gate.resolve("open"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the engine reports the container stopped (bounded; no timing is asserted). */
    private void awaitExited() {
        for (int i = 0; i < 600; i++) {
            if (!Boolean.TRUE.equals(client.inspectContainerCmd(id).exec().getState().getRunning())) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("container " + id + " did not exit within 30 s of its gate opening");
    }
}
