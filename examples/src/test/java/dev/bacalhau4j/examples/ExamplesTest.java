package dev.bacalhau4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example programs the README runs, run here as a user would, on the shipped sample texts. */
class ExamplesTest {
    private static final Path TEXTS = Path.of("data/wordcount").toAbsolutePath();

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCountWordsOnAnEmbeddedNodeAndDownloadTheOutputs() throws Exception {
        int exit = WordCountExample.run(new String[] {TEXTS.toString(), tmp.resolve("node").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out() + err).isZero();
        assertThat(out()).contains("as Qm", ": COMPLETED, exit code 0", "664 6414 34903 total", "Outputs: ipfs://Qm",
                "  wordcount.txt  (", "  words.tsv  (");
        assertThat(tmp.resolve("node/downloads")).isDirectory();
    }

    @Test
    void shouldVerifyTheWordCountAcrossThreeComputeNodes() throws Exception {
        int exit = VerifiedRunExample.run(new String[] {TEXTS.toString(), tmp.resolve("work").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out() + err).isZero();
        assertThat(out()).contains("Verified: true", "Accepted: ipfs://", "Word count: 664 6414 34903 total");
        assertThat(out().lines().filter(l -> l.matches("  n-\\S+  COMPLETED  ipfs://\\S+"))).hasSize(3);
    }
}
