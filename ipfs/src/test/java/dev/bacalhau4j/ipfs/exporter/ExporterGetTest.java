package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterGetTest {
    private final MemoryBlockstore store = new MemoryBlockstore();
    private final Dags dags = new Dags(store);
    private final Exporter exporter = new Exporter(store);

    @TempDir
    Path tmp;

    private List<String> tree(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void shouldWriteATreeWithFilesDirectoriesShardsAndSymlinks() throws Exception {
        byte[] big = new byte[5_000];
        new java.util.Random(7).nextBytes(big);
        Map<String, Cid> shardEntries = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            shardEntries.put("s" + i, dags.text("shard entry " + i));
        }
        Cid root = dags.dir(Map.of(
                "a.txt", dags.text("alpha"),
                "big.bin", new Dags(store).v1().rawLeaves().file(big, 512, 3),
                "empty", dags.dir(Map.of()),
                "link", dags.symlink("a.txt"),
                "raw", dags.putRaw(new byte[] {1, 2}),
                "sharded", dags.hamt(shardEntries, 16)));
        Path out = tmp.resolve("out");
        exporter.get(root, out);
        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("alpha");
        assertThat(Files.readAllBytes(out.resolve("big.bin"))).isEqualTo(big);
        assertThat(out.resolve("empty")).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(out.resolve("link"))).isTrue();
        assertThat(Files.readSymbolicLink(out.resolve("link"))).hasToString("a.txt");
        assertThat(Files.readAllBytes(out.resolve("raw"))).containsExactly(1, 2);
        assertThat(Files.readString(out.resolve("sharded/s17"))).isEqualTo("shard entry 17");
        assertThat(tree(out.resolve("sharded"))).hasSize(41);
        assertThat(tree(tmp)).allMatch(p -> !p.contains(".partial-"));
    }

    @Test
    void shouldWriteASingleFileWhenTheCidIsAFile() throws Exception {
        Cid file = dags.text("just a file");
        exporter.get(file, tmp.resolve("f.txt"));
        assertThat(tmp.resolve("f.txt")).hasContent("just a file");
    }

    @Test
    void shouldRefuseAnExistingTarget() throws Exception {
        Files.createDirectory(tmp.resolve("there"));
        assertThatThrownBy(() -> exporter.get(dags.dir(Map.of()), tmp.resolve("there")))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void shouldRefuseUnsafeNamesAndLeaveNothingWhenTheDagIsHostile() throws Exception {
        Cid payload = dags.text("pwned");
        for (String name : List.of("..", ".", "", "../escape", "a/b", "nul\0name")) {
            Cid evil = dags.rawDir(List.of(PbLink.of(dags.text("fine"), "0-fine", 1), PbLink.of(payload, name, 1)));
            Cid root = dags.dir(Map.of("inner", evil));
            Path out = tmp.resolve("out");
            assertThatThrownBy(() -> exporter.get(root, out)).as(name).isInstanceOf(CorruptDagException.class)
                    .hasMessageContaining("unsafe entry name").hasMessageContaining(evil.toString())
                    .hasMessageContaining(root + "/inner");
            assertThat(tree(tmp)).as(name).containsExactly("");
        }
        Cid twice = dags.rawDir(List.of(PbLink.of(payload, "x", 1), PbLink.of(payload, "x", 1)));
        assertThatThrownBy(() -> exporter.get(twice, tmp.resolve("out"))).hasMessageContaining("two entries named \"x\"");
        assertThat(tree(tmp)).containsExactly("");
    }

    @Test
    void shouldLeaveNothingWhenABlockIsMissingHalfway() throws Exception {
        Cid missing = Cid.raw("not stored".getBytes(StandardCharsets.UTF_8));
        Cid root = dags.dir(Map.of("a", dags.text("a"), "b", missing, "c", dags.text("c")));
        assertThatThrownBy(() -> exporter.get(root, tmp.resolve("out")))
                .isInstanceOfSatisfying(BlockNotFoundException.class, e -> assertThat(e.cid()).isEqualTo(missing));
        assertThat(tree(tmp)).containsExactly("");
    }
}
