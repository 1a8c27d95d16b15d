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
    void shouldRefuseAHundredMegabyteDataSectionOverTheMemoryCap() throws Exception {
        Fixture f = new Fixture(tmp);
        f.module = moduleWithDataSegment(100 << 20);
        f.memoryBytes = 64L << 20;
        ExecutionOutcome o = compiled.execute(f.context());
        assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.MEMORY_LIMIT);
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
