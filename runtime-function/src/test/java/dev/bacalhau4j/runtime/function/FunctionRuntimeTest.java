package dev.bacalhau4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaScript functions on the real runtime: QuickJS in WASM on Chicory, real files, no mocks. */
class FunctionRuntimeTest {

    static final String WORDCOUNT = """
            const counts = {};
            for (const name of listDir('/inputs')) {
              for (const word of readFile('/inputs/' + name).split(/\\s+/)) {
                if (word) counts[word] = (counts[word] || 0) + 1;
              }
            }
            const lines = Object.keys(counts).sort().map((w) => w + ' ' + counts[w]);
            writeFile('/outputs/counts.txt', lines.join('\\n') + '\\n');
            console.log(lines.length + ' distinct words');
            """;

    static FunctionRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        runtime = FunctionRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    static String out(ExecutionOutcome o) {
        return new String(o.stdout(), StandardCharsets.UTF_8);
    }

    static String err(ExecutionOutcome o) {
        return new String(o.stderr(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldCountWordsOverAnInputDirectoryIntoOutputs() throws Exception {
        Fixture f = new Fixture(dir);
        f.input("/inputs", Map.of("a.txt", "the cat the hat\n", "b.txt", "a cat"));
        Path outputs = f.output("/outputs");

        ExecutionOutcome o = runtime.execute(f.function("wordcount.js", WORDCOUNT));

        assertThat(o.failureMessage()).isEmpty();
        assertThat(o.exitCode()).isZero();
        assertThat(out(o)).isEqualTo("4 distinct words\n");
        assertThat(Files.readString(outputs.resolve("counts.txt"))).isEqualTo("a 1\ncat 2\nhat 1\nthe 2\n");
        assertThat(o.engineDetail()).startsWith("wordcount.js sha256:").contains("QuickJS (quickjs4j 0.0.17)");
    }

    @Test
    void shouldGiveIdenticalOutputsOnEveryRun() throws Exception {
        String script = WORDCOUNT + """
                console.log(Date.now(), new Date().toISOString(), Math.random(), Math.random());
                writeFile('/outputs/random.txt', String(Math.random()));
                """;
        Fixture first = new Fixture(dir);
        first.input("/inputs", Map.of("a.txt", "x y z x"));
        Path out1 = first.output("/outputs");
        Fixture second = new Fixture(dir);
        second.input("/inputs", Map.of("a.txt", "x y z x"));
        Path out2 = second.output("/outputs");

        ExecutionOutcome a = runtime.execute(first.function("f.js", script));
        ExecutionOutcome b = runtime.execute(second.function("f.js", script));

        assertThat(a.exitCode()).isZero();
        assertThat(out(a)).isEqualTo(out(b));
        assertThat(err(a)).isEqualTo(err(b));
        assertThat(tree(out1)).isEqualTo(tree(out2)).containsKeys("counts.txt", "random.txt");
    }

    @Test
    void shouldReadTheVirtualClockAndSeededRandomness() throws Exception {
        String script = """
                const t0 = Date.now(), t1 = Date.now();
                console.log(new Date(t0).toISOString(), t1 - t0, Math.random());
                """;
        ExecutionOutcome a = runtime.execute(new Fixture(dir).function("clock.js", script));
        ExecutionOutcome b = runtime.execute(new Fixture(dir).function("clock.js", script));

        assertThat(out(a)).startsWith("2000-01-01T00:00:00.").isEqualTo(out(b));
        String[] fields = out(a).strip().split(" ");
        assertThat(Long.parseLong(fields[1])).isBetween(0L, 10L); // the virtual clock steps 1 ms per read
        assertThat(Double.parseDouble(fields[2])).isBetween(0.0, 1.0);
        Fixture otherJob = new Fixture(dir);
        otherJob.seed = 7;
        assertThat(out(runtime.execute(otherJob.function("clock.js", script)))).as("another job's seed")
                .isNotEqualTo(out(a));
    }

    @Test
    void shouldPointAnApiErrorAtTheScriptsLine() throws Exception {
        ExecutionOutcome o = runtime.execute(new Fixture(dir).function("reads.js",
                "// reads a file that is not there\nconst text = readFile('/inputs/missing.txt');\n"));

        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(err(o)).isEqualTo("reads.js:2:14: uncaught exception: ENOENT: no such file or directory, "
                + "readFile '/inputs/missing.txt'\n    at <anonymous> (reads.js:2:14)\n");
    }

    @Test
    void shouldStopAnInfiniteLoopAtTheTimeout() throws Exception {
        Fixture f = new Fixture(dir);
        f.timeout = Duration.ofSeconds(1);

        long start = System.nanoTime();
        ExecutionOutcome o = runtime.execute(f.function("spin.js", "console.log('start'); while (true) {}"));

        assertThat(o.failure()).contains(FailureKind.TIMEOUT);
        assertThat(o.failureMessage()).isEqualTo("the script ran past its execution timeout of 1s and was stopped");
        assertThat(out(o)).isEqualTo("start\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("an endless loop stopped").isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void shouldStopAMemoryBombAtTheMemoryCap() throws Exception {
        Fixture f = new Fixture(dir);
        f.memoryBytes = 32L << 20;

        ExecutionOutcome o = runtime.execute(f.function("bomb.js",
                "const a = []; while (true) a.push(new Array(100000).fill(1));"));

        assertThat(o.failure()).contains(FailureKind.MEMORY_LIMIT);
        assertThat(o.failureMessage()).contains("out of memory at the cap of " + (32L << 20) + " bytes");
    }

    @Test
    void shouldSeeOnlyTheMounts() throws Exception {
        Fixture f = new Fixture(dir);
        f.input("/inputs", Map.of("a.txt", "data"));
        Path outputs = f.output("/outputs");
        String script = """
                const attempt = (what, fn) => { try { fn(); console.log(what, 'ok'); } catch (e) { console.log(what, e.code); } };
                console.log(JSON.stringify(listDir('/')));
                attempt('read /etc/passwd', () => readFile('/etc/passwd'));
                attempt('read ../', () => readFile('/inputs/../../etc/passwd'));
                attempt('write input', () => writeFile('/inputs/a.txt', 'x'));
                attempt('write outside', () => writeFile('/tmp/x', 'x'));
                attempt('write output', () => writeFile('/outputs/ok.txt', 'fine'));
                console.log(exists('/inputs/a.txt'), exists('/etc'), JSON.stringify(stat('/inputs/a.txt')));
                """;

        ExecutionOutcome o = runtime.execute(f.function("escape.js", script));

        assertThat(o.exitCode()).isZero();
        assertThat(out(o)).isEqualTo("""
                ["inputs","outputs"]
                read /etc/passwd ENOENT
                read ../ ENOENT
                write input EACCES
                write outside ENOENT
                write output ok
                true false {"type":"file","size":4}
                """);
        assertThat(Files.readString(outputs.resolve("ok.txt"))).isEqualTo("fine");
    }

    @Test
    void shouldFailASyntaxErrorNamingTheScriptLine() throws Exception {
        ExecutionOutcome o = runtime.execute(new Fixture(dir).function("broken.js",
                "const ok = 1;\nconst x = ;\n"));

        assertThat(o.failure()).contains(FailureKind.INVALID_PROGRAM);
        assertThat(o.failureMessage()).startsWith("broken.js:2:").contains("syntax error: unexpected token");
        assertThat(err(o)).isEmpty();
    }

    @Test
    void shouldExitWithOneOnAnUncaughtExceptionReportingWhere() throws Exception {
        ExecutionOutcome o = runtime.execute(new Fixture(dir).function("throws.js",
                "console.log('before');\nfunction f() {\n  throw new Error('boom');\n}\nf();\n"));

        assertThat(o.failure()).isEmpty();
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(out(o)).isEqualTo("before\n");
        assertThat(err(o)).startsWith("throws.js:3:").contains("uncaught exception: boom\n")
                .contains("at f (throws.js:3:").doesNotContain("panicked").doesNotContain("RUST_BACKTRACE")
                .doesNotContain("function.mjs");
    }

    @Test
    void shouldPassArgumentsEnvironmentAndExitCode() throws Exception {
        Fixture f = new Fixture(dir);
        f.parameters.addAll(java.util.List.of("one", "two"));
        f.taskEnv.put("A", "task");
        f.engineEnv.put("B", "engine");

        ExecutionOutcome o = runtime.execute(f.function("args.js",
                "console.log(JSON.stringify(args), JSON.stringify(env)); console.error('bye'); exit(3);"
                        + " console.log('not reached');"));

        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(out(o)).isEqualTo("[\"one\",\"two\"] {\"A\":\"task\",\"B\":\"engine\"}\n");
        assertThat(err(o)).isEqualTo("bye\n");
    }

    @Test
    void shouldRoundTripBytesAndRunPromises() throws Exception {
        Fixture f = new Fixture(dir);
        Path in = f.newDir("bin");
        Files.write(in.resolve("b.bin"), new byte[] {0, 1, (byte) 0x80, (byte) 0xFF, 10});
        f.inputs.add(new dev.bacalhau4j.api.runtime.Mount(in, "/inputs", true));
        Path outputs = f.output("/outputs");

        ExecutionOutcome o = runtime.execute(f.function("bytes.js", """
                const b = readBytes('/inputs/b.bin');
                const doubled = await Promise.resolve(b.map((x) => (x * 2) & 0xff));
                mkdir('/outputs/sub/dir');
                writeFile('/outputs/sub/dir/b.bin', doubled);
                appendFile('/outputs/sub/dir/b.bin', new Uint8Array([7]));
                writeFile('/outputs/π.txt', 'ünïcödé');
                console.log(Array.from(b).join(','));
                """));

        assertThat(err(o)).isEmpty();
        assertThat(o.exitCode()).isZero();
        assertThat(out(o)).isEqualTo("0,1,128,255,10\n");
        assertThat(Files.readAllBytes(outputs.resolve("sub/dir/b.bin"))).containsExactly(0, 2, 0, 0xFE, 20, 7);
        assertThat(Files.readString(outputs.resolve("π.txt"))).isEqualTo("ünïcödé");
    }

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
