package dev.bacalhau4j.ipfs.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.BlockMismatchException;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlockstoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldStoreGetAndDeleteBlocksWhenPutOnce() throws IOException {
        Block hello = TestDags.raw("hello world");
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThat(store.has(hello.cid())).isFalse();
            assertThat(store.get(hello.cid())).isEmpty();
            assertThat(store.size(hello.cid())).isEqualTo(-1);

            store.put(hello);
            store.put(hello);

            assertThat(store.has(hello.cid())).isTrue();
            assertThat(store.get(hello.cid())).hasValueSatisfying(data -> assertThat(data).isEqualTo(hello.data()));
            assertThat(store.size(hello.cid())).isEqualTo(11);
            try (Stream<Cid> cids = store.cids()) {
                assertThat(cids).containsExactly(hello.cid());
            }
            assertThat(store.delete(hello.cid())).isTrue();
            assertThat(store.delete(hello.cid())).isFalse();
            assertThat(store.has(hello.cid())).isFalse();
        }
    }

    @Test
    void shouldUseKubosFlatfsLayoutWhenStoringABlock() throws IOException {
        byte[] emptyDir = DagPb.encode(new PbNode(List.of(), UnixFsData.directory().encode()));
        Cid v0 = Cid.v0(Multihash.sha256(emptyDir));
        assertThat(v0).hasToString("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            store.put(v0, emptyDir);
            Path expected = dir.resolve("blocks/X3/CIQFTFEEHEDF6KLBT32BFAGLXEZL4UWFNWM4LFTLMXQBCERZ6CMLX3Y.data");
            assertThat(store.pathOf(v0)).isEqualTo(expected);
            assertThat(expected).hasBinaryContent(emptyDir);
            assertThat(dir.resolve("blocks/SHARDING")).hasContent("/repo/flatfs/shard/v1/next-to-last/2");
        }
    }

    @Test
    void shouldShareOneFileWhenTheSameBytesArePutAsCidV0AndV1() throws IOException {
        byte[] node = DagPb.encode(new PbNode(List.of(), UnixFsData.directory().encode()));
        Cid v0 = Cid.v0(Multihash.sha256(node));
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            store.put(v0, node);
            assertThat(store.has(v0.toV1())).isTrue();
            assertThat(store.get(v0.toV1())).isPresent();
            assertThat(store.has(Cid.v1(Multicodec.RAW, v0.multihash()))).isTrue();
            try (Stream<Cid> cids = store.cids()) {
                assertThat(cids).containsExactly(Cid.v1(Multicodec.RAW, v0.multihash()));
            }
        }
    }

    @Test
    void shouldAnswerIdentityCidsWithoutStoringThem() throws IOException {
        Cid identity = Cid.v1(Multicodec.RAW, Multihash.identity(new byte[] {1, 2, 3}));
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            store.put(identity, new byte[] {1, 2, 3});
            assertThat(store.has(identity)).isTrue();
            assertThat(store.get(identity)).hasValueSatisfying(data -> assertThat(data).containsExactly(1, 2, 3));
            try (Stream<Cid> cids = store.cids()) {
                assertThat(cids).isEmpty();
            }
        }
    }

    @Test
    void shouldRefuseAndNotStoreBlocksWhenTheyDoNotMatchTheirCid() throws IOException {
        Cid cid = Cid.raw("hello".getBytes(StandardCharsets.UTF_8));
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThatThrownBy(() -> store.put(cid, "jello".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(BlockMismatchException.class)
                    .hasMessageContaining(cid.toString());
            assertThat(store.has(cid)).isFalse();
            assertThat(store.pathOf(cid).getParent()).doesNotExist();
        }
    }

    @Test
    void shouldTreatACorruptFileAsAbsentAndDeleteItWhenReading() throws IOException {
        Block block = TestDags.raw("precious");
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            store.put(block);
            Files.write(store.pathOf(block.cid()), "precioua".getBytes(StandardCharsets.UTF_8));

            assertThat(store.get(block.cid())).isEmpty();
            assertThat(store.pathOf(block.cid())).doesNotExist();
            assertThat(store.get(block.cid())).isEmpty();

            store.put(block);
            assertThat(store.get(block.cid())).hasValueSatisfying(data -> assertThat(data).isEqualTo(block.data()));
        }
    }

    @Test
    void shouldReturnTheFileAsItIsWhenReadVerificationIsOff() throws IOException {
        Block block = TestDags.raw("precious");
        try (FileBlockstore store = FileBlockstore.builder(dir).verifyReads(false).open()) {
            store.put(block);
            Files.write(store.pathOf(block.cid()), "precioua".getBytes(StandardCharsets.UTF_8));
            assertThat(store.get(block.cid())).hasValueSatisfying(data -> assertThat(data).hasSize(8));
        }
    }

    @Test
    void shouldRemoveTemporaryFilesWhenOpeningAfterACrash() throws IOException {
        Block block = TestDags.raw("kept");
        Path leftover;
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            store.put(block);
            leftover = store.pathOf(TestDags.raw("half-written").cid());
        }
        Files.createDirectories(leftover.getParent());
        Path tempBlock = leftover.resolveSibling(leftover.getFileName() + ".1234abcd.tmp");
        Files.write(tempBlock, new byte[] {1, 2});
        Path tempPins = dir.resolve("pins.99.tmp");
        Files.write(tempPins, new byte[] {3});

        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThat(tempBlock).doesNotExist();
            assertThat(tempPins).doesNotExist();
            assertThat(store.get(block.cid())).isPresent();
        }
    }

    @Test
    void shouldLeaveNoPartialFileAndNameThePathWhenTheDiskFills() throws IOException {
        Block block = TestDags.raw("x".repeat(10_000));
        AtomicFiles.TempWriter halfThenFull = (temp, data, fsync) -> {
            Files.write(temp, java.util.Arrays.copyOf(data, data.length / 2));
            throw new IOException("No space left on device");
        };
        try (FileBlockstore store = FileBlockstore.builder(dir).writer(halfThenFull).open()) {
            Path path = store.pathOf(block.cid());
            assertThatThrownBy(() -> store.put(block))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(path.toString())
                    .hasMessageContaining("No space left on device");
            assertThat(store.has(block.cid())).isFalse();
            try (Stream<Path> files = Files.list(path.getParent())) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void shouldRefuseASecondOpenWhenTheStoreIsInUse() throws IOException {
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThatThrownBy(() -> FileBlockstore.open(dir))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already open in this JVM");
        }
        try (FileBlockstore again = FileBlockstore.open(dir)) {
            assertThat(again.directory()).isEqualTo(dir.toAbsolutePath());
        }
    }

    @Test
    void shouldRefuseAnotherShardingScheme() throws IOException {
        Files.createDirectories(dir.resolve("blocks"));
        Files.writeString(dir.resolve("blocks/SHARDING"), "/repo/flatfs/shard/v1/prefix/2\n");
        assertThatThrownBy(() -> FileBlockstore.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("prefix/2")
                .hasMessageContaining("next-to-last/2");
        try (FileBlockstore store = FileBlockstore.open(dir.resolve("other"))) {
            assertThat(store).isNotNull(); // the lock of the failed open was released
        }
    }

    @Test
    void shouldCloseIdempotentlyAndRefuseUseWhenClosed() throws IOException {
        FileBlockstore store = FileBlockstore.open(dir);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.get(Cid.raw(new byte[0])))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void shouldListEveryBlockWhenManyAreStored() throws IOException {
        Random random = new Random(1);
        TestDags.Dag dag = TestDags.tree(random, 4, 3);
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            dag.putAll(store);
            try (Stream<Cid> cids = store.cids()) {
                assertThat(cids.map(Cid::multihash))
                        .containsExactlyInAnyOrderElementsOf(dag.blocks().stream().map(b -> b.cid().multihash()).toList());
            }
        }
    }

    @Test
    void shouldWriteEachBlockOnceAndServeWholeBlocksWhenWritersAndReadersRace() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        Block shared = TestDags.raw(big);
        List<Block> distinct = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            distinct.add(TestDags.raw("block " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FileBlockstore store = FileBlockstore.builder(dir).verifyReads(false).open()) {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        store.put(shared);
                        for (int i = offset; i < distinct.size(); i += 2) {
                            store.put(distinct.get(i));
                        }
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int seen = 0;
                    while (writing.get()) {
                        var data = store.get(shared.cid());
                        if (data.isPresent()) {
                            assertThat(data.get()).isEqualTo(big); // whole, never partial
                            seen++;
                        }
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
            try (Stream<Cid> cids = store.cids()) {
                assertThat(cids).hasSize(distinct.size() + 1);
            }
            try (Stream<Path> files = Files.walk(dir.resolve("blocks"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
