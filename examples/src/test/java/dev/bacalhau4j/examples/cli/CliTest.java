package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bacalhau4j.api.JobSpecs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the {@code bacalhau4j} command line in process, against a real node and the real WASM runtime. */
class CliTest {

    @TempDir
    Path nodeDir;

    @TempDir
    Path work;

    Path echo;

    @BeforeEach
    void setUp() throws Exception {
        echo = wasm("echo.wasm");
    }

    @Test
    void shouldPrintProgramOutputWhenWasmRunSucceeds() {
        CliRun run = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "hello", "world", "-e", "GREETING=hi");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("State:     Completed")
                .contains("Exit code: 0")
                .contains("argv[1]=hello", "argv[2]=world")
                .contains("env GREETING=hi")
                .containsPattern("Job ID: +j-")
                .containsPattern("Outputs: +ipfs://Qm");
        assertThat(run.err()).contains("to-stderr");
    }

    @Test
    void shouldPassArgumentsThatLookLikeOptionsAfterDoubleDash() {
        CliRun run = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "--", "--not-an-option", "-x");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("argv[1]=--not-an-option", "argv[2]=-x");
    }

    @Test
    void shouldFeedStdinFile() throws IOException {
        Path in = Files.writeString(work.resolve("in.txt"), "from a file");

        CliRun run = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "--stdin", in.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("stdin=from a file");
    }

    @Test
    void shouldExitWithProgramsExitCodeWhenItExitsNonZero() {
        CliRun run = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "-e", "EXIT_CODE=7");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(7);
        assertThat(run.out()).contains("State:     Completed", "Exit code: 7");
    }

    @Test
    void shouldExitOneWithOneLineReasonWhenJobFails() throws Exception {
        CliRun run = CliRun.run(nodeDir, "wasm", "run", wasm("trap.wasm").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().matches("Error: job j-\\S+ failed: .+");
    }

    @Test
    void shouldStopAtTimeout() throws Exception {
        CliRun run = CliRun.run(nodeDir, "wasm", "run", wasm("loop.wasm").toString(), "--timeout", "1s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().containsIgnoringCase("timeout");
    }

    @Test
    void shouldAllowListFileInputsNamedOnTheCommandLine() throws Exception {
        Path data = Files.createDirectories(work.resolve("data/sub"));
        Files.writeString(data.resolve("a.txt"), "one two three\nfour\n");

        CliRun run = CliRun.run(nodeDir, "wasm", "run", wasm("wordcount.wasm").toString(),
                "-i", data.getParent().toUri().toString().replaceAll("/$", "") + ":/inputs",
                "-o", "outputs:/outputs");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2 4 19 /inputs/sub/a.txt", "2 4 19 total");
        String id = run.out().lines().filter(l -> l.startsWith("Job ID:")).findFirst().orElseThrow()
                .substring("Job ID:".length()).strip();
        Path results = work.resolve("results");
        CliRun get = CliRun.run(nodeDir, "job", "get", id, "--output-dir", results.toString());
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(results.resolve("outputs/wordcount.txt")).content().contains("2 4 19 total");
        assertThat(results.resolve("exitCode")).hasContent("0\n");
    }

    @Test
    void shouldRefuseLocalSpecInputsOutsideTheAllowList() throws IOException {
        Path spec = Files.writeString(work.resolve("job.yaml"), specWithLocalModule(echo));

        CliRun run = CliRun.run(nodeDir, "job", "run", "-f", spec.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().contains("allow");
    }

    @Test
    void shouldRunSpecFileWithFlagOrPositional() throws IOException {
        Path spec = Files.writeString(work.resolve("job.yaml"), specWithLocalModule(echo));
        String allow = echo.getParent().toString();

        CliRun withFlag = CliRun.run(nodeDir, "--allow-local-path", allow, "job", "run", "-f", spec.toString());
        CliRun positional = CliRun.run(nodeDir, "job", "run", spec.toString(), "--allow-local-path", allow);

        assertThat(withFlag.exitCode()).as(withFlag.toString()).isZero();
        assertThat(withFlag.out()).contains("argv[1]=from-spec", "env COLOR=blue", "State:     Completed");
        assertThat(positional.exitCode()).as(positional.toString()).isZero();
        assertThat(positional.out()).contains("argv[1]=from-spec");
    }

    @Test
    void shouldPrintNormalizedYamlAndRunNothingOnDryRun() throws IOException {
        String text = """
                {"type": "batch", "tasks": [{"name": "main",
                  "engine": {"type": "WASM", "params": {"EntryModule": {"Source": {"Type": "ipfs",
                    "Params": {"CID": "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"}}}}},
                  "timeouts": {"ExecutionTimeout": 30}}]}
                """;
        Path spec = Files.writeString(work.resolve("job.json"), text);

        CliRun run = CliRun.run(nodeDir, "job", "run", "--dry-run", "-f", spec.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(JobSpecs.toYaml(JobSpecs.readJson(text)));
        assertThat(run.out()).contains("Type: wasm", "ExecutionTimeout: 30");
        assertThat(CliRun.run(nodeDir, "job", "list").out().lines()).hasSize(1); // header only
    }

    @Test
    void shouldExitTwoNamingTheFieldWhenSpecIsInvalid() throws IOException {
        String text = specWithLocalModule(echo) + """
                    InputSources:
                      - Source:
                          Type: s3
                          Params:
                            Bucket: data
                        Target: /inputs
                """;
        Path spec = Files.writeString(work.resolve("bad.yaml"), text);

        CliRun run = CliRun.run(nodeDir, "job", "run", "-f", spec.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("Error: Tasks[0].InputSources[0].Source.Type")
                .contains("s3");
    }

    @Test
    void shouldExitTwoWithClearErrorWhenModuleFileIsMissing() {
        Path missing = work.resolve("nope.wasm");

        CliRun run = CliRun.run(nodeDir, "wasm", "run", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("Error: MODULE: no such file: " + missing);
    }

    @Test
    void shouldExitTwoWhenModuleIsNotWasm() throws IOException {
        Path text = Files.writeString(work.resolve("x.wasm"), "not wasm");

        CliRun run = CliRun.run(nodeDir, "wasm", "run", text.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a WebAssembly module");
    }

    @Test
    void shouldExitTwoOnBadFlagValues() {
        CliRun memory = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "--memory", "64Zb");
        CliRun timeout = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "--timeout", "soon");
        CliRun input = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "-i", "s3://bucket/key");
        CliRun unknown = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "--frobnicate");

        assertThat(memory.exitCode()).isEqualTo(2);
        assertThat(memory.err()).startsWith("Error: --memory: not a size");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout", "not a duration");
        assertThat(input.exitCode()).isEqualTo(2);
        assertThat(input.err()).contains("unsupported URI scheme 's3'");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate");
    }

    @Test
    void shouldListDescribeAndShowHistoryOfARun() throws Exception {
        CliRun run = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "listed", "--name", "my-echo", "--id-only");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String id = run.out().strip();
        assertThat(id).startsWith("j-").doesNotContain("\n");

        CliRun list = CliRun.run(nodeDir, "job", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow()).matches("ID +NAME +TYPE +STATE +CREATED");
        assertThat(list.out()).containsPattern(id + " +my-echo +batch/wasm +Completed +\\d{4}-");

        CliRun describe = CliRun.run(nodeDir, "job", "describe", id);
        assertThat(describe.exitCode()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("ID:          " + id, "Name:        my-echo", "State:       Completed",
                "exit code 0", "Published: ipfs://Qm", "argv[1]=listed");

        CliRun json = CliRun.run(nodeDir, "job", "describe", id, "--output", "json");
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree.get("Id").asText()).isEqualTo(id);
        assertThat(tree.at("/Spec/Tasks/0/Engine/Type").asText()).isEqualTo("wasm");
        assertThat(tree.at("/Executions/0/Stdout").asText()).contains("argv[1]=listed"); // text, not base64
        assertThat(tree.at("/Executions/0/ExitCode").asInt()).isZero();

        CliRun yaml = CliRun.run(nodeDir, "job", "list", "--output", "yaml");
        assertThat(yaml.out()).contains("Id: " + id, "Name: my-echo");

        CliRun history = CliRun.run(nodeDir, "job", "history", id);
        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(history.out()).contains("Pending", "Queued", "BidAccepted", "Publishing", "Completed");
    }

    @Test
    void shouldListNewestFirstAndHonourLimit() {
        String first = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "--id-only").out().strip();
        String second = CliRun.run(nodeDir, "wasm", "run", echo.toString(), "--id-only").out().strip();

        CliRun all = CliRun.run(nodeDir, "job", "list");
        CliRun one = CliRun.run(nodeDir, "job", "list", "--limit", "1");

        assertThat(all.out().indexOf(second)).isLessThan(all.out().indexOf(first));
        assertThat(one.out().lines()).hasSize(2);
        assertThat(one.out()).contains(second).doesNotContain(first);
    }

    @Test
    void shouldExitTwoForUnknownJob() {
        CliRun run = CliRun.run(nodeDir, "job", "describe", "j-nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("no job 'j-nope'");
    }

    @Test
    void shouldPrintUsageErrorForMissingCommand() {
        CliRun run = CliRun.run(nodeDir, "wasm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: run");
    }

    private String specWithLocalModule(Path module) {
        return """
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: wasm
                      Params:
                        EntryModule:
                          Source:
                            Type: local
                            Params:
                              SourcePath: %s
                        Parameters: [from-spec]
                    Env:
                      COLOR: blue
                """.formatted(module);
    }

    /** A copy of the built WASM program {@code name} in a temporary directory. */
    private Path wasm(String name) throws IOException, URISyntaxException {
        Path source = Path.of(CliTest.class.getResource("/wasm/" + name).toURI());
        Path dir = Files.createDirectories(work.resolve("modules"));
        return Files.copy(source, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
