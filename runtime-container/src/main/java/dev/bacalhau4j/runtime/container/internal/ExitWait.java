package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Waits, on the caller's thread, for one container to exit through the engine's wait stream, and
 * survives that stream breaking. docker-java ends a wait without a status code when the stream
 * fails or is closed (its close handler interrupts the stream thread, which then fails with
 * {@code ClosedByInterruptException}); a break is then judged by the caller's interrupt and the
 * container's inspected state, never taken as the job's failure.
 */
public final class ExitWait {

    /** How many times a wait that broke while the container still ran is opened again. */
    static final int MAX_REWAITS = 3;

    private final DockerClient client;
    private final String id;
    private final String name;
    private final Function<String, ExitWaiter> open;

    /** Waits on {@code client}'s wait stream for container {@code id}, named {@code name} in messages. */
    public ExitWait(DockerClient client, String id, String name) {
        this(client, id, name, containerId -> client.waitContainerCmd(containerId).exec(new ExitWaiter()));
    }

    /** As above, with the waits opened by {@code open} (tests break them on purpose). */
    ExitWait(DockerClient client, String id, String name, Function<String, ExitWaiter> open) {
        this.client = client;
        this.id = id;
        this.name = name;
        this.open = open;
    }

    /**
     * The container's exit code, or empty when it still ran after {@code timeout} (zero: no
     * timeout).
     *
     * @throws InterruptedException when the caller's thread is interrupted (a cancel), also when
     *     the interrupt is what broke the stream
     * @throws ExecutionFailure (engine) when the stream broke more than {@link #MAX_REWAITS}
     *     times while the container ran, or the container is in a state that has no exit
     */
    public OptionalInt await(Duration timeout) throws ExecutionFailure, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastBreak = "";
        for (int rewaits = 0; rewaits <= MAX_REWAITS; rewaits++) {
            try (ExitWaiter waiter = open.apply(id)) {
                if (timeout.isZero()) {
                    waiter.awaitCompletion();
                } else if (!waiter.awaitCompletion(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return OptionalInt.empty();
                }
                if (waiter.statusCode() != null && waiter.error() == null) return OptionalInt.of(waiter.statusCode());
                lastBreak = waiter.error() != null ? Messages.of(waiter.error()) : "the stream ended with no exit code";
            } catch (IOException e) {
                // closing a wait stream that is already over; what it said was read above
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled while waiting for container " + name + " to exit");
            }
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(id).exec().getState();
            OptionalInt exit = exitOf(state);
            if (exit.isPresent()) return exit;
            if (!stillRuns(state)) {
                throw new ExecutionFailure(FailureKind.ENGINE, "lost the wait for container " + name + " to exit ("
                        + lastBreak + "), and the engine says it is '" + state.getStatus() + "', with no exit code");
            }
        }
        throw new ExecutionFailure(FailureKind.ENGINE, "lost the wait for container " + name + " to exit "
                + (MAX_REWAITS + 1) + " times while it still ran; last: " + lastBreak);
    }

    /** The exit code inspect reports for a container that has stopped; empty while it runs or never ran. */
    static OptionalInt exitOf(InspectContainerResponse.ContainerState state) {
        if (stillRuns(state)) return OptionalInt.empty();
        boolean stopped = "exited".equals(state.getStatus()) || "dead".equals(state.getStatus());
        if (!stopped || state.getExitCodeLong() == null) return OptionalInt.empty();
        return OptionalInt.of(state.getExitCodeLong().intValue());
    }

    /** Whether the container is still alive: running, paused or restarting. */
    static boolean stillRuns(InspectContainerResponse.ContainerState state) {
        return Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getPaused())
                || Boolean.TRUE.equals(state.getRestarting());
    }
}
