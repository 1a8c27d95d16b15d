package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecsReadTest {

    static String resource(String name) {
        try (InputStream in = JobSpecsReadTest.class.getResourceAsStream("/specs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldApplyDefaultsWhenFieldsAreAbsent() {
        Job job = JobSpecs.readYaml("""
                Tasks:
                  - Engine:
                      Type: docker
                      Params:
                        Image: alpine
                """);

        assertThat(job.name()).isEmpty();
        assertThat(job.namespace()).isEqualTo("default");
        assertThat(job.type()).isEqualTo(JobType.BATCH);
        assertThat(job.count()).isEqualTo(1);
        Task task = job.task();
        assertThat(task.name()).isEqualTo("main");
        assertThat(task.publisher()).isEqualTo(PublisherSpec.ipfs());
        assertThat(task.network()).isEqualTo(NetworkSpec.NONE);
        assertThat(task.verification()).isEqualTo(Verification.NONE);
        assertThat(task.resources()).isEqualTo(Resources.NONE);
        assertThat(task.timeouts()).isEqualTo(Timeouts.NONE);
        assertThat(task.engine()).isEqualTo(new DockerEngine("alpine", List.of(), List.of(), List.of(), ""));
    }

    @Test
    void shouldDefaultWasmEntrypointToStart() {
        Job job = JobSpecs.readYaml("""
                Type: batch
                Tasks:
                  - Engine:
                      Type: wasm
                      Params:
                        EntryModule:
                          Source: {Type: ipfs, Params: {CID: bafyabc}}
                """);

        WasmEngine wasm = (WasmEngine) job.task().engine();
        assertThat(wasm.entrypoint()).isEqualTo("_start");
        assertThat(wasm.entryModule()).isEqualTo(new InputSource(new IpfsSource("bafyabc"), "", ""));
    }

    @Test
    void shouldReadLowerCaseFieldNamesAsBacalhauDoes() {
        Job job = JobSpecs.readYaml(resource("docker-lowercase.yaml"));

        assertThat(job.name()).isEqualTo("Lower-case docker job");
        assertThat(job.task().name()).isEqualTo("Say hello");
        DockerEngine docker = (DockerEngine) job.task().engine();
        assertThat(docker.image()).isEqualTo("alpine:3.20");
        assertThat(docker.entrypoint()).containsExactly("/bin/sh");
        assertThat(docker.parameters()).containsExactly("-c", "echo hi from a lower-case spec");
    }

    @Test
    void shouldReadJsonSpecWithResultPaths() {
        Job job = JobSpecs.readJson(resource("docker-output.json"));

        assertThat(job.task().resultPaths()).containsExactly(new ResultPath("results", "/results"));
        assertThat(job.task().publisher().type()).isEqualTo("local");
    }

    @Test
    void shouldTakeTheEntryModuleOutOfTheInputsWhenGivenAsTarget() {
        Job job = JobSpecs.readYaml(resource("wasm-target-form.yaml"));

        WasmEngine wasm = (WasmEngine) job.task().engine();
        assertThat(wasm.entryModule()).isEqualTo(new InputSource(
                new InlineSource("data:application/wasm;base64,AGFzbQEAAAA="), "", "/hello.wasm"));
        assertThat(wasm.parameters()).containsExactly("--greeting", "hi");
        assertThat(job.task().inputSources()).extracting(InputSource::target).containsExactly("/data");
    }

    @Test
    void shouldReadLegacyWasmFormWithNullsAndCaseInsensitiveNames() {
        Job job = JobSpecs.readYaml(resource("wasm-legacy-form.yaml"));

        WasmEngine wasm = (WasmEngine) job.task().engine();
        assertThat(wasm.entryModule().source()).isEqualTo(new InlineSource("data:application/wasm;base64,AGFzbQEAAAA="));
        assertThat(wasm.entrypoint()).isEqualTo("_start");
        assertThat(wasm.parameters()).isEmpty();
        assertThat(wasm.environmentVariables()).isEmpty();
        assertThat(wasm.importModules()).isEmpty();
    }

    @Test
    void shouldReadDescribeOutputIgnoringServerAssignedFields() {
        Job job = JobSpecs.readYaml(resource("describe-output.yaml"));

        assertThat(job.name()).isEqualTo("j-5e0c2a4e-7f2d-4a57-9d0b-7f4f1e9d2c11");
        assertThat(job.meta()).containsEntry("bacalhau.org/requester.id", "node-0");
        assertThat(job.task().publisher()).isEqualTo(PublisherSpec.ipfs());
        assertThat(job.task().network()).isEqualTo(new NetworkSpec(NetworkType.DEFAULT));
        assertThat(job.task().timeouts().executionTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(((DockerEngine) job.task().engine()).parameters()).containsExactly("echo", "hello");
    }

    @Test
    void shouldReadEveryField() {
        Job job = JobSpecs.readYaml(resource("full.yaml"));

        assertThat(job.namespace()).isEqualTo("research");
        assertThat(job.count()).isEqualTo(3);
        assertThat(job.constraints()).containsExactly(
                new Constraint("region", ConstraintOperator.IN, List.of("eu-west-1", "eu-central-1")),
                new Constraint("gpu", ConstraintOperator.EXISTS, List.of()));
        assertThat(job.meta()).isEqualTo(Map.of("owner", "alice"));
        assertThat(job.labels()).isEqualTo(Map.of("team", "data"));
        Task task = job.task();
        WasmEngine wasm = (WasmEngine) task.engine();
        assertThat(wasm.entryModule().source()).isEqualTo(new UrlSource("https://example.org/wordcount.wasm",
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        assertThat(wasm.entrypoint()).isEqualTo("main");
        assertThat(wasm.parameters()).containsExactly("--top", "10");
        assertThat(wasm.environmentVariables()).isEqualTo(Map.of("LANG", "C"));
        assertThat(wasm.importModules()).containsExactly(new InputSource(
                new IpfsSource("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"), "helper", ""));
        assertThat(task.publisher()).isEqualTo(new PublisherSpec("ipfs", Map.of()));
        assertThat(task.env()).isEqualTo(Map.of("MODE", "fast"));
        assertThat(task.inputSources()).containsExactly(
                new InputSource(new LocalSource("/srv/data", false), "data", "/inputs"),
                new InputSource(new InlineSource("hello on stdin"), "", InputSource.STDIN));
        assertThat(task.resources()).isEqualTo(new Resources("500m", "64Mb", "1Gb", "1"));
        assertThat(task.timeouts()).isEqualTo(new Timeouts(
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)));
        assertThat(task.verification()).isEqualTo(new Verification(VerificationType.DETERMINISTIC, 3, 2));
    }

    @Test
    void shouldMatchTypeNamesCaseInsensitivelyLikeBacalhau() {
        Job job = JobSpecs.readYaml("""
                Type: ops
                Count: 0
                Tasks:
                  - Engine: {Type: Docker, Params: {Image: alpine}}
                    Publisher: {Type: IPFS}
                    Network: {Type: host}
                    InputSources:
                      - Source: {Type: URLDOWNLOAD, Params: {URL: "https://x.org/a"}}
                        Target: /a
                      - Source: {Type: localDirectory, Params: {SourcePath: /srv, ReadWrite: "false", CreateAs: noCreate}}
                        Target: /b
                """);

        assertThat(job.type()).isEqualTo(JobType.OPS);
        assertThat(job.count()).as("Bacalhau stores Count 0 for ops jobs").isEqualTo(1);
        assertThat(job.task().publisher().type()).isEqualTo("ipfs");
        assertThat(job.task().network().type()).isEqualTo(NetworkType.HOST);
        assertThat(job.task().inputSources()).extracting(InputSource::source).containsExactly(
                new UrlSource("https://x.org/a", ""), new LocalSource("/srv", false));
    }

    @Test
    void shouldReadScalarsAsTheTextTheyWereWrittenAs() {
        Job job = JobSpecs.readYaml("""
                Tasks:
                  - Engine: {Type: docker, Params: {Image: alpine, Parameters: [-n, 15, 1.50, true]}}
                    Env: {PORT: 8080}
                    Resources: {CPU: 0.5, Memory: 1048576}
                """);

        assertThat(((DockerEngine) job.task().engine()).parameters()).containsExactly("-n", "15", "1.50", "true");
        assertThat(job.task().env()).containsEntry("PORT", "8080");
        assertThat(job.task().resources()).isEqualTo(new Resources("0.5", "1048576", "", ""));
    }

    @Test
    void shouldReadNullListElementsAndMapValuesAsEmptyStringsLikeGo() {
        Job job = JobSpecs.readYaml("""
                Labels: {team: null}
                Tasks:
                  - Engine: {Type: docker, Params: {Image: alpine, Parameters: [a, null]}}
                """);

        assertThat(job.labels()).containsEntry("team", "");
        assertThat(((DockerEngine) job.task().engine()).parameters()).containsExactly("a", "");
    }

    @Test
    void shouldPickTheFormatFromTheFileNameOrTheContent(@TempDir Path dir) throws IOException {
        String json = resource("docker-output.json");
        Path yaml = Files.writeString(dir.resolve("job.yml"), resource("docker-lowercase.yaml"));
        Path jsonFile = Files.writeString(dir.resolve("job.json"), json);
        Path sniffed = Files.writeString(dir.resolve("job.spec"), json);

        assertThat(JobSpecs.read(yaml).task().name()).isEqualTo("Say hello");
        assertThat(JobSpecs.read(jsonFile)).isEqualTo(JobSpecs.readJson(json));
        assertThat(JobSpecs.read(sniffed)).isEqualTo(JobSpecs.readJson(json));
    }
}
