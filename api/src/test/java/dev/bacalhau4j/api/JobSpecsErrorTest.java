package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class JobSpecsErrorTest {

    private static final String DOCKER_TASK = """
            Tasks:
              - Engine: {Type: docker, Params: {Image: alpine}}
            """;

    private static AbstractThrowableAssert<?, ? extends Throwable> readingYaml(String yaml) {
        return assertThatThrownBy(() -> JobSpecs.readYaml(yaml)).isInstanceOf(InvalidJobException.class);
    }

    private static void failsWith(String yaml, String path, String message) {
        readingYaml(yaml).hasMessage(message).extracting("fieldPath").isEqualTo(path);
    }

    @Test
    void shouldNameTheSourceTypeAndListSupportedOnesWhenUnsupported() {
        failsWith("""
                Tasks:
                  - Engine: {Type: docker, Params: {Image: alpine}}
                    InputSources:
                      - Source: {Type: ipfs, Params: {CID: bafy}}
                        Target: /a
                      - Source: {Type: s3, Params: {Bucket: b}}
                        Target: /b
                """,
                "Tasks[0].InputSources[1].Source.Type",
                "Tasks[0].InputSources[1].Source.Type: unsupported type 's3' (supported: inline, ipfs, local, urlDownload)");
    }

    @Test
    void shouldNameTheResourceFieldWhenASizeIsInvalid() {
        failsWith(DOCKER_TASK + "    Resources: {Memory: 64Zb}\n",
                "Tasks[0].Resources.Memory",
                "Tasks[0].Resources.Memory: not a size (got \"64Zb\"; use forms like 64Mb, 1Gb, 512Mi)");
    }

    @Test
    void shouldListKnownFieldsClosestFirstWhenAFieldIsMisspelt() {
        failsWith("""
                Tasks:
                  - Engine:
                      Type: wasm
                      Params:
                        EntryModule: {Source: {Type: ipfs, Params: {CID: bafy}}}
                        Entrypoitn: main
                """,
                "Tasks[0].Engine.Params.Entrypoitn",
                "Tasks[0].Engine.Params.Entrypoitn: unknown field "
                        + "(known: Entrypoint, EntryModule, Parameters, ImportModules, EnvironmentVariables)");
    }

    @Test
    void shouldReportUnknownFieldBeforeMissingOnes() {
        readingYaml("Tasks:\n  - Engine: {Type: docker, Params: {Imag: alpine}}\n")
                .hasMessageStartingWith("Tasks[0].Engine.Params.Imag: unknown field (known: Image, ");
    }

    @Test
    void shouldRejectWrongValueTypes() {
        failsWith("Count: three\n" + DOCKER_TASK, "Count", "Count: expected an integer (got \"three\")");
        failsWith("Count: 1.5\n" + DOCKER_TASK, "Count", "Count: expected an integer (got 1.5)");
        failsWith("Name: [a]\n" + DOCKER_TASK, "Name", "Name: expected a string (got a list)");
        failsWith("Tasks: {Name: x}\n", "Tasks", "Tasks: expected a list (got an object)");
        failsWith(DOCKER_TASK + "    Timeouts: {ExecutionTimeout: 30s}\n",
                "Tasks[0].Timeouts.ExecutionTimeout", "Tasks[0].Timeouts.ExecutionTimeout: expected an integer (got \"30s\")");
        failsWith("Tasks:\n  - Engine: {Type: docker, Params: {Image: alpine, Entrypoint: /bin/sh}}\n",
                "Tasks[0].Engine.Params.Entrypoint", "Tasks[0].Engine.Params.Entrypoint: expected a list (got \"/bin/sh\")");
    }

    @Test
    void shouldNameLineAndColumnOfMalformedYaml() {
        readingYaml("Name: x\nTasks:\n  - Engine: {Type: docker\n").extracting("fieldPath").isEqualTo("");
        readingYaml("Name: x\nTasks:\n  - Engine: {Type: docker\n").hasMessageStartingWith("malformed YAML at line ");
    }

    @Test
    void shouldNameLineAndColumnOfMalformedJson() {
        assertThatThrownBy(() -> JobSpecs.readJson("{\n  \"Name\": \"x\",\n  \"Tasks\": [}\n"))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageStartingWith("malformed JSON at line 3, column 13: ");
    }

    @Test
    void shouldRejectDuplicateKeys() {
        readingYaml("Name: a\nName: b\n" + DOCKER_TASK).hasMessageContaining("Duplicate field 'Name'");
        failsWith("Name: a\nname: b\n" + DOCKER_TASK, "name", "name: duplicate field (also given as Name)");
    }

    @Test
    void shouldSupportExactlyOneTask() {
        failsWith("Tasks:\n  - Engine: {Type: docker, Params: {Image: a}}\n  - Engine: {Type: docker, Params: {Image: b}}\n",
                "Tasks", "Tasks: exactly one task is supported (got 2)");
        failsWith("Name: nothing to do\n", "Tasks", "Tasks: exactly one task is supported (got 0)");
    }

    @Test
    void shouldRejectEmptyAndNonObjectDocuments() {
        failsWith("", "", "empty spec; expected a job object with Tasks");
        failsWith("- a\n- b\n", "", "expected an object (got a list)");
    }

    @Test
    void shouldRejectUnsupportedJobTypesEnginesPublishersAndNetworks() {
        failsWith("Type: daemon\n" + DOCKER_TASK, "Type", "Type: unsupported job type 'daemon' (supported: batch, ops)");
        failsWith("Type: Batch\n" + DOCKER_TASK, "Type", "Type: unknown job type 'Batch' (supported: batch, ops)");
        failsWith("Tasks:\n  - Engine: {Type: noop}\n",
                "Tasks[0].Engine.Type", "Tasks[0].Engine.Type: unsupported type 'noop' (supported: docker, wasm, function)");
        failsWith(DOCKER_TASK + "    Publisher: {Type: s3}\n",
                "Tasks[0].Publisher.Type", "Tasks[0].Publisher.Type: unsupported type 's3' (supported: ipfs, local)");
        failsWith(DOCKER_TASK + "    Network: {Type: Bridge}\n", "Tasks[0].Network.Type",
                "Tasks[0].Network.Type: unsupported network type 'Bridge' (supported: None, Host, Full, HTTP, Default)");
        failsWith(DOCKER_TASK + "    Network: {Type: HTTP, Domains: [example.org]}\n", "Tasks[0].Network.Domains",
                "Tasks[0].Network.Domains: unsupported (network domains are not implemented)");
    }

    @Test
    void shouldRejectTaskMetaUnlessEmptyAndNonIntegerPriority() {
        failsWith("Priority: high\n" + DOCKER_TASK, "Priority", "Priority: expected an integer (got \"high\")");
        failsWith(DOCKER_TASK + "    Meta: {a: b}\n", "Tasks[0].Meta",
                "Tasks[0].Meta: unsupported (task metadata is not kept; use the job's Meta)");
    }

    @Test
    void shouldNameTheMissingInputForAModuleGivenAsTarget() {
        failsWith("""
                Tasks:
                  - Engine: {Type: wasm, Params: {EntryModule: main.wasm}}
                    InputSources:
                      - Source: {Type: ipfs, Params: {CID: bafy}}
                        Target: /other.wasm
                """, "Tasks[0].Engine.Params.EntryModule",
                "Tasks[0].Engine.Params.EntryModule: no input has Target \"main.wasm\" "
                        + "(a module given as a string names the Target of one of Tasks[0].InputSources)");
        failsWith("Tasks:\n  - Engine: {Type: wasm, Params: {}}\n", "Tasks[0].Engine.Params.EntryModule",
                "Tasks[0].Engine.Params.EntryModule: missing; give an InputSource object, "
                        + "or the Target of one of Tasks[0].InputSources");
    }

    @Test
    void shouldListOperatorsWhenTheConstraintOperatorIsUnknown() {
        failsWith("Constraints: [{Key: a, Operator: '~=', Values: [b]}]\n" + DOCKER_TASK, "Constraints[0].Operator",
                "Constraints[0].Operator: unknown operator \"~=\" (supported: =, !=, in, notin, exists, !, gt, lt)");
    }

    @Test
    void shouldPrefixPathsWithJobInsideADescribeDocument() {
        failsWith("Job:\n  Count: x\n  Tasks: []\n", "Job.Count", "Job.Count: expected an integer (got \"x\")");
    }

    /** Found by JobSpecFuzzTest#readJson (scripts/fuzz.sh): the error named no field at all. */
    @Test
    void shouldNameAnEmptyFieldNameAsQuotesWhenItIsUnknown() {
        assertThatThrownBy(() -> JobSpecs.readJson("{\"\": \"default\", \"Tasks\": []}"))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageStartingWith("\"\": unknown field (known: ")
                .extracting("fieldPath").isEqualTo("\"\"");
    }

    /** Found while writing JobSpecFuzzTest: printing 1e1000000000 as text ran out of memory. */
    @Test
    void shouldRefuseANumberWhosePlainTextIsTooLongInsteadOfRunningOutOfMemory() {
        failsWith(DOCKER_TASK + "Name: 1e1000000000\n", "Name",
                "Name: number too long to read as text (got 1E+1000000000; at most 1000 digits)");
        readingYaml(DOCKER_TASK + "Labels: {a: -1.5e-999999}\n").extracting("fieldPath").isEqualTo("Labels.a");
    }

    /** Found by JobSpecFuzzTest#readJson (scripts/fuzz.sh): Jackson's NumberFormatException escaped. */
    @Test
    void shouldCallANumberBeyondBigDecimalMalformedJsonInsteadOfThrowingNumberFormatException() {
        assertThatThrownBy(() -> JobSpecs.readJson("{\"Name\": 1e9999000000000, \"Tasks\": []}"))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageStartingWith("malformed JSON: a number is out of range (")
                .extracting("fieldPath").isEqualTo("");
    }

    @Test
    void shouldReadANumberOfAThousandDigitsAsItsText() {
        assertThat(JobSpecs.readYaml(DOCKER_TASK + "Name: 1e999\n").name()).isEqualTo("1" + "0".repeat(999));
    }
}
