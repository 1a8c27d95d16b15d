package dev.bacalhau4j.runtime.function;

import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.api.runtime.CapturedOutput;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Runtime;
import dev.bacalhau4j.runtime.function.internal.GuestThreads;
import dev.bacalhau4j.runtime.function.internal.ModuleCache;
import dev.bacalhau4j.runtime.function.internal.WasmExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wasm} runtime: runs WebAssembly (WASI preview 1) modules inside this JVM on
 * Chicory, deterministically — same module, inputs, arguments, environment and seed give
 * byte-identical stdout, stderr and output files.
 *
 * <p>The guest sees only its mounts (inputs read-only, outputs read-write) through a sandbox
 * file system with sorted listings and fixed metadata, a virtual clock that starts at
 * {@link #FIXED_EPOCH} and advances {@link Builder#clockStep(Duration) one step} per read,
 * and random bytes from SplitMix64 seeded with {@link ExecutionContext#seed()}. Memory is
 * capped by {@link dev.bacalhau4j.api.runtime.ExecutionLimits#memoryBytes()}, run time by its
 * timeout. Modules are parsed and compiled to JVM bytecode once per SHA-256 and cached.
 *
 * <p>Threads and resources: the runtime owns a cached pool of daemon threads named
 * {@code wasm-exec-<n>} (renamed {@code wasm-exec-<executionId>} while running one) and the
 * module cache; {@link #close()} stops the pool and clears the cache. Thread-safe: one
 * instance serves concurrent executions.
 */
public final class WasmRuntime implements Runtime {

    private static final Logger LOG = LoggerFactory.getLogger(WasmRuntime.class);

    /** The instant every guest clock and file timestamp starts from: 2000-01-01T00:00:00Z. */
    public static final Instant FIXED_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private final boolean compiled;
    private final long maxModuleBytes;
    private final ModuleCache cache;
    private final WasmExecution.Settings settings;
    private final GuestThreads threads;
    private volatile boolean closed;

    /** A runtime with the defaults of {@link #builder()}; used by {@link java.util.ServiceLoader}. */
    public WasmRuntime() {
        this(builder());
    }

    private WasmRuntime(Builder b) {
        this.compiled = b.compiled;
        this.maxModuleBytes = b.maxModuleBytes;
        this.cache = new ModuleCache(b.moduleCacheSize, b.compiled);
        this.settings = new WasmExecution.Settings(cache, b.defaultMemoryBytes, b.maxModuleBytes, FIXED_EPOCH,
                b.clockStep.toNanos());
        this.threads = new GuestThreads("wasm-exec", b.threadStackBytes, b.stopGracePeriod);
    }

    /**
     * Options: compiled (default true), cache size, default memory cap, module size limit, clock step,
     * thread stack.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Mounts are read through a sandbox FileSystem that wraps any java.nio FileSystem. */
    @Override
    public boolean acceptsAnyFileSystem() {
        return true;
    }

    @Override
    public String engineType() {
        return WasmEngine.TYPE;
    }

    /**
     * True when modules are compiled to JVM bytecode, false in interpreter mode.
     *
     * @return whether modules are compiled
     */
    public boolean compiled() {
        return compiled;
    }

    @Override
    public ExecutionOutcome execute(ExecutionContext context) throws InterruptedException {
        Objects.requireNonNull(context, "context == null");
        if (closed) throw new IllegalStateException("runtime is closed");
        if (!(context.task().engine() instanceof WasmEngine)) {
            throw new IllegalArgumentException("Tasks[0].Engine.Type: the wasm runtime cannot run engine '"
                    + context.task().engine().type() + "'");
        }
        WasmEngine engine = (WasmEngine) context.task().engine();
        if (context.entryModule().isEmpty()) {
            throw new IllegalArgumentException("context.entryModule() is empty: the wasm runtime needs a staged module");
        }
        CapturedOutput stdout = new CapturedOutput(context.limits().stdoutCapBytes(), context.listener()::onStdout);
        CapturedOutput stderr = new CapturedOutput(context.limits().stderrCapBytes(), context.listener()::onStderr);
        byte[] bytes;
        try {
            long size = Files.size(context.entryModule().get());
            if (size > maxModuleBytes) {
                return ExecutionOutcome.failed(FailureKind.INVALID_PROGRAM, "the entry module is " + size
                        + " bytes, over this runtime's limit of " + maxModuleBytes + " bytes (maxModuleBytes)");
            }
            bytes = Files.readAllBytes(context.entryModule().get());
        } catch (IOException e) {
            return ExecutionOutcome.failed(FailureKind.STAGING, "cannot read the entry module "
                    + context.entryModule().get() + ": " + e);
        }
        String detail = WasmExecution.sha256(bytes);
        WasmExecution execution = new WasmExecution(settings, context, engine, bytes, detail, stdout, stderr);

        LOG.debug("job {} execution {}: running module {} ({})", context.jobId(), context.executionId(), detail,
                compiled ? "compiled" : "interpreted");
        return threads.run(context, "the module", stdout, stderr, detail, execution::run);
    }

    /**
     * How many prepared modules the cache holds (for tests and metrics).
     *
     * @return the number of cached modules
     */
    public int cachedModules() {
        return cache.size();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        threads.shutdown();
        cache.clear();
    }

    /** Options of a {@link WasmRuntime}; {@link #build()} validates. */
    public static final class Builder {
        /**
         * The default of {@link #defaultMemoryBytes(long)}: 256 MiB. A guest's linear memory lives on
         * this JVM's heap, so a job that sets no {@code Resources.Memory} must not get WebAssembly's 4 GiB.
         */
        public static final long DEFAULT_MEMORY_BYTES = 256L << 20;
        /** The default of {@link #maxModuleBytes(long)}: 64 MiB. */
        public static final long DEFAULT_MAX_MODULE_BYTES = 64L << 20;

        private boolean compiled = true;
        private int moduleCacheSize = 64;
        private long defaultMemoryBytes = DEFAULT_MEMORY_BYTES;
        private long maxModuleBytes = DEFAULT_MAX_MODULE_BYTES;
        private Duration clockStep = Duration.ofMillis(1);
        private long threadStackBytes = 16L << 20;
        private Duration stopGracePeriod = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * Compile modules to JVM bytecode (default true); false runs Chicory's interpreter.
         *
         * @param compiled false to interpret
         * @return this builder
         */
        public Builder compiled(boolean compiled) {
            this.compiled = compiled;
            return this;
        }

        /**
         * How many prepared modules to keep, least recently used evicted (default 64; 0 disables).
         *
         * @param entries the cache's size, at least 0
         * @return this builder
         */
        public Builder moduleCacheSize(int entries) {
            if (entries < 0) throw new IllegalArgumentException("moduleCacheSize < 0: " + entries);
            this.moduleCacheSize = entries;
            return this;
        }

        /**
         * Memory cap when an execution's limits say 0 (default {@link #DEFAULT_MEMORY_BYTES}, 256 MiB;
         * 0 leaves each memory at its module's own maximum, up to WebAssembly's 4 GiB). The cap applies
         * to every memory of the execution, the entry module's and its import modules'.
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
         * The largest module file (entry or import) the runtime reads (default
         * {@link #DEFAULT_MAX_MODULE_BYTES}, 64 MiB); a larger one fails as {@code invalid-program}
         * before it is read, so a 100 MB data section costs no heap. Parsed modules are cached, so this
         * also bounds what one cache entry holds.
         *
         * @param bytes the limit, at least 1
         * @return this builder
         */
        public Builder maxModuleBytes(long bytes) {
            if (bytes < 1) throw new IllegalArgumentException("maxModuleBytes < 1: " + bytes);
            this.maxModuleBytes = bytes;
            return this;
        }

        /**
         * How far the guest's clocks advance per read (default 1 ms).
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
         * Stack size of guest threads; deep guest recursion needs more (default 16 MiB).
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
         * How long a timed-out or cancelled execution waits for its guest to stop (default 10 s).
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
        public WasmRuntime build() {
            return new WasmRuntime(this);
        }
    }
}
