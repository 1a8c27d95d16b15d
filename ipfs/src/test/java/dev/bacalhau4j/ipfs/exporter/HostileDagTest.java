package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HostileDagTest {
    private final MemoryBlockstore store = new MemoryBlockstore();
    private final Dags dags = new Dags(store);
    private final Exporter exporter = new Exporter(store);

    @TempDir
    Path tmp;

    private Cid fileNode(List<Cid> children, List<Long> blocksizes, long filesize) {
        List<PbLink> links = new ArrayList<>();
        for (Cid c : children) {
            links.add(PbLink.of(c, "", 1));
        }
        return dags.put(new PbNode(links, UnixFsData.file(null, filesize, blocksizes).encode()));
    }

    private void catAll(Cid cid) throws Exception {
        exporter.cat(cid, 0, Long.MAX_VALUE, new ByteArrayOutputStream());
    }

    @Test
    void shouldFailWhenBlocksizesDisagreeWithTheChildren() {
        Cid a = dags.putRaw(new byte[100]);
        Cid b = dags.putRaw(new byte[50]);
        Cid root = fileNode(List.of(a, b), List.of(100L, 100L), 200);
        assertThatThrownBy(() -> catAll(root)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("blocksizes[1] says 100 bytes but child " + b + " holds 50")
                .hasMessageContaining(root.toString());
    }

    @Test
    void shouldFailFastWhenAFileClaimsAHugeSize() throws Exception {
        Cid small = dags.putRaw(new byte[10]);
        long huge = 1L << 62;
        Cid root = fileNode(List.of(small), List.of(huge), huge);
        assertThat(exporter.stat(root).size()).isEqualTo(huge);
        assertThatThrownBy(() -> catAll(root)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("holds 10");
        Cid overflowing = fileNode(List.of(small, small), List.of(Long.MAX_VALUE, 10L), 0);
        assertThatThrownBy(() -> exporter.stat(overflowing)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("2^63");
    }

    @Test
    void shouldFailWhenLinksAndBlocksizesDoNotPair() {
        Cid a = dags.putRaw(new byte[3]);
        Cid root = fileNode(List.of(a, a), List.of(3L), 3);
        assertThatThrownBy(() -> exporter.stat(root)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("2 links but 1 blocksizes");
        Cid sizeLie = fileNode(List.of(a), List.of(3L), 4);
        assertThatThrownBy(() -> exporter.stat(sizeLie)).hasMessageContaining("filesize 4 disagrees");
    }

    @Test
    void shouldStopAtTheDepthLimitWhenAFileIsAVeryDeepChain() {
        Cid node = dags.putRaw(new byte[] {42});
        for (int i = 0; i < UnixFsFileReader.MAX_DEPTH + 10; i++) {
            node = fileNode(List.of(node), List.of(1L), 1);
        }
        Cid root = node;
        assertThatThrownBy(() -> catAll(root)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("deeper than " + UnixFsFileReader.MAX_DEPTH);
    }

    @Test
    void shouldStopAtTheDepthLimitWhenDirectoriesNestTooDeep() throws Exception {
        Cid node = dags.dir(Map.of());
        List<String> path = new ArrayList<>();
        for (int i = 0; i < TreeWriter.MAX_DEPTH + 5; i++) {
            node = dags.dir(Map.of("d", node));
            path.add("d");
        }
        Cid root = node;
        assertThat(exporter.resolve(root, path).cid()).isNotNull();
        assertThatThrownBy(() -> exporter.get(root, tmp.resolve("out"))).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("deeper than " + TreeWriter.MAX_DEPTH);
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void shouldRefuseToExportASymlinkWhoseTargetNoPathCanHold() throws Exception {
        Cid nul = dags.symlink("a\0b");
        Cid root = dags.dir(Map.of("ok.txt", dags.text("fine"), "bad", nul));
        assertThatThrownBy(() -> exporter.get(root, tmp.resolve("out")))
                .isInstanceOfSatisfying(CorruptDagException.class, e -> assertThat(e.cid()).isEqualTo(nul))
                .hasMessageContaining(root + "/bad")
                .hasMessageContaining("\"a\\u0000b\"");
        assertThatThrownBy(() -> exporter.get(nul, tmp.resolve("alone"))).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining(nul.toString());
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void shouldReportEachMissingBlockByCid() throws Exception {
        Cid absent = Cid.raw(new byte[] {1, 2, 3});
        Cid root = fileNode(List.of(absent), List.of(3L), 3);
        assertThatThrownBy(() -> catAll(root))
                .isInstanceOfSatisfying(BlockNotFoundException.class, e -> assertThat(e.cid()).isEqualTo(absent));
        Cid dir = dags.dir(Map.of("gone", absent));
        assertThatThrownBy(() -> exporter.list(dir)).isInstanceOf(BlockNotFoundException.class)
                .hasMessageContaining(dir + "/gone");
        assertThatThrownBy(() -> exporter.resolve(dir, "gone/x")).isInstanceOf(BlockNotFoundException.class);
    }

    @Test
    void shouldFailWhenAShardGoesDeeperThanItsHash() {
        String name = "needle";
        byte[] hash = HamtShard.hash(name);
        int levels = 64 / 8 + 1;
        Cid shard = shard(List.of());
        for (int level = levels - 1; level >= 0; level--) {
            int bucket = HamtShard.bits(hash, Math.min(level * 8, 56), 8);
            shard = shard(List.of(PbLink.of(shard, String.format("%02X", bucket), 1)));
        }
        Cid root = shard;
        assertThatThrownBy(() -> exporter.resolve(root, name)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("too deep");
    }

    @Test
    void shouldFailWhenShardLinksAreMalformed() {
        Cid file = dags.text("f");
        Cid badPrefix = shard(List.of(PbLink.of(file, "ZZname", 1)));
        assertThatThrownBy(() -> exporter.list(badPrefix)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("hex bucket prefix");
        Cid subShardIsFile = shard(List.of(PbLink.of(file, "00", 1)));
        assertThatThrownBy(() -> exporter.list(subShardIsFile)).hasMessageContaining("not a shard");
        Cid wrongHash = dags.put(new PbNode(List.of(), new UnixFsData(UnixFsType.HAMT_SHARD, null, null, List.of(),
                0x12L, 256L, null, null).encode()));
        assertThatThrownBy(() -> exporter.list(wrongHash)).hasMessageContaining("hash type 0x12");
        Cid badFanout = dags.put(new PbNode(List.of(), new UnixFsData(UnixFsType.HAMT_SHARD, null, null, List.of(),
                0x22L, 100L, null, null).encode()));
        assertThatThrownBy(() -> exporter.list(badFanout)).hasMessageContaining("fanout 100");
    }

    private Cid shard(List<PbLink> links) {
        return shard(links, 256);
    }

    private Cid shard(List<PbLink> links, long fanout) {
        return dags.put(new PbNode(links, new UnixFsData(UnixFsType.HAMT_SHARD, new byte[(int) Math.max(1, fanout / 8)],
                null, List.of(), 0x22L, fanout, null, null).encode()));
    }

    @Test
    void shouldRefuseAShardEntryFiledInABucketItsNameDoesNotHashTo() throws Exception {
        Cid file = dags.text("f");
        String name = "needle";
        byte[] hash = HamtShard.hash(name);
        int right = HamtShard.bits(hash, 0, 8);
        int wrong = (right + 1) % 256;
        Cid misfiled = shard(List.of(PbLink.of(file, String.format("%02X", wrong) + name, 1)));
        assertThatThrownBy(() -> exporter.list(misfiled)).isInstanceOfSatisfying(CorruptDagException.class,
                        e -> assertThat(e.cid()).isEqualTo(misfiled))
                .hasMessageContaining("\"needle\"")
                .hasMessageContaining(String.format("filed under bucket %02X", wrong))
                .hasMessageContaining(String.format("its hash picks %02X", right));
        assertThatThrownBy(() -> exporter.get(misfiled, tmp.resolve("out"))).isInstanceOf(CorruptDagException.class);
        assertThat(tmp).isEmptyDirectory();

        // right at the second level, wrong at the first: the sub-shard it sits in is in the wrong bucket
        int second = HamtShard.bits(hash, 8, 8);
        Cid inner = shard(List.of(PbLink.of(file, String.format("%02X", second) + name, 1)));
        Cid underWrongSubShard = shard(List.of(PbLink.of(inner, String.format("%02X", wrong), 1)));
        assertThatThrownBy(() -> exporter.list(underWrongSubShard)).isInstanceOfSatisfying(CorruptDagException.class,
                        e -> assertThat(e.cid()).isEqualTo(inner))
                .hasMessageContaining(String.format("filed under bucket %02X/%02X", wrong, second))
                .hasMessageContaining(String.format("its hash picks %02X/%02X", right, second));

        Cid wellFiled = shard(List.of(PbLink.of(inner, String.format("%02X", right), 1)));
        assertThat(exporter.list(wellFiled)).extracting(DirEntry::name).containsExactly(name);
    }

    @Test
    void shouldRefuseASubShardLinkedTwiceInsteadOfWalkingItOnceForEveryPath() throws Exception {
        // 30 levels of fanout 2, each linking the same child from both buckets: 2^30 paths over 31 blocks
        Cid node = shard(List.of(), 2);
        Cid bottom = node;
        for (int level = 0; level < 30; level++) {
            node = shard(List.of(PbLink.of(node, "0", 1), PbLink.of(node, "1", 1)), 2);
        }
        Cid root = node;
        assertThatThrownBy(() -> exporter.list(root)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("sub-shard " + bottom + " is linked more than once");
        assertThatThrownBy(() -> exporter.get(root, tmp.resolve("out"))).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("linked more than once");
        assertThat(tmp).isEmptyDirectory();

        // the same sub-shard reached from two levels (root bucket 1, and bucket 0 of the root's other child)
        Cid shared = shard(List.of(), 2);
        Cid middle = shard(List.of(PbLink.of(shared, "0", 1)), 2);
        Cid acrossLevels = shard(List.of(PbLink.of(middle, "0", 1), PbLink.of(shared, "1", 1)), 2);
        assertThatThrownBy(() -> exporter.list(acrossLevels)).isInstanceOf(CorruptDagException.class)
                .hasMessageContaining("sub-shard " + shared + " is linked more than once");
    }

    @Test
    void shouldNotHangWhenChildrenAreRepeatedManyTimes() throws Exception {
        // a "zip bomb": one 1 KiB leaf linked 1000 times per level, 2 levels: 1 GB declared from 3 blocks
        Cid leaf = dags.putRaw(new byte[1024]);
        List<Cid> kids = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            kids.add(leaf);
            sizes.add(1024L);
        }
        Cid mid = fileNode(kids, sizes, 1024L * 1000);
        List<Long> midSizes = new ArrayList<>();
        List<Cid> mids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            mids.add(mid);
            midSizes.add(1024L * 1000);
        }
        Cid root = fileNode(mids, midSizes, 1024L * 1000 * 1000);
        assertThat(exporter.stat(root).size()).isEqualTo(1_024_000_000L);
        long start = System.nanoTime();
        byte[] tail = exporter.cat(root, 1_024_000_000L - 10, 100).readAllBytes();
        assertThat(tail).hasSize(10);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
