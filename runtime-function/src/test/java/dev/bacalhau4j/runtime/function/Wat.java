package dev.bacalhau4j.runtime.function;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wabt.Wat2WasmModule;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * WAT to WASM for tests: runs the wat2wasm WASI binary shipped (pre-compiled) in
 * {@code com.dylibso.chicory:wabt:1.0.0} over a real temp directory. Its own
 * {@code Wat2Wasm.parse} needs jimfs, which the build excludes.
 */
final class Wat {
    private static final WasmModule WAT2WASM = Wat2WasmModule.load();

    private Wat() {}

    static byte[] toWasm(String wat) {
        try {
            Path dir = Files.createTempDirectory("wat2wasm");
            try {
                Path in = dir.resolve("in.wat");
                Files.writeString(in, wat);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                WasiOptions options = WasiOptions.builder()
                        .withStdout(out).withStderr(err)
                        .withDirectory(dir.toString(), dir)
                        .withArguments(List.of("wat2wasm", in.toString(), "--output=-"))
                        .build();
                try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
                    Instance.builder(WAT2WASM)
                            .withMachineFactory(Wat2WasmModule::create)
                            .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                            .build();
                } catch (WasiExitException e) {
                    if (e.exitCode() != 0) {
                        throw new IllegalArgumentException("wat2wasm failed: " + err.toString(StandardCharsets.UTF_8)
                                + "\n" + wat);
                    }
                }
                return out.toByteArray();
            } finally {
                Files.deleteIfExists(dir.resolve("in.wat"));
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
