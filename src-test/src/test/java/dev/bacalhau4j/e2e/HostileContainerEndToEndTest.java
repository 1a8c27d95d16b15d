package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.exporter.DirEntry;
import dev.bacalhau4j.ipfs.exporter.EntryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container that plants symbolic links to host paths in its outputs: the node publishes the links
 * as links (UnixFS symlink nodes), never the host files or trees they name, and leaves no container.
 */
class HostileContainerEndToEndTest {
    @TempDir Path tmp;

    @Test
    void shouldPublishSymlinksToHostPathsAsLinksWithoutFollowingThem() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "host secret");
        try (ContainerSupport engine = ContainerSupport.require();
                Bacalhau node = Bacalhau.builder().directory(tmp.resolve("node")).build()) {
            JobResult result = node.run(DockerJobs.sh(engine.image(),
                    "ln -s " + secret + " /outputs/secret && ln -s / /outputs/root && ln -s /etc/passwd /outputs/passwd"
                            + " && echo made").output("outputs", "/outputs").build());

            assertThat(result.state()).as(result.message() + " " + result.stderr()).isEqualTo(JobState.COMPLETED);
            String cid = DockerJobs.publishedCid(result);
            Map<String, DirEntry> entries = node.ipfs().ls(cid + "/outputs").stream()
                    .collect(Collectors.toMap(DirEntry::name, e -> e));
            assertThat(entries).containsOnlyKeys("secret", "root", "passwd");
            for (Map.Entry<String, String> link : Map.of("secret", secret.toString(), "root", "/",
                    "passwd", "/etc/passwd").entrySet()) {
                DirEntry entry = entries.get(link.getKey());
                assertThat(entry.type()).as(link.getKey()).isEqualTo(EntryType.SYMLINK);
                assertThat(node.ipfs().stat(entry.cid().toString()).symlinkTarget()).isEqualTo(link.getValue());
            }
            try (var stdout = node.ipfs().cat(cid + "/stdout")) {
                assertThat(new String(stdout.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("made\n");
            }
            assertThat(engine.containersOf(node.info().nodeId())).as("containers left by the node").isEmpty();
        }
    }
}
