package dev.bacalhau4j.runtime.function;

import static dev.bacalhau4j.runtime.function.Fixture.imp;
import static dev.bacalhau4j.runtime.function.Fixture.module;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASM and JavaScript jobs cannot write past their output cap: the sandbox sees every write and
 * refuses the one that would pass it, exactly, and the execution fails with the cap's reason even
 * when the guest ignores the error.
 */
class OutputCapTest {
    private static final String PATH_OPEN =
            imp("path_open", "(param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)");
    private static final String FD_SEEK = imp("fd_seek", "(param i32 i64 i32 i32) (result i32)");
    private static final String FD_PWRITE = imp("fd_pwrite", "(param i32 i32 i32 i64 i32) (result i32)");
    /** Rights: fd_seek (4), fd_write (64). */
    private static final long RIGHTS = 4 | 64;
    private static final int CHUNK = 65536;

    private static WasmRuntime compiled;
    private static WasmRuntime interpreted;
    private static FunctionRuntime functions;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        compiled = new WasmRuntime();
        interpreted = WasmRuntime.builder().compiled(false).build();
        functions = FunctionRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        compiled.close();
        interpreted.close();
        functions.close();
    }

    /** Opens (creates, truncates) {@code path} under preopen 3 into local $fd; exits with the errno if that fails. */
    private static String open(String path) {
        return "(data (i32.const 1024) \"" + path + "\")\n"
                + "(data (i32.const 3000) \"refused\\n\")\n"
                + "(func $open (result i32) (local $err i32)\n"
                + "  (local.set $err (call $path_open (i32.const 3) (i32.const 1) (i32.const 1024) (i32.const "
                + path.length() + ") (i32.const 9) (i64.const " + RIGHTS + ") (i64.const 0) (i32.const 0) (i32.const 32)))\n"
                + "  (if (local.get $err) (then (call $proc_exit (local.get $err))))\n"
                + "  (i32.load (i32.const 32)))\n";
    }

    /** Writes 64 KiB chunks (memory page 1) to /outputs/big until a write fails, then prints "refused" and exits 0. */
    private static final String WRITE_UNTIL_REFUSED = module(PATH_OPEN, open("big")
            + "(func (export \"_start\") (local $fd i32) (local $i i32)\n"
            + "  (local.set $fd (call $open))\n"
            + "  (i32.store (i32.const 16) (i32.const " + CHUNK + "))\n"
            + "  (i32.store (i32.const 20) (i32.const " + CHUNK + "))\n"
            + "  (block $done (loop $next\n"
            + "    (br_if $done (i32.ge_u (local.get $i) (i32.const 200)))\n"
            + "    (if (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24))\n"
            + "      (then (call $print (i32.const 3000) (i32.const 8)) (br $done)))\n"
            + "    (local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
            + "    (br $next)))\n"
            + "  (call $proc_exit (i32.const 0)))");

    /** Seeks to 100 GiB - 1 in /outputs/sparse and writes one byte; then pwrites one byte there; prints each refusal. */
    private static final String SEEK_FAR_AND_WRITE = module(PATH_OPEN + FD_SEEK + FD_PWRITE, open("sparse")
            + "(func (export \"_start\") (local $fd i32)\n"
            + "  (local.set $fd (call $open))\n"
            + "  (i32.store (i32.const 16) (i32.const 2048))\n"
            + "  (i32.store (i32.const 20) (i32.const 1))\n"
            + "  (if (call $fd_seek (local.get $fd) (i64.const 107374182399) (i32.const 0) (i32.const 40))\n"
            + "    (then (call $proc_exit (i32.const 90))))\n"
            + "  (if (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24))\n"
            + "    (then (call $print (i32.const 3000) (i32.const 8))))\n"
            + "  (if (call $fd_pwrite (local.get $fd) (i32.const 16) (i32.const 1) (i64.const 107374182399) (i32.const 24))\n"
            + "    (then (call $print (i32.const 3000) (i32.const 8))))\n"
            + "  (call $proc_exit (i32.const 0)))");

    @Test
    void shouldRefuseTheWriteThatPassesTheCapExactlyAndFailTheExecutionThoughTheGuestExits0() throws Exception {
        for (WasmRuntime runtime : List.of(compiled, interpreted)) {
            Fixture f = new Fixture(tmp).wat(WRITE_UNTIL_REFUSED);
            Path out = f.output("/outputs");
            f.outputCap = 16L * CHUNK + 1000; // 16 chunks fit, the 17th does not

            ExecutionOutcome o = runtime.execute(f.context());

            assertThat(new String(o.stdout(), StandardCharsets.UTF_8)).as("the guest saw its write fail").isEqualTo("refused\n");
            assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.DISK_LIMIT);
            assertThat(o.failureMessage()).isEqualTo("a write to /outputs/big would take the outputs to "
                    + 17L * CHUNK + " bytes (apparent size), past the disk cap of " + (16L * CHUNK + 1000)
                    + " bytes (1.0 MiB, the node's maxOutputBytes); the write was refused and nothing was published");
            assertThat(Files.size(out.resolve("big"))).as("every write within the cap, none past it").isEqualTo(16L * CHUNK);
        }
    }

    @Test
    void shouldRefuseASparseWriteFarPastTheCapWithoutMakingTheHole() throws Exception {
        for (WasmRuntime runtime : List.of(compiled, interpreted)) {
            Fixture f = new Fixture(tmp).wat(SEEK_FAR_AND_WRITE);
            Path out = f.output("/outputs");
            f.outputCap = 1L << 20;

            ExecutionOutcome o = runtime.execute(f.context());

            assertThat(new String(o.stdout(), StandardCharsets.UTF_8)).as("write and pwrite both refused")
                    .isEqualTo("refused\nrefused\n");
            assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.DISK_LIMIT);
            assertThat(o.failureMessage()).contains("/outputs/sparse").contains("107374182400 bytes (apparent size)")
                    .contains("the disk cap of 1048576 bytes");
            assertThat(Files.size(out.resolve("sparse"))).isZero();
        }
    }

    @Test
    void shouldLetAWasmJobWriteUpToTheCap() throws Exception {
        Fixture f = new Fixture(tmp).wat(WRITE_UNTIL_REFUSED);
        Path out = f.output("/outputs");
        f.outputCap = 200L * CHUNK; // the guest's 200 chunks, exactly

        ExecutionOutcome o = compiled.execute(f.context());

        assertThat(o.failure()).as(o.failureMessage()).isEmpty();
        assertThat(o.exitCode()).isZero();
        assertThat(new String(o.stdout(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.size(out.resolve("big"))).isEqualTo(200L * CHUNK);
    }

    @Test
    void shouldGiveAJavaScriptJobEdquotPastTheCapAndCountOverwrittenBytesOnce() throws Exception {
        Fixture f = new Fixture(tmp);
        Path out = f.output("/outputs");
        f.outputCap = 1L << 20;
        String script = """
                const kib600 = 'x'.repeat(600 * 1024);
                writeFile('/outputs/a.txt', kib600);
                writeFile('/outputs/a.txt', kib600); // replaces a.txt: still 600 KiB in the outputs
                try { writeFile('/outputs/b.txt', kib600); console.log('b written'); }
                catch (e) { console.log(e.code, e.message); }
                """;

        ExecutionOutcome o = functions.execute(f.function("fill.js", script));

        String stdout = new String(o.stdout(), StandardCharsets.UTF_8);
        assertThat(stdout).startsWith("EDQUOT EDQUOT: disk quota exceeded, writeFile '/outputs/b.txt'");
        assertThat(o.failure()).as(o.failureMessage()).contains(FailureKind.DISK_LIMIT);
        assertThat(o.failureMessage()).startsWith("a write to /outputs/b.txt would take the outputs to")
                .contains("past the disk cap of 1048576 bytes");
        assertThat(Files.size(out.resolve("a.txt"))).isEqualTo(600 * 1024);
        assertThat(Files.size(out.resolve("a.txt")) + Files.size(out.resolve("b.txt"))).isLessThanOrEqualTo(1L << 20);
    }
}
