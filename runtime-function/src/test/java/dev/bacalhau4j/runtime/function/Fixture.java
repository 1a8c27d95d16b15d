package dev.bacalhau4j.runtime.function;

import dev.bacalhau4j.api.EngineSpec;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.NetworkSpec;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.api.Resources;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.Timeouts;
import dev.bacalhau4j.api.Verification;
import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionLimits;
import dev.bacalhau4j.api.runtime.ExecutionListener;
import dev.bacalhau4j.api.runtime.Mount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Builds real execution contexts over temp directories, and WAT modules for tests. */
final class Fixture {

    /** Imports and helpers every test module starts with; memory 0 has 2 pages. */
    static String module(String extraImports, String body) {
        return "(module\n"
                + "(import \"wasi_snapshot_preview1\" \"fd_write\" (func $fd_write (param i32 i32 i32 i32) (result i32)))\n"
                + "(import \"wasi_snapshot_preview1\" \"proc_exit\" (func $proc_exit (param i32)))\n"
                + extraImports + "\n"
                + "(memory (export \"memory\") 2)\n"
                + "(func $print (param $ptr i32) (param $len i32)\n"
                + "  (i32.store (i32.const 0) (local.get $ptr))\n"
                + "  (i32.store (i32.const 4) (local.get $len))\n"
                + "  (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))\n"
                + body + "\n)";
    }

    static final String WASI = "wasi_snapshot_preview1";

    static String imp(String name, String sig) {
        return "(import \"" + WASI + "\" \"" + name + "\" (func $" + name + " " + sig + "))\n";
    }

    private static final Map<String, byte[]> WAT_CACHE = new ConcurrentHashMap<>();

    static byte[] wasm(String wat) {
        return WAT_CACHE.computeIfAbsent(wat, Wat::toWasm).clone();
    }

    final Path dir;
    byte[] module;
    String entrypoint = WasmEngine.DEFAULT_ENTRYPOINT;
    List<String> parameters = new ArrayList<>();
    Map<String, String> taskEnv = new LinkedHashMap<>();
    Map<String, String> engineEnv = new LinkedHashMap<>();
    List<Mount> inputs = new ArrayList<>();
    List<Mount> outputs = new ArrayList<>();
    List<Path> importModules = new ArrayList<>();
    List<InputSource> importSpecs = new ArrayList<>();
    Path stdin;
    long memoryBytes;
    Duration timeout = Duration.ofSeconds(30);
    long stdoutCap = ExecutionLimits.DEFAULT_LOG_CAP;
    long outputCap;
    long seed = 42;
    ExecutionListener listener = ExecutionListener.NONE;

    Fixture(Path dir) {
        this.dir = dir;
    }

    Fixture wat(String wat) {
        module = wasm(wat);
        return this;
    }

    Path input(String target, Map<String, String> files) {
        Path src = newDir("in");
        files.forEach((name, content) -> write(src.resolve(name), content));
        inputs.add(new Mount(src, target, true));
        return src;
    }

    Path output(String target) {
        Path src = newDir("out");
        outputs.add(new Mount(src, target, false));
        return src;
    }

    Path newDir(String prefix) {
        try {
            return Files.createTempDirectory(dir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context running {@code source} as the JavaScript function {@code name}. */
    ExecutionContext function(String name, String source) {
        try {
            Path staged = Files.createTempDirectory(dir, "script").resolve("script");
            Files.writeString(staged, source);
            FunctionEngine engine = new FunctionEngine(FunctionEngine.JAVASCRIPT,
                    new InputSource(new LocalSource("script", false), "", "/function/" + name), parameters, engineEnv);
            return context(engine, staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ExecutionContext context() {
        try {
            Path staged = Files.createTempDirectory(dir, "module").resolve("main.wasm");
            Files.write(staged, module);
            WasmEngine engine = new WasmEngine(new InputSource(new LocalSource("main.wasm", false), "", ""),
                    entrypoint, parameters, engineEnv, importSpecs);
            return context(engine, staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExecutionContext context(EngineSpec engine, Path staged) {
        Task task = new Task("main", engine, PublisherSpec.local(), taskEnv, List.of(), List.of(),
                Resources.NONE, Timeouts.NONE, NetworkSpec.NONE, Verification.NONE);
        ExecutionLimits limits = new ExecutionLimits(memoryBytes, 0, timeout, stdoutCap,
                ExecutionLimits.DEFAULT_LOG_CAP, outputCap);
        return new ExecutionContext("job-1", "exec-1", task, inputs, outputs, Optional.of(staged),
                importModules, Optional.ofNullable(stdin), limits, seed, newDir("scratch"), listener);
    }
}
