package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md must hold every command's {@code --help} text verbatim. Run with
 * {@code -Dbacalhau4j.regenerateCliDoc=true} to rewrite the file instead of checking it.
 */
class CliReferenceTest {
    // surefire runs in the examples module's directory
    private static final Path CLI_DOC = Path.of("..", "docs", "cli.md").toAbsolutePath().normalize();

    @Test
    void shouldHaveEveryCommandsUsageInDocsCliMd() throws IOException {
        if (Boolean.getBoolean(CliReference.REGENERATE_PROPERTY)) {
            Files.writeString(CLI_DOC, CliReference.markdown(), StandardCharsets.UTF_8);
        }
        assertThat(CLI_DOC).as("%s is missing; create it with: %s", CLI_DOC, CliReference.REGENERATE).isRegularFile();
        String doc = Files.readString(CLI_DOC, StandardCharsets.UTF_8).replace("\r\n", "\n");

        for (CommandLine command : CliReference.commands()) {
            assertThat(doc)
                    .as("%s does not hold the current --help of '%s'; regenerate it with: %s",
                            CLI_DOC, CliReference.name(command), CliReference.REGENERATE)
                    .contains(CliReference.section(command));
        }
        assertThat(doc)
                .as("%s differs from what %s renders (a command removed or renamed, or the file edited by hand);"
                        + " regenerate it with: %s", CLI_DOC, CliReference.class.getSimpleName(), CliReference.REGENERATE)
                .isEqualTo(CliReference.markdown());
    }

    @Test
    void shouldListEveryCommandOfTheTool() {
        assertThat(CliReference.commands()).extracting(CliReference::name)
                .contains("bacalhau4j", "bacalhau4j wasm run", "bacalhau4j function run", "bacalhau4j docker run",
                        "bacalhau4j job run", "bacalhau4j job get", "bacalhau4j ipfs car export", "bacalhau4j serve")
                .doesNotHaveDuplicates()
                .noneMatch(name -> name.endsWith(" help"));
    }
}
