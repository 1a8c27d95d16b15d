package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExporterTest {
    private final MemoryBlockstore memory = new MemoryBlockstore();
    private final CountingBlockstore store = new CountingBlockstore(memory);
    private final Dags dags = new Dags(store);
    private final Exporter exporter = new Exporter(store);

    private static byte[] bytes(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }

    private byte[] cat(Cid cid, long offset, long length) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = exporter.cat(cid, offset, length, out);
        assertThat(n).isEqualTo(out.size());
        return out.toByteArray();
    }

    @Test
    void shouldCatWholeFileWhenLeavesAreDagPbOrRaw() throws Exception {
        byte[] content = bytes(10_000, 1);
        Cid v0 = dags.file(content, 100, 7);
        Cid v1raw = new Dags(store).v1().rawLeaves().file(content, 333, 3);
        assertThat(v0.version()).isZero();
        assertThat(v1raw.version()).isOne();
        assertThat(cat(v0, 0, Long.MAX_VALUE)).isEqualTo(content);
        assertThat(cat(v1raw, 0, Long.MAX_VALUE)).isEqualTo(content);
        assertThat(exporter.stat(v0)).isEqualTo(new NodeStat(v0, EntryType.FILE, 10_000, false, null));
        try (InputStream in = exporter.cat(v1raw, 9_990, 100)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 9_990, 10_000));
        }
    }

    @Test
    void shouldReadOnlyTheBlocksOfTheRangeWhenCattingAnOffset() throws Exception {
        // 100 leaves of 100 bytes under 10 inner nodes under the root: depth 3
        byte[] content = bytes(10_000, 2);
        Cid root = dags.file(content, 100, 10);
        store.reset();
        assertThat(cat(root, 5_050, 100)).isEqualTo(Arrays.copyOfRange(content, 5_050, 5_150));
        // root, inner node 5, leaves 50 and 51
        assertThat(store.gets()).isEqualTo(4);

        store.reset();
        assertThat(cat(root, 9_999, 10)).containsExactly(content[9_999]);
        assertThat(store.gets()).isEqualTo(3);

        store.reset();
        assertThat(cat(root, 20_000, 10)).isEmpty();
        assertThat(store.gets()).isEqualTo(1);
    }

    @Test
    void shouldResolvePathsThroughPlainAndShardedDirectoriesAndReportTraversedBlocks() throws Exception {
        Cid hello = dags.text("hello\n");
        Map<String, Cid> many = new LinkedHashMap<>();
        for (int i = 0; i < 600; i++) {
            many.put("file-" + i + ".txt", dags.text("content " + i));
        }
        many.put("hello.txt", hello);
        Cid sharded = dags.hamt(many, 256);
        Cid sub = dags.dir(Map.of("big", sharded));
        Cid root = dags.dir(Map.of("sub", sub, "top.txt", dags.text("top")));

        Resolution r = exporter.resolve(root, "/sub/big/hello.txt");
        assertThat(r.cid()).isEqualTo(hello);
        assertThat(r.segments()).containsExactly("sub", "big", "hello.txt");
        assertThat(r.traversed()).startsWith(root, sub, sharded);
        // 601 names in 256 buckets: some lookups go through a sub-shard
        int deeper = 0;
        for (String name : many.keySet()) {
            Resolution each = exporter.resolve(sharded, name);
            assertThat(each.cid()).as(name).isEqualTo(many.get(name));
            assertThat(each.traversed().get(0)).isEqualTo(sharded);
            deeper += each.traversed().size() > 1 ? 1 : 0;
        }
        assertThat(deeper).isPositive();
        assertThat(exporter.resolve(root, "").cid()).isEqualTo(root);
        assertThat(exporter.stat(sharded).sharded()).isTrue();
    }

    @Test
    void shouldHashHamtNamesAsGoDoesWhenComparedWithIndependentMurmur3Vectors() {
        // h1 of murmur3 x64 128 (seed 0), big-endian, from Python's mmh3 5.3.0
        assertThat(HexFormat.of().formatHex(HamtShard.hash("hello"))).isEqualTo("cbd8a7b341bd9b02");
        assertThat(HexFormat.of().formatHex(HamtShard.hash("a"))).isEqualTo("85555565f6597889");
        assertThat(HexFormat.of().formatHex(HamtShard.hash("file-0042.txt"))).isEqualTo("4d75ae2198d1719f");
        assertThat(HexFormat.of().formatHex(HamtShard.hash("abcdefghijklmnopqrstuvwxyz")))
                .isEqualTo("749c9d7e516f4aa9");
        assertThat(HamtShard.bits(new byte[] {(byte) 255, 127, 79, 45, 116, 99, 35, 17}, 8, 8)).isEqualTo(127);
        assertThat(HamtShard.bits(new byte[] {(byte) 255, 127, 79, 45, 116, 99, 35, 17}, 17, 15)).isEqualTo(20269);
    }

    @Test
    void shouldNameTheMissingSegmentAndParentWhenAnEntryIsAbsent() throws Exception {
        Cid a = dags.dir(Map.of("x.txt", dags.text("x")));
        Cid root = dags.dir(Map.of("a", a));
        assertThatThrownBy(() -> exporter.resolve(root, "a/missing/more"))
                .isInstanceOfSatisfying(EntryNotFoundException.class, e -> {
                    assertThat(e.name()).isEqualTo("missing");
                    assertThat(e.parentPath()).isEqualTo(root + "/a");
                    assertThat(e.parent()).isEqualTo(a);
                })
                .hasMessageContaining("no entry \"missing\" in directory " + root + "/a (" + a + ")");
        Cid sharded = dags.hamt(Map.of("one", a), 256);
        assertThatThrownBy(() -> exporter.resolve(sharded, "two")).isInstanceOf(EntryNotFoundException.class);
    }

    @Test
    void shouldFailWhenAPathGoesThroughAFile() throws Exception {
        Cid file = dags.text("x");
        Cid root = dags.dir(Map.of("f", file));
        assertThatThrownBy(() -> exporter.resolve(root, "f/g"))
                .isInstanceOfSatisfying(NotADirectoryException.class, e -> assertThat(e.cid()).isEqualTo(file))
                .hasMessageContaining(root + "/f").hasMessageContaining("not a directory: " + file + " is a file");
        assertThatThrownBy(() -> exporter.list(file)).isInstanceOf(NotADirectoryException.class);
        assertThatThrownBy(() -> exporter.cat(root, 0, 1)).isInstanceOf(NotAFileException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void shouldReportSymlinksWithoutFollowingThem() throws Exception {
        Cid link = dags.symlink("../elsewhere");
        Cid root = dags.dir(Map.of("l", link));
        assertThat(exporter.resolve(root, "l").cid()).isEqualTo(link);
        assertThat(exporter.stat(link)).isEqualTo(new NodeStat(link, EntryType.SYMLINK, 12, false, "../elsewhere"));
        assertThatThrownBy(() -> exporter.resolve(root, "l/x/y"))
                .isInstanceOfSatisfying(SymlinkInPathException.class, e -> {
                    assertThat(e.linkSegments()).containsExactly("l");
                    assertThat(e.target()).isEqualTo("../elsewhere");
                    assertThat(e.remaining()).containsExactly("x", "y");
                })
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> exporter.cat(link, 0, 1)).isInstanceOf(NotAFileException.class);
    }

    @Test
    void shouldCarryTheMissingCidSoTheCallerCanFetchAndRetry() throws Exception {
        byte[] content = bytes(1_000, 3);
        Cid root = dags.file(content, 100, 4);
        List<Cid> all = memory.cids().toList();
        Cid victim = all.stream().filter(c -> !c.equals(root)).findFirst().orElseThrow();
        byte[] saved = memory.get(victim).orElseThrow();
        memory.delete(victim);
        BlockNotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(BlockNotFoundException.class,
                () -> cat(root, 0, Long.MAX_VALUE));
        assertThat(e.cid()).isEqualTo(victim);
        assertThat(e.getMessage()).contains(victim.toString()).contains(root.toString());
        memory.put(victim, saved);
        assertThat(cat(root, 0, Long.MAX_VALUE)).isEqualTo(content);
    }

    @Test
    void shouldReadARawCidAsAFileOfItsBlock() throws Exception {
        byte[] block = bytes(500, 4);
        Cid raw = dags.putRaw(block);
        store.reset();
        assertThat(exporter.stat(raw)).isEqualTo(new NodeStat(raw, EntryType.RAW, 500, false, null));
        assertThat(store.gets()).isZero();
        assertThat(cat(raw, 100, 50)).isEqualTo(Arrays.copyOfRange(block, 100, 150));
        assertThatThrownBy(() -> exporter.stat(Cid.raw(new byte[] {9})))
                .isInstanceOf(BlockNotFoundException.class);
    }

    @Test
    void shouldListEntriesInStoredOrderWithTypeAndSize() throws Exception {
        Cid file = dags.file(bytes(300, 5), 100, 2);
        Cid raw = dags.putRaw(new byte[] {1, 2, 3});
        Cid sub = dags.dir(Map.of());
        Cid link = dags.symlink("file");
        Cid root = dags.dir(Map.of("file", file, "raw", raw, "sub", sub, "link", link));
        assertThat(exporter.list(root)).containsExactly(
                new DirEntry("file", file, 300, EntryType.FILE),
                new DirEntry("link", link, 4, EntryType.SYMLINK),
                new DirEntry("raw", raw, 3, EntryType.RAW),
                new DirEntry("sub", sub, 0, EntryType.DIRECTORY));

        Map<String, Cid> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("n" + i, raw);
        }
        Cid sharded = dags.hamt(many, 16);
        List<DirEntry> listed = exporter.list(sharded);
        assertThat(listed).extracting(DirEntry::name).containsExactlyInAnyOrderElementsOf(many.keySet());
        // stored order is bucket order, depth first: hashes of consecutive entries are non-decreasing
        for (int i = 1; i < listed.size(); i++) {
            assertThat(Long.compareUnsigned(hashOf(listed.get(i - 1).name()), hashOf(listed.get(i).name())))
                    .isNotPositive();
        }
    }

    private static long hashOf(String name) {
        byte[] h = HamtShard.hash(name);
        long v = 0;
        for (byte b : h) {
            v = v << 8 | (b & 0xFF);
        }
        return v;
    }

    @Test
    void shouldRefusePathsWithDotSegments() {
        Cid root = dags.dir(Map.of());
        assertThatThrownBy(() -> exporter.resolve(root, "a/../b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"..\"");
        assertThatThrownBy(() -> exporter.resolve(root, List.of("a/b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseCodecsAndNodesThatAreNotUnixFs() throws Exception {
        Cid cbor = Cid.v1(0x71, dev.bacalhau4j.ipfs.Multihash.sha256("x".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> exporter.stat(cbor)).isInstanceOf(UnsupportedNodeException.class)
                .hasMessageContaining("codec dag-cbor is not UnixFS");
        Cid notUnixFs = dags.put(new dev.bacalhau4j.ipfs.dag.PbNode(List.of(), null));
        assertThatThrownBy(() -> exporter.stat(notUnixFs)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("not a UnixFS node").hasMessageContaining(notUnixFs.toString());
    }
}
