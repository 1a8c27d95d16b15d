package dev.bacalhau4j.runtime.function;

import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.runtime.CapturedOutput;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Runtime;
import dev.bacalhau4j.runtime.function.internal.GuestThreads;
import dev.bacalhau4j.runtime.function.internal.JsExecution;
import dev.bacalhau4j.runtime.function.internal.WasmExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code function} runtime: runs JavaScript functions in QuickJS compiled to WebAssembly,
 * inside this JVM on Chicory, under the determinism contract of {@link WasmRuntime}.
 *
 * <p>QuickJS is quickjs4j's WASM build, precompiled to JVM bytecode, so nothing is compiled at
 * run time. Each execution gets a fresh QuickJS instance with the same guarantees as a WASM job:
 * a virtual clock from {@link WasmRuntime#FIXED_EPOCH} ({@code Date.now()}), randomness that
 * depends only on the job ({@code Math.random()}), no network, no host environment, memory
 * capped by {@link dev.bacalhau4j.api.runtime.ExecutionLimits#memoryBytes()} (or
 * {@link Builder#defaultMemoryBytes(long)}), run time by its timeout. The script sees the job's
 * mounts, and nothing else, through the API of {@code docs/functions.md}: inputs read-only,
 * outputs writable, listings sorted. An uncaught exception ends the script with exit code 1 and
 * its location on stderr; a syntax error fails the execution naming the script's line.
 *
 * <p>Threads and resources: the runtime owns a cached pool of daemon threads named
 * {@code js-exec-<n>}; {@link #close()} stops it. Thread-safe: one instance serves concurrent
 * executions.
 */
public final class FunctionRuntime implements Runtime {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionRuntime.class);

    private final JsExecution.Settings settings;
    private final GuestThreads threads;
    private volatile boolean closed;

    /** A runtime with the defaults of {@link #builder()}; used by {@link java.util.ServiceLoader}. */
    public FunctionRuntime() {
        this(builder());
    }

    private FunctionRuntime(Builder b) {
        this.settings = new JsExecution.Settings(b.defaultMemoryBytes, WasmRuntime.FIXED_EPOCH, b.clockStep.toNanos());
        this.threads = new GuestThreads("js-exec", b.threadStackBytes, b.stopGracePeriod);
    }

    /**
     * Options: default memory cap, clock step, thread stack, stop grace period.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String engineType() {
        return FunctionEngine.TYPE;
    }

    /** Mounts are read through a sandbox FileSystem that wraps any java.nio FileSystem. */
    @Override
    public boolean acceptsAnyFileSystem() {
        return true;
    }

    @Override
    public ExecutionOutcome execute(ExecutionContext context) throws InterruptedException {
        Objects.requireNonNull(context, "context == null");
        if (closed) throw new IllegalStateException("runtime is closed");
        if (!(context.task().engine() instanceof FunctionEngine engine)) {
            throw new IllegalArgumentException("Tasks[0].Engine.Type: the function runtime cannot run engine '"
                    + context.task().engine().type() + "'");
        }
        if (!FunctionEngine.JAVASCRIPT.equals(engine.language())) {
            return ExecutionOutcome.failed(FailureKind.INVALID_PROGRAM, "Tasks[0].Engine.Params.Language: "
                    + "unsupported language '" + engine.language() + "' (supported: javascript)");
        }
        if (context.entryModule().isEmpty()) {
            throw new IllegalArgumentException("context.entryModule() is empty: the function runtime needs the "
                    + "staged script (Tasks[0].Engine.Params.Source)");
        }
        CapturedOutput stdout = new CapturedOutput(context.limits().stdoutCapBytes(), context.listener()::onStdout);
        CapturedOutput stderr = new CapturedOutput(context.limits().stderrCapBytes(), context.listener()::onStderr);
        byte[] source;
        try {
            source = Files.readAllBytes(context.entryModule().get());
        } catch (IOException e) {
            return ExecutionOutcome.failed(FailureKind.STAGING, "cannot read the script "
                    + context.entryModule().get() + ": " + e);
        }
        String detail = engine.scriptName() + " " + WasmExecution.sha256(source) + " on " + JsExecution.engineName();
        JsExecution execution = new JsExecution(settings, context, engine, source, detail, stdout, stderr);
        LOG.debug("job {} execution {}: running {}", context.jobId(), context.executionId(), detail);
        return threads.run(context, "the script", stdout, stderr, detail, execution::run);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        threads.shutdown();
    }

    /** Options of a {@link FunctionRuntime}. */
    public static final class Builder {
        private long defaultMemoryBytes = 512L << 20;
        private Duration clockStep = Duration.ofMillis(1);
        private long threadStackBytes = 16L << 20;
        private Duration stopGracePeriod = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * Memory cap when an execution's limits say 0 (default 512 MiB, since QuickJS's memory has
         * no maximum of its own; 0 leaves it at WebAssembly's 4 GiB).
         *
         * @param bytes the cap, at least 0
         * @return this builder
         */
        public Builder defaultMemoryBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("defaultMemoryBytes < 0: " + bytes);
            this.defaultMemoryBytes = bytes;
            return this;
        }

        /**
         * How far the script's clock ({@code Date.now()}) advances per read (default 1 ms).
         *
         * @param step the advance, not negative
         * @return this builder
         */
        public Builder clockStep(Duration step) {
            Objects.requireNonNull(step, "step == null");
            if (step.isNegative()) throw new IllegalArgumentException("clockStep < 0: " + step);
            this.clockStep = step;
            return this;
        }

        /**
         * Stack size of guest threads; deep recursion in scripts needs more (default 16 MiB).
         *
         * @param bytes the stack size, at least 0
         * @return this builder
         */
        public Builder threadStackBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("threadStackBytes < 0: " + bytes);
            this.threadStackBytes = bytes;
            return this;
        }

        /**
         * How long a timed-out or cancelled execution waits for its script to stop (default 10 s).
         *
         * @param period the wait
         * @return this builder
         */
        public Builder stopGracePeriod(Duration period) {
            Objects.requireNonNull(period, "period == null");
            this.stopGracePeriod = period;
            return this;
        }

        /**
         * The runtime with these options.
         *
         * @return the runtime; its owner closes it
         */
        public FunctionRuntime build() {
            return new FunctionRuntime(this);
        }
    }
}
