package dev.bacalhau4j.ipfs.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.block.DiscardingBlockstore;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The importer against root CIDs and Tsizes from the JS reference importer (and, for the Kubo
 * default profile, Debian's {@code ipfs_cid}): see {@code src/test/vectors/make-vectors.sh}.
 */
class UnixFsVectorsTest {

    @TempDir
    static Path trees;

    static Stream<Arguments> files() {
        return Vectors.rows("file").stream().map(r -> Arguments.of(r[0], Long.parseLong(r[1]), Integer.parseInt(r[2]), r[3],
                Long.parseLong(r[4])));
    }

    @ParameterizedTest(name = "{0} size={1}")
    @MethodSource("files")
    void shouldGiveReferenceRootWhenImportingGeneratedFile(String profile, long size, int seed, String cid, long tsize)
            throws IOException {
        DiscardingBlockstore store = new DiscardingBlockstore();
        ImportedEntry root = new UnixFsImporter(store, Vectors.profile(profile)).addFile(new XorShiftInputStream(size, seed));
        assertThat(root.cid()).hasToString(cid);
        assertThat(root.tsize()).isEqualTo(tsize);
        assertThat(root.size()).isEqualTo(size);
        assertThat(root.directory()).isFalse();
        assertThat(store.largestBlock()).isLessThanOrEqualTo(Vectors.profile(profile).chunkSize() + 64 * 1024);
    }

    static Stream<Arguments> texts() {
        return Vectors.rows("text").stream().map(r -> Arguments.of(r[0], r[1], r[2], Long.parseLong(r[3])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("texts")
    void shouldGiveReferenceRootWhenImportingText(String profile, String hex, String cid, long tsize) throws IOException {
        ImportedEntry root = new UnixFsImporter(new MemoryBlockstore(), Vectors.profile(profile))
                .addBytes(HexFormat.of().parseHex(hex));
        assertThat(root.cid()).hasToString(cid);
        assertThat(root.tsize()).isEqualTo(tsize);
    }

    static Stream<Arguments> trees() {
        return Vectors.rows("tree").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], Long.parseLong(r[4])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("trees")
    void shouldGiveReferenceRootWhenComposingTreeInMemory(String profile, String name, String spec, String cid, long tsize)
            throws IOException {
        UnixFsImporter importer = new UnixFsImporter(new DiscardingBlockstore(), Vectors.profile(profile));
        ImportedEntry root = importInMemory(importer, spec);
        assertThat(root.cid()).hasToString(cid);
        assertThat(root.tsize()).isEqualTo(tsize);
        assertThat(root.directory()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("trees")
    void shouldGiveReferenceRootWhenImportingTreeFromDisk(String profile, String name, String spec, String cid, long tsize)
            throws IOException {
        Path root = trees.resolve(name);
        if (!Files.exists(root)) {
            write(root, spec);
        }
        ImportedEntry entry = new UnixFsImporter(new DiscardingBlockstore(), Vectors.profile(profile)).addTree(root);
        assertThat(entry.cid()).hasToString(cid);
        assertThat(entry.tsize()).isEqualTo(tsize);
    }

    @Test
    void shouldCoverEveryProfileAndHamtWhenVectorsAreRead() {
        assertThat(Vectors.rows("file").stream().map(r -> r[0]))
                .contains("unixfs-v0-2015", "kubo-v1-raw", "unixfs-v1-2025");
        assertThat(Vectors.rows("tree").stream().map(r -> r[1])).contains("hamt", "hamt-nested", "at-threshold");
    }

    private static void write(Path root, String spec) throws IOException {
        Files.createDirectories(root);
        for (Vectors.TreeItem item : Vectors.expand(spec)) {
            Path path = root.resolve(item.path());
            if (item.isDirectory()) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                try (InputStream in = new XorShiftInputStream(item.size(), item.seed())) {
                    Files.copy(in, path);
                }
            }
        }
    }

    /** Imports each file with addBytes and composes the directories with addDirectory, deepest first. */
    private static ImportedEntry importInMemory(UnixFsImporter importer, String spec) throws IOException {
        Map<String, Object> tree = new TreeMap<>();
        for (Vectors.TreeItem item : Vectors.expand(spec)) {
            String[] parts = item.path().split("/");
            Map<String, Object> dir = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                dir = subdirectory(dir, parts[i]);
            }
            String last = parts[parts.length - 1];
            if (item.isDirectory()) {
                subdirectory(dir, last);
            } else {
                dir.put(last, importer.addBytes(XorShiftInputStream.bytes(item.size(), item.seed())));
            }
        }
        return compose(importer, tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subdirectory(Map<String, Object> dir, String name) {
        return (Map<String, Object>) dir.computeIfAbsent(name, n -> new TreeMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static ImportedEntry compose(UnixFsImporter importer, Map<String, Object> dir) throws IOException {
        SortedMap<String, ImportedEntry> entries = new TreeMap<>();
        for (Map.Entry<String, Object> e : dir.entrySet()) {
            entries.put(e.getKey(), e.getValue() instanceof ImportedEntry file ? file
                    : compose(importer, (Map<String, Object>) e.getValue()));
        }
        return importer.addDirectory(entries);
    }

}
