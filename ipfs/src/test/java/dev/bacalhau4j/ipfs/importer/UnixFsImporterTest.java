package dev.bacalhau4j.ipfs.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.block.DiscardingBlockstore;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixFsImporterTest {
    private static final ImportProfile SMALL_V0 = new ImportProfile("small-v0", 0, false, 100, 3,
            ImportProfile.DEFAULT_HAMT_THRESHOLD_BYTES, ImportProfile.HamtSizeEstimate.LINK_BYTES);

    @TempDir
    Path dir;

    @Test
    void shouldStoreEveryBlockWhenImportingMultiLevelFile() throws IOException {
        MemoryBlockstore store = new MemoryBlockstore();
        byte[] data = XorShiftInputStream.bytes(2_000, 5);
        for (ImportProfile profile : List.of(SMALL_V0, new ImportProfile("small-raw", 1, true, 100, 3, 1,
                ImportProfile.HamtSizeEstimate.BLOCK_BYTES))) {
            ImportedEntry root = new UnixFsImporter(store, profile).addBytes(data);
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            long tsize = readFile(store, root.cid(), read);
            assertThat(read.toByteArray()).isEqualTo(data);
            assertThat(tsize).isEqualTo(root.tsize());
        }
    }

    @Test
    void shouldEncodeLeafLikeGenericEncoderWhenWritingInOnePass() {
        for (int n : new int[] {0, 1, 127, 128, 300}) {
            byte[] chunk = XorShiftInputStream.bytes(n, 3);
            byte[] generic = DagPb.encode(new PbNode(List.of(), UnixFsData.file(chunk, n, List.of()).encode()));
            assertThat(FileDag.encodeFileLeaf(chunk, n)).as("n=%d", n).isEqualTo(generic);
        }
    }

    @Test
    void shouldGiveSameRootWhenFileIsStreamedOrReadFromPath() throws IOException {
        Path file = dir.resolve("data.bin");
        Files.write(file, XorShiftInputStream.bytes(1_000_003, 11));
        UnixFsImporter importer = new UnixFsImporter(new DiscardingBlockstore(), ImportProfile.KUBO_V1_RAW);
        ImportedEntry fromPath = importer.addFile(file);
        assertThat(importer.addFile(new XorShiftInputStream(1_000_003, 11))).isEqualTo(fromPath);
        assertThat(importer.addTree(file)).isEqualTo(fromPath);
        assertThat(fromPath.size()).isEqualTo(1_000_003);
    }

    @Test
    void shouldComposeSameDirectoryWhenEntriesWereImportedSeparately() throws IOException {
        Files.createDirectories(dir.resolve("outputs/sub"));
        Files.writeString(dir.resolve("outputs/sub/result.csv"), "a,b\n1,2\n");
        Files.writeString(dir.resolve("stdout"), "hello\n");
        Files.writeString(dir.resolve("exitCode"), "0");
        UnixFsImporter importer = new UnixFsImporter(new MemoryBlockstore());
        TreeMap<String, ImportedEntry> entries = new TreeMap<>();
        entries.put("outputs", importer.addTree(dir.resolve("outputs")));
        entries.put("stdout", importer.addBytes("hello\n".getBytes(StandardCharsets.UTF_8)));
        entries.put("exitCode", importer.addBytes("0".getBytes(StandardCharsets.UTF_8)));
        ImportedEntry composed = importer.addDirectory(entries);
        assertThat(composed).isEqualTo(importer.addTree(dir));
        assertThat(composed.directory()).isTrue();
        assertThat(composed.size()).isEqualTo(8 + 6 + 1);
    }

    @Test
    void shouldStoreSymlinksAsLinkNodesWithoutFollowingThem() throws IOException {
        Files.createDirectories(dir.resolve("tree"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "do not publish me");
        Path link = Files.createSymbolicLink(dir.resolve("tree/link"), secret);
        MemoryBlockstore store = new MemoryBlockstore();
        UnixFsImporter importer = new UnixFsImporter(store);
        ImportedEntry tree = importer.addTree(dir.resolve("tree"));
        PbLink entry = DagPb.decode(store.get(tree.cid()).orElseThrow()).links().get(0);
        assertThat(entry.name()).isEqualTo("link");
        UnixFsData node = UnixFsData.decode(DagPb.decode(store.get(entry.hash()).orElseThrow()).data());
        assertThat(node.type()).isEqualTo(UnixFsType.SYMLINK);
        assertThat(new String(node.data(), StandardCharsets.UTF_8)).isEqualTo(secret.toString());
        assertThat(store.cids().count()).isEqualTo(2);   // the directory and the link node, not the target's bytes
        assertThatThrownBy(() -> importer.addFile(link)).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> importer.addFile(dir)).hasMessageContaining("a directory (use addTree)");
    }

    @Test
    void shouldRefuseNameWhenItIsNotASingleEntryName() throws IOException {
        UnixFsImporter importer = new UnixFsImporter(new MemoryBlockstore());
        ImportedEntry file = importer.addBytes(new byte[] {1});
        for (String bad : List.of("", ".", "..", "a/b")) {
            TreeMap<String, ImportedEntry> entries = new TreeMap<>();
            entries.put(bad, file);
            assertThatThrownBy(() -> importer.addDirectory(entries)).as("name \"%s\"", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("directory entry name");
        }
    }

    @Test
    void shouldNamePathWhenFileIsMissing() {
        Path missing = dir.resolve("missing.bin");
        assertThatThrownBy(() -> new UnixFsImporter(new MemoryBlockstore()).addTree(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldGiveEmptyDirectoryWhenTreeIsEmpty() throws IOException {
        ImportedEntry empty = new UnixFsImporter(new MemoryBlockstore()).addTree(dir);
        assertThat(empty.cid()).hasToString("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
        assertThat(empty).isEqualTo(new UnixFsImporter(new MemoryBlockstore()).addDirectory(new TreeMap<>()));
    }

    /** Reads a UnixFS file DAG back in order; returns the encoded size of the DAG. */
    private static long readFile(MemoryBlockstore store, Cid cid, ByteArrayOutputStream out) throws IOException {
        byte[] block = store.get(cid).orElseThrow();
        if (cid.codec() == Multicodec.RAW) {
            out.writeBytes(block);
            return block.length;
        }
        PbNode node = DagPb.decode(block);
        UnixFsData data = UnixFsData.decode(node.data());
        assertThat(data.type()).isEqualTo(UnixFsType.FILE);
        if (data.data() != null) {
            out.writeBytes(data.data());
        }
        long tsize = block.length;
        for (int i = 0; i < node.links().size(); i++) {
            PbLink link = node.links().get(i);
            int before = out.size();
            long childTsize = readFile(store, link.hash(), out);
            assertThat(link.tsize()).isEqualTo(childTsize);
            assertThat(data.blocksizes().get(i)).isEqualTo(out.size() - before);
            tsize += childTsize;
        }
        return tsize;
    }
}
