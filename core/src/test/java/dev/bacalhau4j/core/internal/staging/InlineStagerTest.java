package dev.bacalhau4j.core.internal.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.core.internal.staging.inline.InlineStager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineStagerTest {
    @TempDir Path tmp;
    private final InlineStager stager = new InlineStager();

    private byte[] staged(String url, String target) throws Exception {
        Path file = stager.stage(new InputSource(new InlineSource(url), "", target), "Tasks[0].InputSources[0]", tmp);
        assertThat(file).startsWith(tmp);
        return Files.readAllBytes(file);
    }

    @Test
    void shouldDecodeBase64DataUrl() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 255};
        assertThat(staged(InlineSource.of(bytes).url(), "/inputs/blob.bin")).containsExactly(bytes);
    }

    @Test
    void shouldDecodePercentEncodedDataUrlAndPlainText() throws Exception {
        assertThat(staged("data:text/plain,hello%20world%0A", "/inputs/a.txt")).asString().isEqualTo("hello world\n");
        assertThat(staged("just text", "/inputs/b.txt")).asString().isEqualTo("just text");
    }

    @Test
    void shouldNameTheFieldWhenDataUrlIsMalformed() {
        assertThatThrownBy(() -> staged("data:;base64,@@@", "/x"))
                .isInstanceOf(StagingException.class)
                .hasMessageStartingWith("Tasks[0].InputSources[0].Source.Params.URL: malformed data URL");
        assertThatThrownBy(() -> staged("data:text/plain;base64", "/x")).hasMessageContaining("no ','");
    }
}
