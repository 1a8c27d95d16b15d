package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.AttachContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.runtime.CapturedOutput;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Mount;
import dev.bacalhau4j.api.runtime.OutputCap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a container, on the caller's thread: create, attach, start, wait (at most the
 * execution timeout, then kill; a wait stream that breaks is judged by {@link ExitWait}), inspect.
 * While it runs, an {@link OutputWatcher} kills it when its outputs pass the output cap. Never
 * removes the container: the caller does, always. A non-zero exit, a timeout, an OOM kill and
 * outputs past the cap are outcomes; engine errors and interruption propagate.
 */
public final class ContainerExecution {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerExecution.class);

    /** How long to wait for the attach stream to open, and for it to drain after the exit. */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(10);

    private final DockerClient client;
    private final ExecutionContext context;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;
    private final String name;
    private final String detail;

    public ContainerExecution(DockerClient client, ExecutionContext context, CapturedOutput stdout,
            CapturedOutput stderr, String name, String detail) {
        this.client = client;
        this.context = context;
        this.stdout = stdout;
        this.stderr = stderr;
        this.name = name;
        this.detail = detail;
    }

    /** Runs the container created by {@code create} to its end or its timeout. */
    public ExecutionOutcome run(ContainerSpecFactory create, DockerEngine engine)
            throws ExecutionFailure, InterruptedException {
        String id = createContainer(create);
        AttachContainerCmd attach = client.attachContainerCmd(id)
                .withStdOut(true).withStdErr(true).withFollowStream(true).withLogs(false);
        try (OutputCollector output = attach.exec(new OutputCollector(stdout, stderr))) {
            if (!output.awaitStarted(STREAM_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExecutionFailure(FailureKind.ENGINE, "could not attach to container " + name
                        + " within " + STREAM_WAIT.toSeconds() + "s");
            }
            start(id, engine);
            try (OutputWatcher watcher = watchOutputs(id)) {
                return await(id, output, watcher);
            }
        } catch (IOException e) {
            throw new ExecutionFailure(FailureKind.ENGINE, "closing the output stream of container " + name + ": " + e);
        }
    }

    /** A watcher that kills container {@code id} when its outputs pass the cap; null when there is no cap. */
    private OutputWatcher watchOutputs(String id) {
        if (context.limits().outputCapBytes() <= 0) return null;
        List<Path> roots = context.outputs().stream().map(Mount::source).toList();
        return OutputWatcher.start(roots, context.limits().outputCapBytes(), () -> {
            try {
                kill(id);
            } catch (RuntimeException e) {
                // the wait ends at the timeout instead, and the outcome still says disk-limit
                LOG.warn("execution {}: could not kill container {} whose outputs passed the cap",
                        context.executionId(), name, e);
            }
        }, name);
    }

    private ExecutionOutcome await(String id, OutputCollector output, OutputWatcher watcher)
            throws ExecutionFailure, InterruptedException {
        Duration timeout = context.limits().timeout();
        OptionalInt exit = new ExitWait(client, id, name).await(timeout);
        Optional<ExecutionOutcome> overCap = overCap(id, watcher, output);
        if (overCap.isPresent()) return overCap.get();
        if (exit.isEmpty()) {
            kill(id);
            output.awaitCompletion(STREAM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return ExecutionOutcome.failed(FailureKind.TIMEOUT, "the container ran past its execution timeout of "
                    + Durations.human(timeout) + " and was killed", stdout, stderr, detail);
        }
        output.awaitCompletion(STREAM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        int code = exit.getAsInt();
        InspectContainerResponse inspect = client.inspectContainerCmd(id).exec();
        if (Boolean.TRUE.equals(inspect.getState().getOOMKilled()) && code != 0) {
            // the limit the container had: the job's, or the runtime's default
            Long limit = inspect.getHostConfig() == null ? null : inspect.getHostConfig().getMemory();
            long cap = limit != null && limit > 0 ? limit : context.limits().memoryBytes();
            return ExecutionOutcome.failed(FailureKind.MEMORY_LIMIT, "the container was killed by the kernel's"
                    + " OOM killer" + (cap > 0 ? " at its memory limit of " + cap + " bytes" : "")
                    + " (exit code " + code + ")", stdout, stderr, detail);
        }
        return ExecutionOutcome.exited(code, stdout, stderr, detail);
    }

    /**
     * A disk-limit outcome when the watcher stopped the container, or when the outputs it left
     * are past the cap (it exited between two samples); empty within the cap.
     */
    private Optional<ExecutionOutcome> overCap(String id, OutputWatcher watcher, OutputCollector output)
            throws InterruptedException {
        if (watcher == null) return Optional.empty();
        watcher.close();
        long cap = context.limits().outputCapBytes();
        OptionalLong stoppedAt = watcher.exceeded();
        String message;
        if (stoppedAt.isPresent()) {
            kill(id); // a timeout may have ended the wait first; the container must not run on
            message = "outputs exceeded " + OutputCap.describe(context) + ": the container wrote at least "
                    + stoppedAt.getAsLong() + " bytes (" + OutputCap.human(stoppedAt.getAsLong())
                    + ", apparent size) and was killed; nothing was published";
        } else {
            long left = ApparentSize.of(context.outputs().stream().map(Mount::source).toList(), cap);
            if (left <= cap) return Optional.empty();
            message = "outputs exceeded " + OutputCap.describe(context) + ": the container left at least " + left
                    + " bytes (" + OutputCap.human(left) + ", apparent size); nothing was published";
        }
        output.awaitCompletion(STREAM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(ExecutionOutcome.failed(FailureKind.DISK_LIMIT, message, stdout, stderr, detail));
    }

    private String createContainer(ContainerSpecFactory create) throws ExecutionFailure {
        try {
            return create.create().exec().getId();
        } catch (ConflictException e) {
            // a container of this execution survived an earlier attempt: remove it, create again
            removeQuietly(client, name);
            return create.create().exec().getId();
        } catch (NotFoundException e) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "cannot create the container: " + Messages.of(e));
        } catch (DockerException e) {
            throw new ExecutionFailure(FailureKind.ENGINE, "the Docker engine refused the container: " + Messages.of(e));
        }
    }

    private void start(String id, DockerEngine engine) throws ExecutionFailure {
        try {
            client.startContainerCmd(id).exec();
        } catch (DockerException e) {
            String message = Messages.of(e);
            if (message.contains("executable file not found") || message.contains("no such file or directory")) {
                String what = !engine.entrypoint().isEmpty() ? "Entrypoint " + engine.entrypoint()
                        : !engine.parameters().isEmpty() ? "Parameters " + engine.parameters() : "the image's command";
                throw new ExecutionFailure(FailureKind.MISSING_ENTRYPOINT, "cannot start " + what + " in image '"
                        + engine.image() + "': " + message);
            }
            throw new ExecutionFailure(FailureKind.ENGINE, "the Docker engine could not start the container: " + message);
        }
    }

    private void kill(String id) {
        try {
            client.killContainerCmd(id).exec();
        } catch (NotFoundException | ConflictException e) {
            // already gone or already stopped
        }
    }

    /** Removes container {@code nameOrId} with its anonymous volumes, killing it if it runs; absent is fine. */
    public static void removeQuietly(DockerClient client, String nameOrId) {
        try {
            client.removeContainerCmd(nameOrId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already removed
        } catch (ConflictException e) {
            // "removal already in progress"
        }
    }

    /** Makes a fresh create command (one per attempt: commands are single-use). */
    @FunctionalInterface
    public interface ContainerSpecFactory {
        com.github.dockerjava.api.command.CreateContainerCmd create() throws ExecutionFailure;
    }
}
