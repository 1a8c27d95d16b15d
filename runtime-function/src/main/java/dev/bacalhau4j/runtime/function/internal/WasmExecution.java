package dev.bacalhau4j.runtime.function.internal;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValue;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.Store;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.UnlinkableException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.api.runtime.CapturedOutput;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Mount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One run of a WASM module: prepares (through the cache), links, runs the entry point on the
 * calling thread and turns whatever happened into an {@link ExecutionOutcome}. Never throws
 * for anything the guest does. The caller owns threads and time limits; this class only
 * reacts to interruption of its thread (Chicory stops at the next call or backward branch).
 */
public final class WasmExecution {

    /** Settings shared by all executions of one runtime. */
    public static final class Settings {
        final ModuleCache cache;
        final long defaultMemoryBytes;
        final long maxModuleBytes;
        final Instant epoch;
        final long clockStepNanos;

        public Settings(ModuleCache cache, long defaultMemoryBytes, long maxModuleBytes, Instant epoch,
                long clockStepNanos) {
            this.cache = cache;
            this.defaultMemoryBytes = defaultMemoryBytes;
            this.maxModuleBytes = maxModuleBytes;
            this.epoch = epoch;
            this.clockStepNanos = clockStepNanos;
        }
    }


    private final Settings settings;
    private final ExecutionContext context;
    private final WasmEngine engine;
    private final byte[] moduleBytes;
    private final String engineDetail;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;
    private GrowTracker memories = new GrowTracker(0);
    private long capBytes;
    private final OutputBudget outputs;

    public WasmExecution(Settings settings, ExecutionContext context, WasmEngine engine,
            byte[] moduleBytes, String engineDetail, CapturedOutput stdout, CapturedOutput stderr) {
        this.settings = settings;
        this.context = context;
        this.engine = engine;
        this.moduleBytes = moduleBytes;
        this.engineDetail = engineDetail;
        this.stdout = stdout;
        this.stderr = stderr;
        this.outputs = OutputBudget.of(context);
    }

    /** Runs the module to its end on the calling thread. */
    public ExecutionOutcome run() {
        ExecutionOutcome outcome;
        try {
            outcome = runOrFail();
        } catch (ExecutionFailure f) {
            outcome = ExecutionOutcome.failed(f.kind, f.getMessage(), stdout, stderr, engineDetail);
        }
        return outputs.judge(outcome);
    }

    private ExecutionOutcome runOrFail() throws ExecutionFailure {
        ModuleCache.Prepared entry = prepare(engineDetail, moduleBytes, "");
        WasmModule module = entry.module();
        checkEntrypoint(module);
        MemoryLimits memoryLimits = memoryLimits(module);

        SandboxFileSystem sandbox = new SandboxFileSystem(mounts(), FileTime.from(settings.epoch), outputs);
        try (InputStream stdin = openStdin()) {
            WasiOptions.Builder options = WasiOptions.builder()
                    .withStdout(stdout, false)
                    .withStderr(stderr, false)
                    .withStdin(stdin, false)
                    .withArguments(arguments())
                    .withRandom(new SplitMix64Random(context.seed()))
                    .withClock(Clock.fixed(settings.epoch, ZoneOffset.UTC))
                    .withThrowOnExit0(true);
            environment().forEach(options::withEnvironment);
            for (String preopen : preopens()) {
                options.withDirectory(preopen, sandbox.guestPath(preopen));
            }
            VirtualClock clock = new VirtualClock(
                    settings.epoch.getEpochSecond() * 1_000_000_000L + settings.epoch.getNano(),
                    settings.clockStepNanos);
            try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build()) {
                HostFunction[] wasiFunctions = DeterministicWasi.hostFunctions(wasi, clock, stdin);
                return instantiateAndRun(entry, memoryLimits, wasiFunctions);
            }
        } catch (IOException e) {
            throw new ExecutionFailure(FailureKind.STAGING, "cannot open stdin " + context.stdin().orElse(null) + ": " + e);
        }
    }

    private ExecutionOutcome instantiateAndRun(ModuleCache.Prepared entry, MemoryLimits memoryLimits,
            HostFunction[] wasiFunctions) throws ExecutionFailure {
        Store store = new Store();
        store.addFunction(wasiFunctions);
        List<String> importNames = importModuleNames();
        Instance instance = null;
        try {
            for (int i = 0; i < context.importModules().size(); i++) {
                Path path = context.importModules().get(i);
                String name = importNames.get(i);
                byte[] bytes;
                try {
                    long size = Files.size(path);
                    if (size > settings.maxModuleBytes) {
                        throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "import module '" + name + "' is "
                                + size + " bytes, over this runtime's limit of " + settings.maxModuleBytes
                                + " bytes (maxModuleBytes)");
                    }
                    bytes = Files.readAllBytes(path);
                } catch (IOException e) {
                    throw new ExecutionFailure(FailureKind.STAGING, "cannot read import module '" + name + "': " + e);
                }
                ModuleCache.Prepared imported = prepare(sha256(bytes), bytes, "import module '" + name + "': ");
                checkLinkable(imported.module(), store, "import module '" + name + "'");
                Instance inst = imported.instanceBuilder()
                        .withImportValues(store.toImportValues())
                        .withMemoryFactory(memories::create)
                        .withStart(false)
                        .build();
                store.register(name, inst);
            }
            checkLinkable(entry.module(), store, "module");
            Instance.Builder builder = entry.instanceBuilder()
                    .withImportValues(store.toImportValues())
                    .withMemoryFactory(memories::create)
                    .withStart(false);
            if (memoryLimits != null) builder.withMemoryLimits(memoryLimits);
            instance = builder.build();
        } catch (UnlinkableException e) {
            throw new ExecutionFailure(FailureKind.UNLINKABLE, "" + e.getMessage());
        } catch (UninstantiableException e) {
            throw fromRuntimeError(e, "while instantiating: ");
        } catch (InvalidException e) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, "invalid WebAssembly module: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw fromRuntimeError(e, "while instantiating: ");
        }

        String entrypoint = engine.entrypoint();
        var type = instance.exportType(entrypoint);
        if (!type.params().isEmpty()) {
            throw new ExecutionFailure(FailureKind.MISSING_ENTRYPOINT, "entrypoint '" + entrypoint
                    + "' takes " + type.params().size() + " parameters; it must take none");
        }
        ExportFunction function = instance.export(entrypoint);
        try {
            function.apply();
            return ExecutionOutcome.exited(0, stdout, stderr, engineDetail);
        } catch (WasiExitException e) {
            int code = e.exitCode();
            if (code != 0 && memories.refusedGrow()) {
                throw new ExecutionFailure(FailureKind.MEMORY_LIMIT, "the module exited with code "
                        + code + " after memory.grow was refused at the cap of " + capBytes + " bytes");
            }
            return ExecutionOutcome.exited(code, stdout, stderr, engineDetail);
        } catch (ExecutionCompletedException e) {
            return ExecutionOutcome.exited(0, stdout, stderr, engineDetail);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw fromRuntimeError(e, "");
        }
    }

    private ExecutionFailure fromRuntimeError(Throwable e, String prefix) {
        if (e instanceof ChicoryInterruptedException || Thread.currentThread().isInterrupted()) {
            return new ExecutionFailure(FailureKind.CANCELLED, "the execution was interrupted");
        }
        if (e instanceof OutOfMemoryError) {
            return new ExecutionFailure(FailureKind.MEMORY_LIMIT, "the JVM ran out of memory running the module");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GrowTracker.OverCap) return new ExecutionFailure(FailureKind.MEMORY_LIMIT, prefix + t.getMessage());
        }
        String message = e instanceof StackOverflowError ? "call stack exhausted" : String.valueOf(e.getMessage());
        if (memories.refusedGrow()) {
            return new ExecutionFailure(FailureKind.MEMORY_LIMIT, "" + prefix + message
                    + " (after memory.grow was refused at the cap of " + capBytes + " bytes)");
        }
        if (e instanceof ChicoryException || e instanceof StackOverflowError) {
            return new ExecutionFailure(FailureKind.TRAP, prefix + message);
        }
        return new ExecutionFailure(FailureKind.ENGINE, "" + e);
    }

    private ModuleCache.Prepared prepare(String sha, byte[] bytes, String what) throws ExecutionFailure {
        try {
            return settings.cache.get(sha, bytes);
        } catch (MalformedException e) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, what + "not a WebAssembly module: " + e.getMessage());
        } catch (InvalidException e) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, what + "invalid WebAssembly module: " + e.getMessage());
        } catch (ChicoryException | IllegalArgumentException e) {
            throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, what + "cannot load WebAssembly module: " + e.getMessage());
        }
    }

    private void checkEntrypoint(WasmModule module) throws ExecutionFailure {
        String entrypoint = engine.entrypoint();
        List<String> functions = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                functions.add(export.name());
                if (export.name().equals(entrypoint)) found = true;
            }
        }
        if (!found) {
            throw new ExecutionFailure(FailureKind.MISSING_ENTRYPOINT, "the module exports no function '"
                    + entrypoint + "'; exported functions: " + functions);
        }
    }

    /** Refuses imports nobody provides, naming module.field, before Chicory's less direct message. */
    private void checkLinkable(WasmModule module, Store store, String who) throws ExecutionFailure {
        ImportValues provided = store.toImportValues();
        Set<String> names = new LinkedHashSet<>();
        addAll(names, provided.functions());
        addAll(names, provided.globals());
        addAll(names, provided.memories());
        addAll(names, provided.tables());
        addAll(names, provided.tags());
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (!names.contains(imp.module() + "\0" + imp.name())) {
                Set<String> modules = new LinkedHashSet<>();
                for (String n : names) modules.add(n.substring(0, n.indexOf('\0')));
                throw new ExecutionFailure(FailureKind.UNLINKABLE, "" + who + " imports "
                        + imp.importType().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + imp.module() + "." + imp.name() + ", which no provided module exports (provided: "
                        + modules + ")");
            }
        }
    }

    private static void addAll(Set<String> names, ImportValue[] values) {
        for (ImportValue v : values) names.add(v.module() + "\0" + v.name());
    }

    private MemoryLimits memoryLimits(WasmModule module) throws ExecutionFailure {
        capBytes = context.limits().memoryBytes() > 0 ? context.limits().memoryBytes() : settings.defaultMemoryBytes;
        if (capBytes <= 0) return null;
        int capPages = (int) Math.min(MemoryLimits.MAX_PAGES, capBytes / Memory.PAGE_SIZE);
        memories = new GrowTracker(capPages); // caps import modules' memories too
        if (module.memorySection().isEmpty() || module.memorySection().get().memoryCount() == 0) {
            return null;
        }
        MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
        if (declared.initialPages() > capPages) {
            throw new ExecutionFailure(FailureKind.MEMORY_LIMIT, "the module declares "
                    + declared.initialPages() + " pages (" + ((long) declared.initialPages() * Memory.PAGE_SIZE)
                    + " bytes) of initial memory, over the cap of " + capBytes + " bytes");
        }
        return new MemoryLimits(declared.initialPages(), Math.min(declared.maximumPages(), capPages),
                declared.shared());
    }

    private InputStream openStdin() throws IOException {
        if (context.stdin().isPresent()) {
            return Files.newInputStream(context.stdin().get());
        }
        return InputStream.nullInputStream();
    }

    private List<Mount> mounts() {
        List<Mount> all = new ArrayList<>(context.inputs());
        all.addAll(context.outputs());
        return all;
    }

    /** Directory mounts are preopened at their targets; file mounts through their parent. */
    private List<String> preopens() {
        Set<String> out = new LinkedHashSet<>();
        for (Mount m : mounts()) {
            if (Files.isDirectory(m.source())) {
                out.add(normalizeTarget(m.target()));
            } else {
                String t = normalizeTarget(m.target());
                int slash = t.lastIndexOf('/');
                out.add(slash <= 0 ? "/" : t.substring(0, slash));
            }
        }
        return new ArrayList<>(out);
    }

    private static String normalizeTarget(String target) {
        StringBuilder sb = new StringBuilder();
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            sb.append('/').append(part);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add(programName());
        args.addAll(engine.parameters());
        return args;
    }

    /** argv[0]: the file name of the entry module's target in the spec, else "main.wasm". */
    private String programName() {
        String name = fileName(engine.entryModule().target());
        return name.isEmpty() ? "main.wasm" : name;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(context.task().env());
        env.putAll(engine.environmentVariables());
        return env;
    }

    /**
     * Link names of import modules: the spec's alias, else its target's file name without
     * extension, else the staged file's name without extension.
     */
    private List<String> importModuleNames() {
        List<String> names = new ArrayList<>();
        List<InputSource> specs = engine.importModules();
        for (int i = 0; i < context.importModules().size(); i++) {
            String name = "";
            if (specs.size() == context.importModules().size()) {
                InputSource s = specs.get(i);
                name = !s.alias().isBlank() ? s.alias() : stripExtension(fileName(s.target()));
            }
            if (name.isEmpty()) {
                Path staged = context.importModules().get(i).getFileName();
                name = staged == null ? "import" + i : stripExtension(staged.toString());
            }
            names.add(name);
        }
        return names;
    }

    private static String fileName(String path) {
        String p = path;
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Lower-case hex SHA-256 of {@code bytes}, prefixed with "sha256:". */
    public static String sha256(byte[] bytes) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder("sha256:");
            for (byte b : h) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
