package dev.bacalhau4j.core.internal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.core.internal.publish.local.LocalPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPublisherTest {
    @TempDir Path tmp;

    @Test
    void shouldLayOutResultsAsBacalhauDoes() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("scratch/0/nested"));
        Files.writeString(out.resolve("r.txt"), "result");
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("outputs", tmp.resolve("scratch/0"));

        PublishedResult published = new LocalPublisher(tmp.resolve("results")).publish(
                new PublishRequest("j-1", "e-1", outputs, "out".getBytes(), "err".getBytes(), 3));

        Path dir = Path.of(published.location());
        assertThat(dir).isEqualTo(tmp.resolve("results/j-1/e-1"));
        assertThat(dir.resolve("outputs/nested/r.txt")).hasContent("result");
        assertThat(dir.resolve("stdout")).hasContent("out");
        assertThat(dir.resolve("stderr")).hasContent("err");
        assertThat(dir.resolve("exitCode")).hasContent("3");
        try (var siblings = Files.list(tmp.resolve("results/j-1"))) {
            assertThat(siblings).containsExactly(dir); // no leftover staging directory
        }
    }
}
