package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in check against real Bacalhau job specs, which this repository does not copy: point
 * {@code -Dbacalhau.specs=DIR} at a directory of them (for example Bacalhau's {@code testdata/jobs}
 * and {@code test_integration/common_assets/job_specs}). Every file must either load and round-trip,
 * or fail with a path-naming {@link InvalidJobException} for a feature this library does not
 * support (other engines, publishers and sources, daemon/service jobs, empty specs).
 */
@EnabledIfSystemProperty(named = "bacalhau.specs", matches = ".+")
class BacalhauSpecCorpusTest {

    @Test
    void shouldLoadEverySupportedSpecAndExplainTheRest() throws IOException {
        List<String> report = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("bacalhau.specs")))) {
            for (Path file : files.sorted().toList()) {
                try {
                    Job job = JobSpecs.read(file);
                    if (!JobSpecs.readYaml(JobSpecs.toYaml(job)).equals(job)) {
                        unexpected.add(file + ": does not round-trip");
                    }
                    report.add("ok       " + file.getFileName());
                } catch (InvalidJobException e) {
                    String m = e.getMessage();
                    if (!(m.contains("unsupported") || m.contains("empty spec") || m.contains("exactly one task"))) {
                        unexpected.add(file + ": " + m);
                    }
                    report.add("refused  " + file.getFileName() + ": " + m);
                }
            }
        }
        report.forEach(System.out::println);
        assertThat(unexpected).isEmpty();
        assertThat(report).anyMatch(line -> line.startsWith("ok"));
    }
}
