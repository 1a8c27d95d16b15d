package dev.bacalhau4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs written to break the runtime: each ends as a clear outcome (trap, limit, a guest-visible
 * error), never as a crashed JVM, a hang, or a file outside the mounts touched.
 */
class HostileWasmTest {
    private static WasmRuntime compiled;
    private static WasmRuntime interpreted;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        compiled = new WasmRuntime();
        interpreted = WasmRuntime.builder().compiled(false).build();
    }

    @AfterAll
    static void stop() {
        compiled.close();
        interpreted.close();
    }

    @Test
    void shouldTrapOnUnboundedRecursionInBothModes() throws Exception {
        String wat = Fixture.module("", "(func $r (call $r)) (func (export \"_start\") (call $r))");
        for (WasmRuntime runtime : List.of(compiled, interpreted)) {
            ExecutionOutcome o = runtime.execute(new Fixture(tmp).wat(wat).context());
            assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.TRAP);
            assertThat(o.failureMessage()).containsIgnoringCase("stack");
        }
    }

    @Test
    void shouldRunAModuleWithTenThousandFunctions() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            body.append("(func $f").append(i).append(" (result i32) (i32.const ").append(i).append("))\n");
        }
        body.append("(func (export \"_start\") (call $proc_exit (call $f9999)))");
        Fixture f = new Fixture(tmp).wat(Fixture.module("", body.toString()));
        f.timeout = Duration.ofSeconds(60);
        ExecutionOutcome o = compiled.execute(f.context());
        assertThat(o.failure()).as(o.failureMessage()).isEmpty();
        assertThat(o.exitCode()).isEqualTo(9999);
    }

    @Test
    void shouldRefuseAHundredMegabyteModuleUnreadAtTheModuleSizeLimit() throws Exception {
        Fixture f = new Fixture(tmp);
        f.module = moduleWithDataSegment(100 << 20);
        int cachedBefore = compiled.cachedModules();
        ExecutionOutcome o = compiled.execute(f.context());
        assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.INVALID_PROGRAM);
        assertThat(o.failureMessage()).contains("over this runtime's limit of "
                + WasmRuntime.Builder.DEFAULT_MAX_MODULE_BYTES + " bytes");
        assertThat(compiled.cachedModules()).as("nothing parsed, nothing cached").isEqualTo(cachedBefore);
    }

    @Test
    void shouldRefuseAHundredMegabyteDataSectionOverTheMemoryCap() throws Exception {
        try (WasmRuntime bigModules = WasmRuntime.builder().maxModuleBytes(128L << 20).moduleCacheSize(0).build()) {
            Fixture f = new Fixture(tmp);
            f.module = moduleWithDataSegment(100 << 20);
            f.memoryBytes = 64L << 20;
            ExecutionOutcome o = bigModules.execute(f.context());
            assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.MEMORY_LIMIT);
            assertThat(o.failureMessage()).contains("over the cap of " + (64L << 20) + " bytes");
        }
    }

    @Test
    void shouldCapMemoryAtTheDefaultWhenTheJobSetsNone() throws Exception {
        // grows 64 MiB at a time (one page at a time would copy the memory 4,096 times)
        String bomb = Fixture.module("", "(func (export \"_start\")\n"
                + "  (block $done (loop $l\n"
                + "    (br_if $done (i32.eq (memory.grow (i32.const 1024)) (i32.const -1)))\n"
                + "    (br $l)))\n"
                + "  unreachable)");
        Fixture f = new Fixture(tmp).wat(bomb);
        assertThat(f.memoryBytes).as("the job sets no memory").isZero();
        ExecutionOutcome o = compiled.execute(f.context());
        assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.MEMORY_LIMIT);
        assertThat(o.failureMessage()).contains(String.valueOf(WasmRuntime.Builder.DEFAULT_MEMORY_BYTES));
    }

    @Test
    void shouldCapTheMemoryOfAnImportModuleToo() throws Exception {
        // the library grows its own memory; the entry module has none of its own to cap
        String lib = "(module (memory (export \"mem\") 1)\n"
                + "  (func (export \"bomb\") (result i32)\n"
                + "    (block $done (loop $l\n"
                + "      (br_if $done (i32.eq (memory.grow (i32.const 16)) (i32.const -1)))\n"
                + "      (br $l)))\n"
                + "    (memory.size)))";
        String entry = "(module (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $proc_exit (param i32)))\n"
                + "  (import \"lib\" \"bomb\" (func $bomb (result i32)))\n"
                + "  (func (export \"_start\") (call $proc_exit (call $bomb))))";
        Fixture f = new Fixture(tmp).wat(entry);
        Path libFile = Files.createDirectory(tmp.resolve("libs")).resolve("lib.wasm");
        Files.write(libFile, Fixture.wasm(lib));
        f.importModules.add(libFile);
        f.memoryBytes = 4L << 20;
        ExecutionOutcome o = compiled.execute(f.context());
        assertThat(o.failure()).as("the guest exits with the pages it got: " + o.exitCode())
                .contains(FailureKind.MEMORY_LIMIT);
        assertThat(o.failureMessage()).contains("exited with code 49"); // 1 + 3 x 16 pages fit in 64 pages
    }

    @Test
    void shouldKeepTheStdoutCapWhenTheGuestFloodsIt() throws Exception {
        // 64 MiB written in 1,024 writes of 64 KiB; only the cap is kept, everything is streamed
        String flood = Fixture.module("", "(func (export \"_start\") (local $i i32)\n"
                + "  (block $done (loop $l\n"
                + "    (br_if $done (i32.eq (local.get $i) (i32.const 1024)))\n"
                + "    (call $print (i32.const 65536) (i32.const 65536))\n"
                + "    (local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
                + "    (br $l))))");
        Fixture f = new Fixture(tmp).wat(flood);
        f.stdoutCap = 1 << 20;
        long[] streamed = new long[1];
        f.listener = new dev.bacalhau4j.api.runtime.ExecutionListener() {
            @Override
            public void onStdout(byte[] buffer, int offset, int length) {
                streamed[0] += length;
            }
        };
        ExecutionOutcome o = compiled.execute(f.context());
        assertThat(o.failure()).as(o.failureMessage()).isEmpty();
        assertThat(o.exitCode()).isZero();
        assertThat(o.stdout()).hasSize(1 << 20);
        assertThat(o.stdoutTruncated()).isTrue();
        assertThat(streamed[0]).isEqualTo(64L << 20);
    }

    @Test
    void shouldNotWriteThroughASymlinkPlantedInTheOutputs() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Fixture f = new Fixture(tmp).wat(Programs.write(3, "escape/pwned.txt", "pwned"));
        Path out = f.output("/outputs");
        Files.createSymbolicLink(out.resolve("escape"), outside);
        ExecutionOutcome o = compiled.execute(f.context());
        assertThat(o.failure()).as(o.failureMessage()).isEmpty();
        assertThat(o.exitCode()).as("path_open fails with a WASI errno").isNotZero();
        try (var files = Files.list(outside)) {
            assertThat(files).as("nothing written outside the mount").isEmpty();
        }
        Fixture g = new Fixture(tmp).wat(Programs.write(3, "escape", "x"));
        g.outputs.addAll(f.outputs);
        assertThat(compiled.execute(g.context()).exitCode()).as("nor over the link itself").isNotZero();
        assertThat(Files.isSymbolicLink(out.resolve("escape"))).isTrue();
    }

    @Test
    void shouldNotOpenFilesOutsideThePreopensWithDotDotOrAbsolutePaths() throws Exception {
        Path input = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        for (String path : List.of("../secret.txt", "../../../../etc/passwd", "/etc/passwd", "a/../../secret.txt")) {
            Fixture f = new Fixture(tmp);
            f.inputs.add(new dev.bacalhau4j.api.runtime.Mount(input, "/inputs", true));
            f.wat(openAndExitWithErrno(path));
            ExecutionOutcome o = compiled.execute(f.context());
            assertThat(o.failure()).as(path + ": " + o.failureMessage()).isEmpty();
            assertThat(o.exitCode()).as(path + " must not open (exit code is the WASI errno)").isNotZero();
        }
    }

    /** Opens {@code path} relative to the first preopen (fd 3) and exits with the errno (0 = opened). */
    private static String openAndExitWithErrno(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        return Fixture.module(Fixture.imp("path_open",
                        "(param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)"),
                "(data (i32.const 1024) \"" + path + "\")\n"
                        + "(func (export \"_start\")\n"
                        + "  (call $proc_exit (call $path_open (i32.const 3) (i32.const 0) (i32.const 1024) (i32.const "
                        + bytes.length + ") (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 2048))))");
    }

    /** A minimal module: 1 page minimum per 64 KiB of data, one active data segment of {@code size} bytes. */
    private static byte[] moduleWithDataSegment(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(out, 1, new byte[] {1, 0x60, 0, 0});                       // type 0: [] -> []
        section(out, 3, new byte[] {1, 0});                                // func 0 has type 0
        int pages = (size >> 16) + 1;
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        memory.write(1);
        memory.write(0);
        leb(memory, pages);
        section(out, 5, memory.toByteArray());                             // memory 0: min pages
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        export.write(1);
        leb(export, 6);
        export.writeBytes("_start".getBytes(StandardCharsets.US_ASCII));
        export.write(0);
        export.write(0);
        section(out, 7, export.toByteArray());                             // export "_start" = func 0
        section(out, 10, new byte[] {1, 2, 0, 0x0b});                      // code: empty body
        ByteArrayOutputStream data = new ByteArrayOutputStream(size + 16);
        data.write(1);
        data.writeBytes(new byte[] {0, 0x41, 0, 0x0b});                    // active, memory 0, offset i32.const 0
        leb(data, size);
        data.writeBytes(new byte[size]);
        section(out, 11, data.toByteArray());
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        leb(out, content.length);
        out.writeBytes(content);
    }

    private static void leb(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
