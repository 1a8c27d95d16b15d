package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.api.ResultPath;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionLimits;
import dev.bacalhau4j.api.runtime.ExecutionListener;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Mount;
import dev.bacalhau4j.api.runtime.Runtime;
import dev.bacalhau4j.core.internal.ipfs.InputMount;
import dev.bacalhau4j.core.internal.publish.PublishRequest;
import dev.bacalhau4j.core.internal.publish.ResultPublisher;
import dev.bacalhau4j.core.internal.staging.Stagers;
import dev.bacalhau4j.core.internal.staging.StagingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one execution on this node: stage inputs, run the program, publish outputs. Every state
 * change is persisted before the next step, and the execution's scratch directory is removed
 * whatever happens.
 */
final class ExecutionRunner {
    /** An input with this target feeds the program's standard input instead of being mounted. */
    static final String STDIN_TARGET = "/dev/stdin";
    private static final String STAGING_AREA = "staging";

    private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);

    private final LocalNode node;
    private final Stagers stagers;
    private final Path workRoot;
    private final HostPaths hostPaths;

    ExecutionRunner(LocalNode node, Stagers stagers, Path workRoot, InputMount inputMount) {
        this.node = node;
        this.stagers = stagers;
        this.workRoot = workRoot;
        this.hostPaths = new HostPaths(inputMount);
    }

    /** Runs one execution of {@code job} to a terminal state, reporting to {@code cb}, and returns its result. */
    ExecutionResult execute(String jobId, dev.bacalhau4j.api.Job job, String executionId, Runtime runtime,
            ResultPublisher publisher, ExecutionCallbacks cb) {
        cb.created(executionId);
        Instant started = Instant.now();
        Path scratch = null;
        ExecutionOutcome outcome;
        Optional<PublishedResult> published = Optional.empty();
        String step = "creating the execution's scratch directory";
        try {
            scratch = Files.createTempDirectory(workRoot, executionId + "-");
            cb.transition(executionId, ExecutionState.RUNNING, "staging inputs and running " + job.task().engine().type());
            Task task = job.task();
            step = "staging the inputs";
            ExecutionContext context = stage(jobId, job, executionId, task, scratch, runtime, cb.output(executionId));
            log.debug("job {} execution {}: running on {}", jobId, executionId, runtime.engineType());
            step = "running the program and reading its outputs";
            outcome = runtime.execute(context);
            if (outcome.ranToExit() && DiskFull.usableBytes(scratch) < DiskFull.NEARLY_FULL_BYTES
                    && DiskFull.usableBytes(scratch) >= 0) {
                // the program's writes failed for want of room: what it left is likely cut short
                outcome = new ExecutionOutcome(-1, outcome.stdout(), outcome.stdoutTruncated(), outcome.stderr(),
                        outcome.stderrTruncated(), Optional.of(FailureKind.DISK_LIMIT),
                        DiskFull.message(nodeDirectory(), "the program wrote its outputs (it exited with code "
                                + outcome.exitCode() + "; they may be incomplete)"), outcome.engineDetail());
            } else if (outcome.ranToExit()) {
                Map<String, Path> outputs = new LinkedHashMap<>();
                for (int i = 0; i < task.resultPaths().size(); i++) {
                    outputs.put(task.resultPaths().get(i).name(), context.outputs().get(i).source());
                }
                // the runtime enforces the cap while the program runs; this check backs it up for any runtime
                long cap = outputCap(task);
                long written = OutputSizes.measure(outputs.values(), cap);
                List<String> unpublishable = written > cap ? List.of() : UnpublishableFiles.find(outputs);
                if (!unpublishable.isEmpty()) {
                    // the program's logs stay in the result: they may say why it made these files
                    outcome = new ExecutionOutcome(-1, outcome.stdout(), outcome.stdoutTruncated(), outcome.stderr(),
                            outcome.stderrTruncated(), Optional.of(FailureKind.STAGING),
                            UnpublishableFiles.refusal(unpublishable), outcome.engineDetail());
                } else if (written > cap) {
                    outcome = ExecutionOutcome.failed(FailureKind.DISK_LIMIT, "the program wrote more than " + cap
                            + " bytes to its result paths (" + (task.resources().diskBytes() > 0
                            ? "Resources.Disk" : "the node's maxOutputBytes") + "); nothing was published");
                } else {
                    step = "publishing the outputs";
                    cb.transition(executionId, ExecutionState.PUBLISHING, "exited with code " + outcome.exitCode()
                            + "; publishing");
                    published = Optional.of(publisher.publish(new PublishRequest(jobId, executionId, outputs,
                            outcome.stdout(), outcome.stderr(), outcome.exitCode())));
                }
            }
        } catch (InterruptedException | ClosedByInterruptException | InterruptedIOException e) {
            Thread.interrupted();
            outcome = ExecutionOutcome.failed(FailureKind.CANCELLED, cb.cancelReason());
        } catch (StagingException e) {
            outcome = ExecutionOutcome.failed(FailureKind.STAGING, e.getMessage());
        } catch (IOException e) {
            Thread.interrupted();
            outcome = cb.cancelled()
                    ? ExecutionOutcome.failed(FailureKind.CANCELLED, cb.cancelReason())
                    : DiskFull.isCause(e)
                            ? ExecutionOutcome.failed(FailureKind.DISK_LIMIT, DiskFull.message(nodeDirectory(), step))
                            : ExecutionOutcome.failed(FailureKind.STAGING, "I/O error: " + e);
        } catch (BacalhauException e) {
            // e.g. the job store could not record a step (its message names the disk when it is full)
            outcome = ExecutionOutcome.failed(FailureKind.STAGING, "failed while " + step + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("job {} execution {}: internal error", jobId, executionId, e);
            outcome = ExecutionOutcome.failed(FailureKind.ENGINE, "internal error: " + e);
        } finally {
            // a late cancel is already in the outcome; clear it so cleanup and the store writes run
            Thread.interrupted();
            if (scratch != null) {
                stagers.release(scratch.resolve(STAGING_AREA));
                FileTrees.deleteQuietly(scratch);
            }
        }
        return finish(cb, executionId, outcome, published, started);
    }

    /** The node directory (the parent of the work root), named in disk-full failures. */
    private Path nodeDirectory() {
        return workRoot.toAbsolutePath().getParent();
    }

    private ExecutionResult finish(ExecutionCallbacks cb, String executionId, ExecutionOutcome outcome,
            Optional<PublishedResult> published, Instant started) {
        ExecutionState state = outcome.failure()
                .map(kind -> kind == FailureKind.CANCELLED ? ExecutionState.CANCELLED : ExecutionState.FAILED)
                .orElse(ExecutionState.COMPLETED);
        String reason = outcome.failure().map(FailureKind::reason).orElse("");
        ExecutionResult result = new ExecutionResult(executionId, node.nodeId(), state, outcome.exitCode(),
                outcome.stdout(), outcome.stdoutTruncated(), outcome.stderr(), outcome.stderrTruncated(),
                reason, outcome.failureMessage(), outcome.engineDetail(), published, started, Instant.now());
        String message = state == ExecutionState.COMPLETED
                ? "completed with exit code " + outcome.exitCode()
                : reason + ": " + outcome.failureMessage();
        cb.finished(result, message);
        return result;
    }

    private ExecutionContext stage(String jobId, dev.bacalhau4j.api.Job job, String executionId, Task task, Path scratch, Runtime runtime,
            ExecutionListener output)
            throws IOException {
        Path area = Files.createDirectory(scratch.resolve(STAGING_AREA));
        List<Mount> inputs = new ArrayList<>();
        Optional<Path> stdin = Optional.empty();
        for (int i = 0; i < task.inputSources().size(); i++) {
            InputSource input = task.inputSources().get(i);
            Path staged = stagers.stage(input, "Tasks[0].InputSources[" + i + "]", area);
            if (!runtime.acceptsAnyFileSystem() || STDIN_TARGET.equals(input.target())) {
                staged = hostPaths.toHostPath(staged, area, "input-" + i);
            }
            if (STDIN_TARGET.equals(input.target())) {
                stdin = Optional.of(staged);
            } else {
                inputs.add(new Mount(staged, input.target(), true));
            }
        }
        Optional<Path> entryModule = Optional.empty();
        List<Path> importModules = new ArrayList<>();
        if (task.engine() instanceof WasmEngine wasm) {
            String where = "Tasks[0].Engine.Params.";
            entryModule = Optional.of(stagers.stage(wasm.entryModule(), where + "EntryModule", area));
            for (int i = 0; i < wasm.importModules().size(); i++) {
                importModules.add(stagers.stage(wasm.importModules().get(i), where + "ImportModules[" + i + "]", area));
            }
        } else if (task.engine() instanceof FunctionEngine function) {
            entryModule = Optional.of(stagers.stage(function.source(), "Tasks[0].Engine.Params.Source", area));
        }
        Path outputsRoot = Files.createDirectory(scratch.resolve("outputs"));
        List<Mount> outputs = new ArrayList<>();
        for (int i = 0; i < task.resultPaths().size(); i++) {
            ResultPath resultPath = task.resultPaths().get(i);
            outputs.add(new Mount(Files.createDirectory(outputsRoot.resolve(String.valueOf(i))),
                    resultPath.path(), false));
        }
        Path runtimeScratch = Files.createDirectory(scratch.resolve("runtime"));
        return new ExecutionContext(jobId, executionId, task, inputs, outputs, entryModule, importModules,
                stdin, limits(task), Ids.seedOf(job), runtimeScratch, output);
    }

    private ExecutionLimits limits(Task task) {
        Duration timeout = task.timeouts().executionTimeout().isZero()
                ? node.config().defaultExecutionTimeout()
                : task.timeouts().executionTimeout();
        return new ExecutionLimits(task.resources().memoryBytes(), task.resources().cpuMillis(), timeout,
                node.config().logCapBytes(), node.config().logCapBytes(), outputCap(task));
    }

    /** The most bytes (apparent size) the task may leave in its result paths: its Resources.Disk, else the node's cap. */
    private long outputCap(Task task) {
        return task.resources().diskBytes() > 0 ? task.resources().diskBytes() : node.config().maxOutputBytes();
    }
}
