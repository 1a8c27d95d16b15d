package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobBuilderTest {
    private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    @Test
    void shouldBuildTheDesignDocExample(@TempDir Path dir) throws IOException {
        Path wasm = Files.write(dir.resolve("wordcount.wasm"), MODULE);

        Job job = Job.wasm(wasm)
                .inputIpfs("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "/inputs")
                .output("outputs", "/outputs")
                .memory("64Mb").timeout(Duration.ofSeconds(30))
                .verify(3)
                .build();

        Task task = job.task();
        WasmEngine engine = (WasmEngine) task.engine();
        assertThat(engine.entryModule()).isEqualTo(new InputSource(InlineSource.of(MODULE), "", ""));
        assertThat(engine.entrypoint()).isEqualTo("_start");
        assertThat(task.inputSources()).containsExactly(new InputSource(
                new IpfsSource("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"), "", "/inputs"));
        assertThat(task.resultPaths()).containsExactly(new ResultPath("outputs", "/outputs"));
        assertThat(task.resources().memoryBytes()).isEqualTo(64_000_000L);
        assertThat(task.timeouts().executionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(task.verification()).isEqualTo(new Verification(VerificationType.DETERMINISTIC, 3, 2));
        assertThat(job.namespace()).isEqualTo("default");
        assertThat(job.type()).isEqualTo(JobType.BATCH);
        assertThat(task.publisher()).isEqualTo(PublisherSpec.ipfs());
    }

    @Test
    void shouldNameTheMissingModuleFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.wasm");

        assertThatThrownBy(() -> Job.wasm(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WASM module not found: " + missing.toAbsolutePath());
    }

    @Test
    void shouldSetEveryDockerField(@TempDir Path dir) {
        Job job = Job.docker("python:3.12-slim")
                .name("etl").namespace("team-a").type(JobType.OPS).count(2)
                .label("tier", "gold").meta("owner", "bob")
                .constraint("region", ConstraintOperator.IN, "eu", "us")
                .taskName("transform")
                .entrypointCommand("python", "-u")
                .args("main.py", "--fast")
                .workingDirectory("/app")
                .env("MODE", "prod")
                .inputUrl("https://example.org/data.csv", "/data/data.csv")
                .inputLocal(dir, "/host")
                .inputInline("hello", "/etc/greeting")
                .stdin("line 1\n")
                .cpu("500m").memory("1Gb").disk("10Gb").gpu(1)
                .queueTimeout(Duration.ofMinutes(1)).totalTimeout(Duration.ofMinutes(10))
                .network(NetworkType.FULL)
                .publisher(new PublisherSpec(PublisherSpec.IPFS, Map.of()))
                .build();

        assertThat(job.name()).isEqualTo("etl");
        assertThat(job.namespace()).isEqualTo("team-a");
        assertThat(job.type()).isEqualTo(JobType.OPS);
        assertThat(job.count()).isEqualTo(2);
        assertThat(job.labels()).isEqualTo(Map.of("tier", "gold"));
        assertThat(job.meta()).isEqualTo(Map.of("owner", "bob"));
        assertThat(job.constraints()).containsExactly(new Constraint("region", ConstraintOperator.IN, List.of("eu", "us")));
        Task task = job.task();
        assertThat(task.name()).isEqualTo("transform");
        assertThat(task.engine()).isEqualTo(new DockerEngine("python:3.12-slim", List.of("python", "-u"),
                List.of("main.py", "--fast"), List.of(), "/app"));
        assertThat(task.env()).isEqualTo(Map.of("MODE", "prod"));
        assertThat(task.inputSources()).containsExactly(
                new InputSource(new UrlSource("https://example.org/data.csv", ""), "", "/data/data.csv"),
                new InputSource(new LocalSource(dir.toAbsolutePath().normalize().toString(), false), "", "/host"),
                new InputSource(InlineSource.ofText("hello"), "", "/etc/greeting"),
                new InputSource(InlineSource.ofText("line 1\n"), "", InputSource.STDIN));
        assertThat(task.resources()).isEqualTo(new Resources("500m", "1Gb", "10Gb", "1"));
        assertThat(task.timeouts()).isEqualTo(new Timeouts(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(10)));
        assertThat(task.network().type()).isEqualTo(NetworkType.FULL);
        assertThat(task.publisher().type()).isEqualTo("ipfs");
    }

    @Test
    void shouldSetWasmOnlyFields() {
        InputSource lib = new InputSource(new IpfsSource("bafylib"), "lib", "");

        Job job = Job.wasm(MODULE).entrypoint("run").importModule(lib).args("a", "b").build();

        WasmEngine engine = (WasmEngine) job.task().engine();
        assertThat(engine.entrypoint()).isEqualTo("run");
        assertThat(engine.importModules()).containsExactly(lib);
        assertThat(engine.parameters()).containsExactly("a", "b");
    }

    @Test
    void shouldRefuseEngineSpecificMethodsOnTheOtherEngine() {
        assertThatThrownBy(() -> Job.docker("alpine").entrypoint("main"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("entrypoint(String) is for WASM jobs, not docker (for docker use entrypointCommand(...))");
        assertThatThrownBy(() -> Job.wasm(MODULE).entrypointCommand("sh"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("entrypointCommand(String...) is for docker jobs, not wasm (for WASM use entrypoint(String))");
        assertThatThrownBy(() -> Job.wasm(MODULE).workingDirectory("/app"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not wasm");
    }

    @Test
    void shouldNeedAnEngine() {
        assertThatThrownBy(() -> Job.builder().name("x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("build() needs an engine");
        assertThat(Job.builder().engine(new DockerEngine("a", List.of(), List.of(), List.of(), "")).build().task().engine().type())
                .isEqualTo("docker");
    }

    @Test
    void shouldValidateInBuildWithSpecPaths() {
        assertThatThrownBy(() -> Job.docker("alpine").memory("64Zb").build())
                .isInstanceOf(InvalidJobException.class)
                .hasMessage("Tasks[0].Resources.Memory: not a size (got \"64Zb\"; use forms like 64Mb, 1Gb, 512Mi)");
        assertThatThrownBy(() -> Job.docker("alpine").inputIpfs("bafy", "inputs").build())
                .isInstanceOf(InvalidJobException.class)
                .hasMessage("Tasks[0].InputSources[0].Target: must be an absolute path (got \"inputs\")");
        assertThatThrownBy(() -> Job.docker("").build())
                .hasMessage("Tasks[0].Engine.Params.Image: must not be empty");
        assertThatThrownBy(() -> Job.docker("alpine").verify(2, 3).build())
                .hasMessage("Tasks[0].Verification.Confidence: must be between 1 and Count (2) (got 3)");
        assertThatThrownBy(() -> Job.docker("alpine").constraint("gpu", ConstraintOperator.EXISTS, "1").build())
                .hasMessage("Constraints[0].Values: operator exists takes no values (got 1)");
        assertThatThrownBy(() -> Job.docker("alpine").timeout(Duration.ofSeconds(-5)).build())
                .hasMessage("Tasks[0].Timeouts.ExecutionTimeout: must not be negative (got -5)");
    }

    @Test
    void shouldRoundTimeoutsUpToWholeSeconds() {
        Job job = Job.docker("alpine").timeout(Duration.ofMillis(1500)).build();

        assertThat(job.task().timeouts().executionTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldUseMajorityConfidenceForVerify() {
        assertThat(Job.wasm(MODULE).verify(1).build().task().verification().confidence()).isEqualTo(1);
        assertThat(Job.wasm(MODULE).verify(4).build().task().verification().confidence()).isEqualTo(3);
        assertThat(Job.wasm(MODULE).verify(3).verification(Verification.NONE).build().task().verification())
                .isEqualTo(Verification.NONE);
    }

    @Test
    void shouldDeriveChangedCopiesWithToBuilder() {
        Job original = JobSpecs.readYaml(JobSpecsReadTest.resource("full.yaml"));

        Job same = original.toBuilder().build();
        Job renamed = original.toBuilder().name("other").output("logs", "/logs").build();

        assertThat(same).isEqualTo(original);
        assertThat(renamed.name()).isEqualTo("other");
        assertThat(renamed.task().resultPaths()).extracting(ResultPath::name).containsExactly("outputs", "logs");
        assertThat(original.task().resultPaths()).hasSize(1);
    }

    @Test
    void shouldKeepBuiltJobsIndependentOfLaterBuilderChanges() {
        JobBuilder builder = Job.docker("alpine").env("A", "1");
        Job first = builder.build();

        builder.env("B", "2").args("x");

        assertThat(first.task().env()).containsOnlyKeys("A");
        assertThat(((DockerEngine) first.task().engine()).parameters()).isEmpty();
    }
}
