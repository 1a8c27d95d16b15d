package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bacalhau4j function run} on a real embedded node. */
class FunctionCliTest {
    static final Path WORDCOUNT = Path.of("src/main/js/wordcount.js");

    @TempDir
    Path nodeDir;

    @TempDir
    Path work;

    @Test
    void shouldRunTheWordCountExampleOverALocalDirectory() throws Exception {
        Path data = Files.createDirectories(work.resolve("texts"));
        Files.writeString(data.resolve("a.txt"), "to be or not to be\n");

        CliRun run = CliRun.run(nodeDir, "function", "run", WORDCOUNT.toString(), "/inputs", "2",
                "-i", data.toUri().toString().replaceAll("/$", "") + ":/inputs");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("State:     Completed", "6 words, 4 distinct", "      2 be", "      2 to")
                .containsPattern("Outputs: +ipfs://");
        String id = run.out().lines().filter(l -> l.startsWith("Job ID:")).findFirst().orElseThrow()
                .substring("Job ID:".length()).strip();
        CliRun describe = CliRun.run(nodeDir, "job", "describe", id);
        assertThat(describe.out()).contains("function javascript wordcount.js inline");
        Path results = work.resolve("results");
        assertThat(CliRun.run(nodeDir, "job", "get", id, "--output-dir", results.toString()).exitCode()).isZero();
        assertThat(results.resolve("outputs/counts.txt")).hasContent("be 2\nto 2\nnot 1\nor 1\n");
    }

    @Test
    void shouldExitWithTheScriptsExitCodeAndPassArguments() throws IOException {
        Path script = Files.writeString(work.resolve("exit.js"), "console.log(args.join('|')); exit(Number(args[1]));");

        CliRun run = CliRun.run(nodeDir, "function", "run", script.toString(), "--", "-x", "4");

        assertThat(run.out()).contains("-x|4", "Exit code: 4");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    }

    @Test
    void shouldFailASyntaxErrorWithOneLineNamingTheScriptLine() throws IOException {
        Path script = Files.writeString(work.resolve("broken.js"), "let a = 1;\nlet b = ;\n");

        CliRun run = CliRun.run(nodeDir, "function", "run", script.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().contains("broken.js:2:").contains("syntax error");
    }

    @Test
    void shouldStopAnEndlessScriptAtTheTimeout() throws IOException {
        Path script = Files.writeString(work.resolve("spin.js"), "for (;;) {}");

        CliRun run = CliRun.run(nodeDir, "function", "run", script.toString(), "--timeout", "1s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().containsIgnoringCase("timeout");
    }

    @Test
    void shouldExitTwoWhenTheScriptFileIsMissing() {
        CliRun run = CliRun.run(nodeDir, "function", "run", work.resolve("nope.js").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("SCRIPT: no such file").contains("nope.js");
    }
}
