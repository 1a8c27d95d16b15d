package dev.bacalhau4j.runtime.function;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Runtime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmRuntimeTest {

    private static WasmRuntime runtime;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        runtime = WasmRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private Fixture fixture(String wat) {
        return new Fixture(tmp).wat(wat);
    }

    private static ExecutionOutcome run(Fixture f) throws InterruptedException {
        return runtime.execute(f.context());
    }

    private static String out(ExecutionOutcome o) {
        return new String(o.stdout(), UTF_8);
    }

    @Test
    void shouldPassArgumentsAfterModuleNameWhenParametersGiven() throws Exception {
        Fixture f = fixture(Programs.ECHO_ARGS);
        f.parameters = List.of("a b", "--x=1");
        ExecutionOutcome o = run(f);
        assertThat(o.failure()).isEmpty();
        assertThat(o.exitCode()).isZero();
        assertThat(out(o)).isEqualTo("main.wasm\na b\n--x=1\n");
        assertThat(o.engineDetail()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void shouldGiveSortedMergedEnvironmentWhenTaskAndEngineSetVariables() throws Exception {
        Fixture f = fixture(Programs.ECHO_ENV);
        f.taskEnv = Map.of("ZED", "task", "SHARED", "task", "A", "1");
        f.engineEnv = Map.of("SHARED", "engine", "B", "x=y");
        ExecutionOutcome o = run(f);
        assertThat(out(o)).isEqualTo("A=1\nB=x=y\nSHARED=engine\nZED=task\n");
    }

    @Test
    void shouldEchoStdinWhenStdinGiven() throws Exception {
        Fixture f = fixture(Programs.ECHO_STDIN);
        f.stdin = tmp.resolve("stdin.txt");
        Files.writeString(f.stdin, "line one\nline two\n");
        assertThat(out(run(f))).isEqualTo("line one\nline two\n");
    }

    @Test
    void shouldSeeEmptyStdinWhenNoneGiven() throws Exception {
        ExecutionOutcome o = run(fixture(Programs.ECHO_STDIN));
        assertThat(o.exitCode()).isZero();
        assertThat(o.stdout()).isEmpty();
    }

    @Test
    void shouldReportExitCodeWhenGuestExits() throws Exception {
        ExecutionOutcome o = run(fixture(Programs.exit(7)));
        assertThat(o.failure()).isEmpty();
        assertThat(o.exitCode()).isEqualTo(7);
        assertThat(run(fixture(Programs.exit(0))).exitCode()).isZero();
    }

    @Test
    void shouldExitZeroWhenStartReturns() throws Exception {
        ExecutionOutcome o = run(fixture(Programs.RETURN_NORMALLY));
        assertThat(o.ranToExit()).isTrue();
        assertThat(o.exitCode()).isZero();
    }

    @Test
    void shouldCallCustomEntrypointWhenConfigured() throws Exception {
        Fixture f = fixture(Programs.CUSTOM_ENTRY);
        f.entrypoint = "run";
        assertThat(out(run(f))).isEqualTo("run");
    }

    @Test
    void shouldReadInputFileWhenMounted() throws Exception {
        Fixture f = fixture(Programs.cat(3, "data.txt"));
        f.input("/inputs", Map.of("data.txt", "hello input\n"));
        ExecutionOutcome o = run(f);
        assertThat(o.exitCode()).isZero();
        assertThat(out(o)).isEqualTo("hello input\n");
    }

    @Test
    void shouldWriteOutputFileWhenOutputMounted() throws Exception {
        Fixture f = fixture(Programs.write(4, "result.txt", "computed"));
        f.input("/inputs", Map.of("data.txt", "x"));
        Path out = f.output("/outputs");
        ExecutionOutcome o = run(f);
        assertThat(o.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("result.txt"))).isEqualTo("computed");
    }

    @Test
    void shouldFailInsideGuestWithEioWhenWritingIntoInput() throws Exception {
        Fixture f = fixture(Programs.write(3, "data.txt", "overwritten"));
        Path in = f.input("/inputs", Map.of("data.txt", "original"));
        ExecutionOutcome o = run(f);
        assertThat(o.failure()).isEmpty();
        assertThat(o.exitCode()).as("WASI errno EIO").isEqualTo(29);
        assertThat(Files.readString(in.resolve("data.txt"))).isEqualTo("original");
    }

    @Test
    void shouldNotCreateHostFilesWhenCreatingOrMkdirInInput() throws Exception {
        Fixture f = fixture(Programs.write(3, "new.txt", "x"));
        Path in = f.input("/inputs", Map.of("data.txt", "original"));
        assertThat(run(f).exitCode()).isEqualTo(29);
        Fixture g = fixture(Programs.mkdir(3, "sub"));
        g.inputs.addAll(f.inputs);
        assertThat(run(g).exitCode()).isEqualTo(29);
        try (var files = Files.list(in)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("data.txt");
        }
    }

    @Test
    void shouldListDirectoryInSortedOrderWhenListing() throws Exception {
        Fixture f = fixture(Programs.list(3));
        f.input("/inputs", Map.of("zeta", "1", "alpha", "2", "Mid", "3", "beta/inner.txt", "4"));
        assertThat(out(run(f))).isEqualTo(".\n..\nMid\nalpha\nbeta\nzeta\n");
    }

    @Test
    void shouldGiveIdenticalMetadataWhenSameContentInDifferentHostDirs() throws Exception {
        List<byte[]> outputs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Fixture f = fixture(Programs.rawMetadata(3, "b.txt"));
            f.input("/inputs", Map.of("a.txt", "aaa", "b.txt", "bbbbb", "c/d.txt", "d"));
            ExecutionOutcome o = run(f);
            assertThat(o.exitCode()).isZero();
            outputs.add(o.stdout());
            Thread.sleep(20); // real timestamps would differ
        }
        assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
        byte[] raw = outputs.get(0);
        ByteBuffer stat = ByteBuffer.wrap(raw, raw.length - 64, 64).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(stat.getLong(32)).as("size").isEqualTo(5);
        assertThat(stat.getLong(48)).as("mtime").isEqualTo(WasmRuntime.FIXED_EPOCH.getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void shouldHideSymlinkWhenItLeadsOutsideMount() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Fixture f = fixture(Programs.cat(3, "escape"));
        Path in = f.input("/inputs", Map.of("data.txt", "inside"));
        Files.createSymbolicLink(in.resolve("escape"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(in.resolve("alias"), in.resolve("data.txt"));
        ExecutionOutcome o = run(f);
        assertThat(o.exitCode()).as("ENOENT").isEqualTo(44);
        assertThat(out(o)).doesNotContain("secret");

        Fixture g = fixture(Programs.cat(3, "alias"));
        g.inputs.addAll(f.inputs);
        assertThat(out(run(g))).isEqualTo("inside");

        Fixture h = fixture(Programs.list(3));
        h.inputs.addAll(f.inputs);
        assertThat(out(run(h))).isEqualTo(".\n..\nalias\ndata.txt\n");
    }

    @Test
    void shouldGiveSameClockAndRandomWhenRunTwiceWithSameSeed() throws Exception {
        ExecutionOutcome first = run(fixture(Programs.CLOCK_RANDOM));
        ExecutionOutcome second = run(fixture(Programs.CLOCK_RANDOM));
        assertThat(second.stdout()).isEqualTo(first.stdout());

        ByteBuffer b = ByteBuffer.wrap(first.stdout()).order(ByteOrder.LITTLE_ENDIAN);
        long epochNanos = WasmRuntime.FIXED_EPOCH.getEpochSecond() * 1_000_000_000L;
        assertThat(b.getLong(0)).isEqualTo(epochNanos);
        assertThat(b.getLong(8)).isEqualTo(epochNanos + 1_000_000L);
        long mono = b.getLong(16);
        assertThat(b.getLong(24) - mono).as("virtual sleep of 1 s plus one step").isEqualTo(1_001_000_000L);

        Fixture other = fixture(Programs.CLOCK_RANDOM);
        other.seed = 43;
        byte[] otherOut = run(other).stdout();
        assertThat(Arrays.copyOfRange(otherOut, 0, 32)).isEqualTo(Arrays.copyOfRange(first.stdout(), 0, 32));
        assertThat(Arrays.copyOfRange(otherOut, 32, 64)).isNotEqualTo(Arrays.copyOfRange(first.stdout(), 32, 64));
    }

    @Test
    void shouldReportTrapWhenGuestTraps() throws Exception {
        ExecutionOutcome o = run(fixture(Programs.TRAP));
        assertThat(o.failure()).contains(FailureKind.TRAP);
        assertThat(o.failureMessage()).contains("unreachable");
        assertThat(o.exitCode()).isEqualTo(-1);
    }

    @Test
    void shouldStopInfiniteLoopWhenTimeoutPasses() throws Exception {
        for (WasmRuntime r : List.of(runtime, WasmRuntime.builder().compiled(false).build())) {
            Fixture f = fixture(Programs.INFINITE_LOOP);
            f.timeout = Duration.ofMillis(300);
            long start = System.nanoTime();
            ExecutionOutcome o = r.execute(f.context());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(o.failure()).contains(FailureKind.TIMEOUT);
            assertThat(o.failureMessage()).contains("timeout");
            assertThat(ms).as("an endless loop stopped (the bound only says: not never; load may slow the start)")
                    .isLessThan(60_000);
            if (r != runtime) r.close();
        }
    }

    @Test
    void shouldReportMemoryLimitWhenGrowthIsRefused() throws Exception {
        Fixture f = fixture(Programs.memoryBomb("unreachable"));
        f.memoryBytes = 4 * 65536;
        ExecutionOutcome o = run(f);
        assertThat(o.failure()).contains(FailureKind.MEMORY_LIMIT);
        assertThat(o.failureMessage()).contains("262144");

        Fixture exits = fixture(Programs.memoryBomb("(call $proc_exit (i32.const 1))"));
        exits.memoryBytes = 4 * 65536;
        assertThat(run(exits).failure()).contains(FailureKind.MEMORY_LIMIT);

        Fixture copes = fixture(Programs.memoryBomb("(call $proc_exit (i32.const 0))"));
        copes.memoryBytes = 4 * 65536;
        ExecutionOutcome ok = run(copes);
        assertThat(ok.failure()).isEmpty();
        assertThat(ok.exitCode()).isZero();
    }

    @Test
    void shouldReportMemoryLimitWhenInitialMemoryExceedsCap() throws Exception {
        Fixture f = fixture(Programs.BIG_INITIAL_MEMORY);
        f.memoryBytes = 4 * 65536;
        ExecutionOutcome o = run(f);
        assertThat(o.failure()).contains(FailureKind.MEMORY_LIMIT);
        assertThat(o.failureMessage()).contains("10 pages");
    }

    @Test
    void shouldNameEntrypointAndExportsWhenEntrypointMissing() throws Exception {
        ExecutionOutcome o = run(fixture(Programs.NO_START));
        assertThat(o.failure()).contains(FailureKind.MISSING_ENTRYPOINT);
        assertThat(o.failureMessage()).contains("'_start'").contains("[foo, bar]");
    }

    @Test
    void shouldReportInvalidProgramWhenBytesAreNotWasm() throws Exception {
        Fixture f = new Fixture(tmp);
        f.module = "#!/bin/sh\necho hi\n".getBytes(UTF_8);
        ExecutionOutcome o = run(f);
        assertThat(o.failure()).contains(FailureKind.INVALID_PROGRAM);
        assertThat(o.failureMessage()).startsWith("not a WebAssembly module: ");
        assertThat(o.engineDetail()).startsWith("sha256:");
    }

    @Test
    void shouldNameImportWhenUnlinkable() throws Exception {
        ExecutionOutcome o = run(fixture(Programs.UNLINKABLE));
        assertThat(o.failure()).contains(FailureKind.UNLINKABLE);
        assertThat(o.failureMessage()).contains("env.nothere");
    }

    @Test
    void shouldLinkImportModuleByFileNameWhenGiven() throws Exception {
        Fixture f = fixture(Programs.USES_LIB);
        Path lib = Files.createDirectory(tmp.resolve("libs")).resolve("lib.wasm");
        Files.write(lib, Fixture.wasm(Programs.LIB));
        f.importModules.add(lib);
        ExecutionOutcome o = run(f);
        assertThat(o.failureMessage()).isEmpty();
        assertThat(o.exitCode()).isEqualTo(5);
    }

    @Test
    void shouldLinkImportModuleByAliasWhenSpecGivesOne() throws Exception {
        Fixture f = fixture(Programs.USES_LIB);
        Path lib = Files.createDirectory(tmp.resolve("libs")).resolve("QmSomething");
        Files.write(lib, Fixture.wasm(Programs.LIB));
        f.importModules.add(lib);
        f.importSpecs.add(new InputSource(new LocalSource("x", false), "lib", ""));
        assertThat(run(f).exitCode()).isEqualTo(5);
    }

    @Test
    void shouldTruncateStdoutWhenOverCap() throws Exception {
        Fixture f = fixture(Programs.printBytes(100));
        f.stdoutCap = 10;
        List<Integer> streamed = new ArrayList<>();
        f.listener = new dev.bacalhau4j.api.runtime.ExecutionListener() {
            @Override
            public void onStdout(byte[] buffer, int offset, int length) {
                streamed.add(length);
            }
        };
        ExecutionOutcome o = run(f);
        assertThat(o.stdout()).hasSize(10);
        assertThat(o.stdoutTruncated()).isTrue();
        assertThat(streamed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    @Test
    void shouldThrowInterruptedAndStopGuestWhenCallerInterrupted() throws Exception {
        Fixture f = fixture(Programs.INFINITE_LOOP);
        f.timeout = Duration.ZERO;
        var ctx = f.context();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                runtime.execute(ctx);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        Thread.sleep(300);
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        // the guest thread is free again: no wasm-exec thread stays busy in the loop
        Thread.sleep(100);
        boolean busy = Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(e -> e.getKey().getName().equals("wasm-exec-exec-1"));
        assertThat(busy).isFalse();
    }

    @Test
    void shouldRunInInterpreterModeWhenCompiledFalse() throws Exception {
        try (WasmRuntime interpreted = WasmRuntime.builder().compiled(false).build()) {
            Fixture f = fixture(Programs.ECHO_ARGS);
            f.parameters = List.of("x");
            assertThat(interpreted.compiled()).isFalse();
            assertThat(out(interpreted.execute(f.context()))).isEqualTo("main.wasm\nx\n");
        }
    }

    @Test
    void shouldReuseCachedModuleWhenSameBytesRunAgain() throws Exception {
        try (WasmRuntime fresh = WasmRuntime.builder().build()) {
            Fixture f = fixture(Programs.ECHO_ARGS);
            fresh.execute(f.context());
            fresh.execute(f.context());
            assertThat(fresh.cachedModules()).isEqualTo(1);
            CompletableFuture<?>[] parallel = new CompletableFuture<?>[8];
            for (int i = 0; i < parallel.length; i++) {
                var ctx = f.context();
                parallel[i] = CompletableFuture.supplyAsync(() -> {
                    try {
                        return fresh.execute(ctx);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            CompletableFuture.allOf(parallel).get(30, TimeUnit.SECONDS);
            for (CompletableFuture<?> p : parallel) {
                assertThat(out((ExecutionOutcome) p.get())).isEqualTo("main.wasm\n");
            }
        }
    }

    @Test
    void shouldBeFoundByServiceLoaderWhenOnClasspath() {
        List<String> types = new ArrayList<>();
        for (Runtime r : ServiceLoader.load(Runtime.class)) {
            types.add(r.engineType());
            r.close();
        }
        assertThat(types).contains("wasm");
    }

    @Test
    void shouldRefuseNonWasmEngineWhenMisused() {
        assertThatThrownBy(() -> runtime.execute(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldProduceIdenticalOutputsWhenSameExecutionRunsTwice() throws Exception {
        List<byte[]> files = new ArrayList<>();
        List<byte[]> stdouts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Fixture f = fixture(Programs.writeRandom(4, "random.bin"));
            f.input("/inputs", Map.of("a.txt", "a"));
            Path out = f.output("/outputs");
            ExecutionOutcome o = run(f);
            assertThat(o.exitCode()).isZero();
            files.add(Files.readAllBytes(out.resolve("random.bin")));
            stdouts.add(o.stdout());
        }
        assertThat(files.get(0)).hasSize(24).isEqualTo(files.get(1));
        assertThat(stdouts.get(0)).isEqualTo(stdouts.get(1)).isEqualTo(files.get(0));
    }

    @Test
    void shouldNotReportTtyWhenGuestChecksStdout() throws Exception {
        assertThat(run(fixture(Programs.STDOUT_FILETYPE)).exitCode()).as("WASI filetype unknown").isZero();
    }
}
