package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JobSpecsValidateTest {

    private static final Job VALID = JobSpecs.readYaml("""
            Tasks:
              - Engine: {Type: docker, Params: {Image: alpine}}
            """);

    private static Job withTask(UnaryOperator<Task> change) {
        return new Job(VALID.name(), VALID.namespace(), VALID.type(), VALID.priority(), VALID.count(), VALID.labels(),
                VALID.constraints(), VALID.meta(), List.of(change.apply(VALID.task())));
    }

    private static Task task(EngineSpec engine, List<InputSource> inputs, List<ResultPath> results,
            Timeouts timeouts, NetworkSpec network, Verification verification) {
        return new Task("main", engine, PublisherSpec.local(), Map.of(), inputs, results, Resources.NONE,
                timeouts, network, verification);
    }

    private static Task inputs(InputSource... inputs) {
        return task(VALID.task().engine(), List.of(inputs), List.of(), Timeouts.NONE, NetworkSpec.NONE, Verification.NONE);
    }

    private static void invalid(Job job, String message) {
        assertThatThrownBy(() -> JobSpecs.validate(job)).isInstanceOf(InvalidJobException.class).hasMessage(message);
    }

    @Test
    void shouldAcceptAValidJobAndReturnIt() {
        assertThat(JobSpecs.validate(VALID)).isSameAs(VALID);
    }

    @Test
    void shouldRequireAbsoluteDistinctInputTargets() {
        IpfsSource cid = new IpfsSource("bafy");
        invalid(withTask(t -> inputs(new InputSource(cid, "", "inputs"))),
                "Tasks[0].InputSources[0].Target: must be an absolute path (got \"inputs\")");
        invalid(withTask(t -> inputs(new InputSource(cid, "", "/a"), new InputSource(cid, "", "/a"))),
                "Tasks[0].InputSources[1].Target: duplicate target \"/a\" (also InputSources[0])");
        invalid(withTask(t -> inputs(new InputSource(cid, "x", "/a"), new InputSource(cid, "x", "/b"))),
                "Tasks[0].InputSources[1].Alias: duplicate alias \"x\" (also InputSources[0])");
    }

    @Test
    void shouldCheckSourceParams() {
        invalid(withTask(t -> inputs(new InputSource(new IpfsSource(""), "", "/a"))),
                "Tasks[0].InputSources[0].Source.Params.CID: must not be empty");
        invalid(withTask(t -> inputs(new InputSource(new UrlSource("ftp://x/y", ""), "", "/a"))),
                "Tasks[0].InputSources[0].Source.Params.URL: must be an http or https URL (got \"ftp://x/y\")");
        invalid(withTask(t -> inputs(new InputSource(new UrlSource("https://x/y", "md5:00"), "", "/a"))),
                "Tasks[0].InputSources[0].Source.Params.Checksum: not a checksum (got \"md5:00\"; use sha256:<64 hex digits>)");
        invalid(withTask(t -> inputs(new InputSource(new LocalSource("", false), "", "/a"))),
                "Tasks[0].InputSources[0].Source.Params.SourcePath: must not be empty");
    }

    @Test
    void shouldRequireNamedDistinctAbsoluteResultPaths() {
        EngineSpec e = VALID.task().engine();
        invalid(withTask(t -> task(e, List.of(), List.of(new ResultPath("", "/o")), Timeouts.NONE, NetworkSpec.NONE, Verification.NONE)),
                "Tasks[0].ResultPaths[0].Name: must not be empty");
        invalid(withTask(t -> task(e, List.of(), List.of(new ResultPath("o", "out")), Timeouts.NONE, NetworkSpec.NONE, Verification.NONE)),
                "Tasks[0].ResultPaths[0].Path: must be an absolute path (got \"out\")");
        invalid(withTask(t -> task(e, List.of(), List.of(new ResultPath("o", "/a"), new ResultPath("o", "/b")),
                        Timeouts.NONE, NetworkSpec.NONE, Verification.NONE)),
                "Tasks[0].ResultPaths[1].Name: duplicate name \"o\" (also ResultPaths[0])");
    }

    @Test
    void shouldCheckCountAndTasks() {
        invalid(new Job("", "default", JobType.BATCH, 0, 0, Map.of(), List.of(), Map.of(), VALID.tasks()),
                "Count: must be at least 1 (got 0)");
        invalid(new Job("", "default", JobType.BATCH, 0, 1, Map.of(), List.of(), Map.of(), List.of()),
                "Tasks: exactly one task is supported (got 0)");
    }

    @Test
    void shouldCheckVerification() {
        EngineSpec e = VALID.task().engine();
        invalid(withTask(t -> task(e, List.of(), List.of(), Timeouts.NONE, NetworkSpec.NONE,
                        new Verification(VerificationType.DETERMINISTIC, 0, 0))),
                "Tasks[0].Verification.Count: must be at least 1 for deterministic verification (got 0)");
        invalid(withTask(t -> task(e, List.of(), List.of(), Timeouts.NONE, NetworkSpec.NONE,
                        new Verification(VerificationType.DETERMINISTIC, 3, 4))),
                "Tasks[0].Verification.Confidence: must be between 1 and Count (3) (got 4)");
        invalid(withTask(t -> task(e, List.of(), List.of(), Timeouts.NONE, NetworkSpec.NONE,
                        new Verification(VerificationType.NONE, 2, 0))),
                "Tasks[0].Verification.Count: must be 0 when Type is none (got Count 2, Confidence 0; set Type: deterministic to verify)");
    }

    @Test
    void shouldCheckTimeouts() {
        EngineSpec e = VALID.task().engine();
        invalid(withTask(t -> task(e, List.of(), List.of(),
                        new Timeouts(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO), NetworkSpec.NONE, Verification.NONE)),
                "Tasks[0].Timeouts.ExecutionTimeout: must not be negative (got -1)");
        invalid(withTask(t -> task(e, List.of(), List.of(),
                        new Timeouts(Duration.ofMillis(1500), Duration.ZERO, Duration.ZERO), NetworkSpec.NONE, Verification.NONE)),
                "Tasks[0].Timeouts.ExecutionTimeout: must be whole seconds (got PT1.5S)");
        invalid(withTask(t -> task(e, List.of(), List.of(),
                        new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(40)), NetworkSpec.NONE, Verification.NONE)),
                "Tasks[0].Timeouts.TotalTimeout: must be at least ExecutionTimeout + QueueTimeout (got 40 < 30 + 20)");
    }

    @Test
    void shouldCheckEngineParams() {
        invalid(withTask(t -> inputsFor(new DockerEngine(" ", List.of(), List.of(), List.of(), ""))),
                "Tasks[0].Engine.Params.Image: must not be empty");
        invalid(withTask(t -> inputsFor(new DockerEngine("a", List.of(), List.of(), List.of(), "work"))),
                "Tasks[0].Engine.Params.WorkingDirectory: must be an absolute path (got \"work\")");
        InputSource empty = new InputSource(new InlineSource(""), "", "");
        invalid(withTask(t -> inputsFor(new WasmEngine(empty, "_start", List.of(), Map.of(), List.of()))),
                "Tasks[0].Engine.Params.EntryModule.Source.Params.URL: must not be empty");
        InputSource module = new InputSource(InlineSource.of(new byte[] {0}), "", "");
        invalid(withTask(t -> inputsFor(new WasmEngine(module, "", List.of(), Map.of(), List.of()))),
                "Tasks[0].Engine.Params.Entrypoint: must not be empty");
        invalid(withTask(t -> task(new WasmEngine(module, "_start", List.of(), Map.of(), List.of()), List.of(), List.of(),
                        Timeouts.NONE, new NetworkSpec(NetworkType.HOST), Verification.NONE)),
                "Tasks[0].Network.Type: WASM functions have no network (got Host; use None)");
    }

    @Test
    void shouldRefuseAModuleTargetThatIsAlsoAnInputTarget() {
        InputSource module = new InputSource(InlineSource.of(new byte[] {0}), "", "/app/main.wasm");
        invalid(withTask(t -> task(new WasmEngine(module, "_start", List.of(), Map.of(), List.of()),
                        List.of(new InputSource(new IpfsSource("bafy"), "", "/app/main.wasm")), List.of(),
                        Timeouts.NONE, NetworkSpec.NONE, Verification.NONE)),
                "Tasks[0].Engine.Params.EntryModule.Target: duplicate target \"/app/main.wasm\" (also InputSources[0])");
    }

    private static Task inputsFor(EngineSpec engine) {
        return task(engine, List.of(), List.of(), Timeouts.NONE, NetworkSpec.NONE, Verification.NONE);
    }

    @Test
    void shouldCheckConstraintArity() {
        invalid(withConstraint(new Constraint("gpu", ConstraintOperator.EXISTS, List.of("x"))),
                "Constraints[0].Values: operator exists takes no values (got 1)");
        invalid(withConstraint(new Constraint("zone", ConstraintOperator.IN, List.of())),
                "Constraints[0].Values: operator in needs at least one value (got 0)");
        invalid(withConstraint(new Constraint("zone", ConstraintOperator.EQUALS, List.of("a", "b"))),
                "Constraints[0].Values: operator = takes exactly one value (got 2)");
        invalid(withConstraint(new Constraint("cores", ConstraintOperator.GREATER_THAN, List.of("many"))),
                "Constraints[0].Values[0]: operator gt needs an integer (got \"many\")");
        invalid(withConstraint(new Constraint("", ConstraintOperator.DOES_NOT_EXIST, List.of())),
                "Constraints[0].Key: must not be empty");
    }

    @Test
    void shouldApplyTheSameChecksWhenReading() {
        assertThatThrownBy(() -> JobSpecs.readYaml("""
                Tasks:
                  - Engine: {Type: docker, Params: {Image: alpine}}
                    InputSources:
                      - Source: {Type: ipfs, Params: {CID: bafy}}
                        Target: inputs
                """)).hasMessage("Tasks[0].InputSources[0].Target: must be an absolute path (got \"inputs\")");
        assertThatThrownBy(() -> JobSpecs.readYaml("Constraints: [{Key: a, Operator: '!', Values: [b]}]\n"
                + "Tasks: [{Engine: {Type: docker, Params: {Image: a}}}]\n"))
                .hasMessage("Constraints[0].Values: operator ! takes no values (got 1)");
        assertThatThrownBy(() -> JobSpecs.readYaml("Count: 0\nTasks: [{Engine: {Type: docker, Params: {Image: a}}}]\n"))
                .hasMessage("Count: must be at least 1 (got 0)");
        assertThatThrownBy(() -> JobSpecs.readYaml(
                "Tasks: [{Engine: {Type: docker, Params: {Image: a}}, Verification: {Type: deterministic, Count: 2, Confidence: 3}}]\n"))
                .hasMessage("Tasks[0].Verification.Confidence: must be between 1 and Count (2) (got 3)");
    }

    private static Job withConstraint(Constraint c) {
        return new Job("", "default", JobType.BATCH, 0, 1, Map.of(), List.of(c), Map.of(), VALID.tasks());
    }
}
