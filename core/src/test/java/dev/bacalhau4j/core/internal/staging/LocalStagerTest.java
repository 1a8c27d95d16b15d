package dev.bacalhau4j.core.internal.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.core.internal.staging.local.LocalStager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStagerTest {
    @TempDir Path tmp;

    private Path stage(LocalStager stager, String path) throws Exception {
        return stager.stage(new InputSource(new LocalSource(path, false), "", "/inputs"),
                "Tasks[0].InputSources[0]", tmp);
    }

    @Test
    void shouldServeAllowedDirectoryInPlace() throws Exception {
        Path allowed = Files.createDirectories(tmp.resolve("allowed/data"));
        Files.writeString(allowed.resolve("a.txt"), "a");
        LocalStager stager = new LocalStager(List.of(tmp.resolve("allowed")));

        assertThat(stage(stager, allowed.toString())).isEqualTo(allowed.toRealPath());
    }

    @Test
    void shouldRefusePathOutsideAllowList() throws Exception {
        Files.createDirectories(tmp.resolve("allowed"));
        Path secret = Files.createDirectories(tmp.resolve("secret"));
        LocalStager stager = new LocalStager(List.of(tmp.resolve("allowed")));

        assertThatThrownBy(() -> stage(stager, secret.toString()))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("Tasks[0].InputSources[0].Source.Params.SourcePath")
                .hasMessageContaining("is not under an allowed local path");
    }

    @Test
    void shouldRefuseDotDotEvenWhenItLandsInsideAllowList() throws Exception {
        Path allowed = Files.createDirectories(tmp.resolve("allowed/sub"));
        LocalStager stager = new LocalStager(List.of(tmp.resolve("allowed")));

        assertThatThrownBy(() -> stage(stager, allowed + "/../sub"))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("'..' is not allowed");
    }

    @Test
    void shouldRefuseSymlinkPointingOutOfAllowList() throws Exception {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path secret = Files.createDirectories(tmp.resolve("secret"));
        Path link = Files.createSymbolicLink(allowed.resolve("link"), secret);
        LocalStager stager = new LocalStager(List.of(allowed));

        assertThatThrownBy(() -> stage(stager, link.toString()))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("resolves to " + secret.toRealPath());
    }

    @Test
    void shouldRefuseWhenNoPathIsAllowed() {
        LocalStager stager = new LocalStager(List.of());

        assertThatThrownBy(() -> stage(stager, tmp.toString()))
                .hasMessageContaining("local inputs are disabled on this node");
    }

    @Test
    void shouldRefuseReadWriteAndRelativeAndMissingPaths() throws Exception {
        LocalStager stager = new LocalStager(List.of(tmp));

        assertThatThrownBy(() -> stager.stage(new InputSource(new LocalSource(tmp.toString(), true), "", "/in"),
                "Tasks[0].InputSources[2]", tmp))
                .hasMessageStartingWith("Tasks[0].InputSources[2].Source.Params.ReadWrite:");
        assertThatThrownBy(() -> stage(stager, "relative/dir")).hasMessageContaining("must be an absolute path");
        assertThatThrownBy(() -> stage(stager, tmp + "/missing")).hasMessageContaining("no such file or directory");
    }
}
