package dev.bacalhau4j.ipfs.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.exporter.DirEntry;
import dev.bacalhau4j.ipfs.exporter.Exporter;
import dev.bacalhau4j.ipfs.fs.UnixFsFileSystem;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import dev.bacalhau4j.ipfs.importer.ImportedEntry;
import dev.bacalhau4j.ipfs.importer.UnixFsImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the importer writes, the exporter and the FileSystem read back, for every profile. */
class ImportExportRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"unixfs-v0-2015", "kubo-v1-raw", "unixfs-v1-2025"})
    void shouldReadBackAShardedDirectoryByNameThroughTheExporterAndTheFileSystem(String profile) throws IOException {
        MemoryBlockstore store = new MemoryBlockstore();
        UnixFsImporter importer = new UnixFsImporter(store, ImportProfile.named(profile));
        TreeMap<String, ImportedEntry> entries = new TreeMap<>();
        for (int i = 0; i < 8000; i++) {
            entries.put("entry-" + i + ".txt", importer.addBytes(("content " + i).getBytes(StandardCharsets.UTF_8)));
        }
        ImportedEntry root = importer.addDirectory(entries);
        Exporter exporter = new Exporter(store);
        assertThat(exporter.stat(root.cid()).sharded()).isTrue();
        for (int i : new int[] {0, 1, 777, 7999}) {
            var resolved = exporter.resolve(root.cid(), "entry-" + i + ".txt");
            assertThat(resolved.cid()).isEqualTo(entries.get("entry-" + i + ".txt").cid());
        }
        List<DirEntry> listed = exporter.list(root.cid());
        assertThat(listed).hasSize(8000);
        try (UnixFsFileSystem fs = UnixFsFileSystem.open(store)) {
            assertThat(Files.readString(fs.getPath(root.cid(), "entry-4242.txt"))).isEqualTo("content 4242");
            try (Stream<Path> files = Files.list(fs.getPath(root.cid()))) {
                assertThat(files.count()).isEqualTo(8000);
            }
        }
    }

    @Test
    void shouldGetBackTheTreeThatWasAdded() throws IOException {
        Path source = Files.createDirectories(dir.resolve("source/nested/deeper"));
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("source/big.bin"), big);
        Files.writeString(dir.resolve("source/nested/a.txt"), "a");
        Files.createDirectories(dir.resolve("source/empty"));
        MemoryBlockstore store = new MemoryBlockstore();
        ImportedEntry root = new UnixFsImporter(store, ImportProfile.KUBO_V1_RAW).addTree(dir.resolve("source"));
        Path out = dir.resolve("out");
        new Exporter(store).get(root.cid(), out);
        assertThat(Files.readAllBytes(out.resolve("big.bin"))).isEqualTo(big);
        assertThat(Files.readString(out.resolve("nested/a.txt"))).isEqualTo("a");
        assertThat(out.resolve("empty")).isEmptyDirectory();
        assertThat(out.resolve("nested/deeper")).isEmptyDirectory();
        assertThat(source).exists();
        assertThat(new UnixFsImporter(new MemoryBlockstore(), ImportProfile.KUBO_V1_RAW).addTree(out)).isEqualTo(root);
    }
}
