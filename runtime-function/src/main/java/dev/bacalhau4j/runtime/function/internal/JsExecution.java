package dev.bacalhau4j.runtime.function.internal;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.runtime.CapturedOutput;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Mount;
import io.roastedroot.quickjs4j.core.JavyPluginModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a JavaScript function: QuickJS (quickjs4j's Javy plugin, precompiled to JVM
 * bytecode) under the same deterministic WASI as WASM jobs — virtual clock, seeded random,
 * no environment, no preopened directories — with the memory cap on its linear memory. The
 * script reaches the job's mounts only through {@link JsHostApi}, over the same sandbox file
 * system WASM jobs see. Runs on the calling thread and never throws for what the script does;
 * the caller owns threads and time limits.
 */
public final class JsExecution {

    /** Settings shared by all executions of one runtime. */
    public static final class Settings {
        final long defaultMemoryBytes;
        final Instant epoch;
        final long clockStepNanos;
        final byte[] prelude;
        private volatile byte[] preludeBytecode;

        public Settings(long defaultMemoryBytes, Instant epoch, long clockStepNanos) {
            this.defaultMemoryBytes = defaultMemoryBytes;
            this.epoch = epoch;
            this.clockStepNanos = clockStepNanos;
            try (InputStream in = JsExecution.class.getResourceAsStream("prelude.js")) {
                if (in == null) throw new IllegalStateException("prelude.js is missing from the classpath");
                this.prelude = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read prelude.js", e);
            }
        }
    }

    /** What this engine runs, for {@link ExecutionOutcome#engineDetail()}. */
    public static String engineName() {
        return "QuickJS (quickjs4j " + io.roastedroot.quickjs4j.core.Version.version + ")";
    }


    private final Settings settings;
    private final ExecutionContext context;
    private final FunctionEngine engine;
    private final byte[] source;
    private final String detail;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;
    private final String script;
    private final GrowTracker memories = new GrowTracker(0); // the limits given to the instance cap it
    private long capBytes;
    private final OutputBudget outputs;

    public JsExecution(Settings settings, ExecutionContext context, FunctionEngine engine, byte[] source,
            String detail, CapturedOutput stdout, CapturedOutput stderr) {
        this.settings = settings;
        this.context = context;
        this.engine = engine;
        this.source = source;
        this.detail = detail;
        this.stdout = stdout;
        this.stderr = stderr;
        this.outputs = OutputBudget.of(context);
        this.script = engine.scriptName();
    }

    /** Runs the script to its end on the calling thread. */
    public ExecutionOutcome run() {
        ExecutionOutcome outcome;
        try {
            outcome = runOrFail();
        } catch (ExecutionFailure f) {
            outcome = ExecutionOutcome.failed(f.kind, f.getMessage(), stdout, stderr, detail);
        }
        return outputs.judge(outcome);
    }

    private ExecutionOutcome runOrFail() throws ExecutionFailure {
        WasmModule module = JavyPluginModule.load();
        MemoryLimits limits = memoryLimits(module);
        SandboxFileSystem sandbox = new SandboxFileSystem(mounts(), FileTime.from(settings.epoch), outputs);
        JsHostApi api = new JsHostApi(sandbox, engine.parameters(), environment(), context.seed(),
                capBytes > 0 ? capBytes : Integer.MAX_VALUE);
        ByteArrayOutputStream setupErr = new ByteArrayOutputStream();
        Redirect err = new Redirect(setupErr);
        try (InputStream stdin = openStdin()) {
            WasiOptions options = WasiOptions.builder()
                    .withStdout(stdout, false)
                    .withStderr(err, false)
                    .withStdin(stdin, false)
                    .withArguments(List.of(script))
                    .withRandom(new SplitMix64Random(context.seed()))
                    .withClock(Clock.fixed(settings.epoch, ZoneOffset.UTC))
                    .withThrowOnExit0(true)
                    .build();
            VirtualClock clock = new VirtualClock(
                    settings.epoch.getEpochSecond() * 1_000_000_000L + settings.epoch.getNano(),
                    settings.clockStepNanos);
            try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
                HostFunction[] wasiFunctions = DeterministicWasi.hostFunctions(wasi, clock, stdin);
                QuickJs js = new QuickJs(instantiate(module, limits, wasiFunctions, api));
                setUp(js, setupErr);
                byte[] bytecode = compile(js, setupErr);
                JsErrorFilter filter = new JsErrorFilter(stderr, script);
                err.target = filter;
                return runScript(js, bytecode, filter);
            }
        } catch (IOException e) {
            throw new ExecutionFailure(FailureKind.STAGING, "cannot open stdin " + context.stdin().orElse(null) + ": " + e);
        }
    }

    private Instance instantiate(WasmModule module, MemoryLimits limits, HostFunction[] wasiFunctions,
            JsHostApi api) throws ExecutionFailure {
        HostFunction invoke = new HostFunction("chicory", "invoke",
                FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32),
                        List.of(ValType.I32)),
                (instance, args) -> new long[] {hostCall(instance, api, args)});
        try {
            return Instance.builder(module)
                    .withMachineFactory(JavyPluginModule::create)
                    .withMemoryFactory(memories::create)
                    .withMemoryLimits(limits)
                    .withImportValues(ImportValues.builder().addFunction(wasiFunctions).addFunction(invoke).build())
                    .build();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw fromRuntimeError(e, "while starting QuickJS: ");
        }
    }

    /** QuickJS's runtime, then the prelude that defines the script API. */
    private void setUp(QuickJs js, ByteArrayOutputStream setupErr) throws ExecutionFailure {
        try {
            js.initialize();
            byte[] prelude = settings.preludeBytecode;
            if (prelude == null) {
                prelude = js.compile(settings.prelude);
                settings.preludeBytecode = prelude;
            }
            js.run(prelude);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            ExecutionFailure f = fromRuntimeError(e, "while starting QuickJS: ");
            if (f.kind != FailureKind.TRAP) throw f;
            throw new ExecutionFailure(FailureKind.ENGINE, f.getMessage() + " " + setupErr.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private byte[] compile(QuickJs js, ByteArrayOutputStream setupErr) throws ExecutionFailure {
        try {
            return js.compile(source);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            ExecutionFailure f = fromRuntimeError(e, "while compiling " + script + ": ");
            String error = JsErrorFilter.panicError(setupErr.toString(StandardCharsets.UTF_8));
            if (f.kind != FailureKind.TRAP || error == null) throw f;
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, JsErrorFilter.describe(error, script, "syntax error"));
        }
    }

    private ExecutionOutcome runScript(QuickJs js, byte[] bytecode, JsErrorFilter filter) throws ExecutionFailure {
        try {
            js.run(bytecode);
            finish(filter);
            return ExecutionOutcome.exited(0, stdout, stderr, detail);
        } catch (WasiExitException e) {
            finish(filter);
            return ExecutionOutcome.exited(e.exitCode(), stdout, stderr, detail);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            finish(filter);
            ExecutionFailure f = fromRuntimeError(e, "");
            if (f.kind == FailureKind.TRAP && filter.error() != null) {
                // an uncaught exception: the script's own failure, reported on stderr, exit code 1 as in Node
                return ExecutionOutcome.exited(1, stdout, stderr, detail);
            }
            throw f;
        }
    }

    private static void finish(JsErrorFilter filter) {
        try {
            filter.finish();
        } catch (IOException e) {
            // CapturedOutput does not throw; nothing to add
        }
    }

    private int hostCall(Instance instance, JsHostApi api, long[] args) {
        Memory memory = instance.memory();
        String module = new String(memory.readBytes((int) args[0], (int) args[1]), StandardCharsets.UTF_8);
        String name = new String(memory.readBytes((int) args[2], (int) args[3]), StandardCharsets.UTF_8);
        String json = new String(memory.readBytes((int) args[4], (int) args[5]), StandardCharsets.UTF_8);
        byte[] answer = api.call(module, name, json).getBytes(StandardCharsets.UTF_8);
        return new QuickJs(instance).writeSlice(answer);
    }

    private ExecutionFailure fromRuntimeError(Throwable e, String prefix) {
        if (e instanceof ChicoryInterruptedException || Thread.currentThread().isInterrupted()) {
            return new ExecutionFailure(FailureKind.CANCELLED, "the execution was interrupted");
        }
        if (memories.refusedGrow()) {
            return new ExecutionFailure(FailureKind.MEMORY_LIMIT, prefix + "the script ran out of memory at the cap of "
                    + capBytes + " bytes (Resources.Memory)");
        }
        if (e instanceof OutOfMemoryError) {
            return new ExecutionFailure(FailureKind.MEMORY_LIMIT, prefix + "the JVM ran out of memory running the script");
        }
        if (e instanceof StackOverflowError) {
            return new ExecutionFailure(FailureKind.TRAP, prefix + "call stack exhausted");
        }
        if (e instanceof ChicoryException) {
            return new ExecutionFailure(FailureKind.TRAP, prefix + e.getMessage());
        }
        return new ExecutionFailure(FailureKind.ENGINE, prefix + e);
    }

    private MemoryLimits memoryLimits(WasmModule module) throws ExecutionFailure {
        MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
        capBytes = context.limits().memoryBytes() > 0 ? context.limits().memoryBytes() : settings.defaultMemoryBytes;
        if (capBytes <= 0) return declared;
        int capPages = (int) Math.min(MemoryLimits.MAX_PAGES, capBytes / Memory.PAGE_SIZE);
        if (declared.initialPages() > capPages) {
            throw new ExecutionFailure(FailureKind.MEMORY_LIMIT, "QuickJS needs " + ((long) declared.initialPages()
                    * Memory.PAGE_SIZE) + " bytes of memory to start, over the cap of " + capBytes + " bytes");
        }
        return new MemoryLimits(declared.initialPages(), Math.min(declared.maximumPages(), capPages));
    }

    private InputStream openStdin() throws IOException {
        return context.stdin().isPresent() ? Files.newInputStream(context.stdin().get()) : InputStream.nullInputStream();
    }

    private List<Mount> mounts() {
        List<Mount> all = new ArrayList<>(context.inputs());
        all.addAll(context.outputs());
        return all;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(context.task().env());
        env.putAll(engine.environmentVariables());
        return env;
    }

    /** The plugin's exports, and how to pass bytes in and out of its memory. */
    private static final class QuickJs {
        private final Instance instance;

        QuickJs(Instance instance) {
            this.instance = instance;
        }

        void initialize() {
            instance.export("initialize_runtime").apply();
        }

        /** QuickJS bytecode of {@code js}, compiled as the module {@code function.mjs}. */
        byte[] compile(byte[] js) {
            int src = alloc(js.length);
            instance.memory().write(src, js);
            int wide = (int) instance.export("compileSrc").apply(src, js.length)[0];
            free(src, js.length);
            Memory memory = instance.memory();
            int ptr = memory.readInt(wide);
            int len = memory.readInt(wide + 4);
            byte[] bytecode = memory.readBytes(ptr, len);
            free(ptr, len);
            free(wide, 8);
            return bytecode;
        }

        /** Evaluates compiled bytecode, then runs pending jobs (promises) to the end. */
        void run(byte[] bytecode) {
            int ptr = alloc(bytecode.length);
            instance.memory().write(ptr, bytecode);
            instance.export("invoke").apply(ptr, bytecode.length, 0, 0);
            free(ptr, bytecode.length);
        }

        /** Copies {@code bytes} into guest memory and returns a pointer to their {@code [ptr, len]}. */
        int writeSlice(byte[] bytes) {
            int ptr = alloc(bytes.length);
            instance.memory().write(ptr, bytes);
            int wide = alloc(8);
            instance.memory().writeI32(wide, ptr);
            instance.memory().writeI32(wide + 4, bytes.length);
            return wide;
        }

        private int alloc(int size) {
            ExportFunction realloc = instance.export("canonical_abi_realloc");
            return (int) realloc.apply(0, 0, 1, size)[0];
        }

        private void free(int ptr, int size) {
            instance.export("canonical_abi_free").apply(ptr, size, 1);
        }
    }

    /** An output stream whose destination can change between phases (set-up messages vs the script's stderr). */
    private static final class Redirect extends OutputStream {
        volatile OutputStream target;

        Redirect(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
