package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Jazzer targets for the job spec reader. In the normal suite they replay the committed inputs in
 * {@code src/test/resources/dev/bacalhau4j/api/JobSpecFuzzTestInputs/<method>/} (regression mode);
 * {@code scripts/fuzz.sh} fuzzes them. The contract: a spec either reads as a job that writes back
 * and reads again as the same job, with stable text; or it fails with an {@link InvalidJobException}
 * whose field path names the field at fault (empty only for a document that is malformed, empty or
 * not an object).
 * Anything else (NullPointerException, ClassCastException, StackOverflowError, OutOfMemoryError, ...)
 * fails the target.
 */
class JobSpecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readYaml(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8), JobSpecs::readYaml);
    }

    @FuzzTest(maxDuration = "60s")
    void readJson(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8), JobSpecs::readJson);
    }

    private static void check(String text, Function<String, Job> reader) {
        Job job;
        try {
            job = reader.apply(text);
        } catch (InvalidJobException e) {
            assertNamesTheField(e);
            return;
        }
        String yaml = JobSpecs.toYaml(job);
        assertThat(JobSpecs.readYaml(yaml)).as("read(toYaml(job))").isEqualTo(job);
        assertThat(JobSpecs.toYaml(JobSpecs.readYaml(yaml))).as("toYaml is stable").isEqualTo(yaml);
        String json = JobSpecs.toJson(job);
        assertThat(JobSpecs.readJson(json)).as("read(toJson(job))").isEqualTo(job);
        assertThat(JobSpecs.toJson(JobSpecs.readJson(json))).as("toJson is stable").isEqualTo(json);
    }

    private static void assertNamesTheField(InvalidJobException e) {
        assertThat(e.reason()).as("reason of %s", e).isNotBlank();
        if (e.fieldPath().isEmpty()) {
            assertThat(e.reason()).as("a whole-document error").matches("(?s)(malformed (YAML|JSON)|empty spec|expected an object).*");
        } else {
            assertThat(e.getMessage()).startsWith(e.fieldPath() + ": ");
        }
    }
}
