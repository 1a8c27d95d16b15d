package dev.bacalhau4j.ipfs.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GarbageCollectorTest {
    @TempDir
    Path dir;

    private final Random random = new Random(42);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeStores() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private PinningBlockstore store(String kind) throws IOException {
        PinningBlockstore store = kind.equals("file") ? FileBlockstore.open(dir) : new MemoryBlockstore();
        toClose.add(store);
        return store;
    }

    private static GarbageCollector collector(PinningBlockstore store) {
        return store instanceof FileBlockstore file ? file.collector() : ((MemoryBlockstore) store).collector();
    }

    private static void assertHasAll(Blockstore store, TestDags.Dag dag) throws IOException {
        for (Block block : dag.blocks()) {
            assertThat(store.has(block.cid())).as("block %s of %s", block.cid(), dag.root()).isTrue();
        }
    }

    private static void assertHasNone(Blockstore store, TestDags.Dag dag) throws IOException {
        for (Block block : dag.blocks()) {
            assertThat(store.has(block.cid())).as("block %s of %s", block.cid(), dag.root()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void shouldKeepPinnedDagsAndRemoveTheRestWhenCollecting(String kind) throws IOException {
        PinningBlockstore store = store(kind);
        TestDags.Dag pinned = TestDags.tree(random, 3, 2);
        TestDags.Dag loose = TestDags.tree(random, 2, 2);
        Block stray = TestDags.raw("stray");
        pinned.putAll(store);
        loose.putAll(store);
        store.put(stray);
        store.pins().pin(pinned.root(), "kept");

        GcReport report = store.collectGarbage();

        assertHasAll(store, pinned);
        assertHasNone(store, loose);
        assertThat(store.has(stray.cid())).isFalse();
        assertThat(report).isEqualTo(new GcReport(loose.blocks().size() + 1, loose.bytes() + stray.size(),
                pinned.blocks().size(), 0, 0));
        assertThat(store.collectGarbage()).isEqualTo(new GcReport(0, 0, pinned.blocks().size(), 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void shouldCountAndSkipMissingBlocksWhenAPinnedDagIsIncomplete(String kind) throws IOException {
        PinningBlockstore store = store(kind);
        TestDags.Dag dag = TestDags.tree(random, 2, 2); // leaf0 leaf1 inner2 leaf3 leaf4 inner5 root6
        dag.putAll(store);
        store.delete(dag.blocks().get(0).cid());
        store.delete(dag.blocks().get(5).cid()); // nothing then links to leaf3 and leaf4
        store.pins().pin(dag.root());

        GcReport report = store.collectGarbage();

        assertThat(report.missingBlocks()).isEqualTo(2);
        assertThat(report.blocksRemoved()).isEqualTo(2);
        assertThat(store.has(dag.blocks().get(3).cid())).isFalse();
        assertThat(report.blocksKept()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void shouldKeepLeasedDagsOnlyWhileTheLeaseIsOpen(String kind) throws IOException {
        PinningBlockstore store = store(kind);
        TestDags.Dag dag = TestDags.tree(random, 3, 2);
        dag.putAll(store);

        try (Lease lease = store.pins().lease("job j-1", dag.root())) {
            assertThat(store.collectGarbage().blocksRemoved()).isZero();
            assertHasAll(store, dag);
        }
        assertThat(store.collectGarbage().blocksRemoved()).isEqualTo(dag.blocks().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void shouldHonourALeaseTakenWhileTheCollectionRuns(String kind) throws IOException {
        PinningBlockstore store = store(kind);
        TestDags.Dag dag = TestDags.tree(random, 3, 2);
        dag.putAll(store);
        List<Lease> leases = new ArrayList<>();
        collector(store).afterMark(() -> leases.add(store.pins().lease("late job", dag.root())));

        GcReport report = store.collectGarbage();

        assertThat(report.blocksRemoved()).isZero();
        assertHasAll(store, dag);
        leases.forEach(Lease::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void shouldKeepBlocksPutWhileTheCollectionRuns(String kind) throws IOException {
        PinningBlockstore store = store(kind);
        TestDags.Dag old = TestDags.tree(random, 2, 1);
        TestDags.Dag during = TestDags.tree(random, 2, 2);
        old.putAll(store);
        Block reput = old.blocks().get(0);
        collector(store).afterMark(() -> {
            try {
                during.putAll(store);
                store.put(reput); // already there, unpinned: a put during the collection keeps it too
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        GcReport report = store.collectGarbage();

        assertHasAll(store, during);
        assertThat(store.has(reput.cid())).isTrue();
        assertThat(report.blocksRemoved()).isEqualTo(old.blocks().size() - 1);

        collector(store).afterMark(() -> {});
        assertThat(store.collectGarbage().blocksRemoved()).isEqualTo(during.blocks().size() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void shouldKeepBlocksPutUnderALeaseUntilItCloses(String kind) throws IOException {
        PinningBlockstore store = store(kind);
        TestDags.Dag imported = TestDags.tree(random, 2, 2);
        Lease lease = store.pins().lease("import");
        imported.putAll(store);

        assertThat(store.collectGarbage().blocksRemoved()).isZero();

        store.pins().pin(imported.root(), "imported");
        lease.close();
        assertThat(store.collectGarbage().blocksRemoved()).isZero();
        store.pins().unpin(imported.root());
        assertThat(store.collectGarbage().blocksRemoved()).isEqualTo(imported.blocks().size());
    }

    @Test
    void shouldKeepPinnedDagsWhenTheStoreIsReopened() throws IOException {
        TestDags.Dag pinned = TestDags.tree(random, 3, 2);
        TestDags.Dag loose = TestDags.tree(random, 3, 1);
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            pinned.putAll(store);
            loose.putAll(store);
            store.pins().pin(pinned.root(), "survivor");
        }
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            GcReport report = store.collectGarbage();
            assertThat(report.blocksRemoved()).isEqualTo(loose.blocks().size());
            assertHasAll(store, pinned);
            assertHasNone(store, loose);
        }
    }

    @Test
    void shouldKeepEveryImportedDagWhenImportsRaceCollections() throws Exception {
        FileBlockstore store = (FileBlockstore) store("file");
        TestDags.Dag garbage = TestDags.tree(random, 4, 2);
        garbage.putAll(store);
        List<TestDags.Dag> dags = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            dags.add(TestDags.tree(new Random(100 + i), 3, 2));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicBoolean importing = new AtomicBoolean(true);
            Future<Integer> collections = pool.submit(() -> {
                int runs = 0;
                while (importing.get()) {
                    store.collectGarbage();
                    runs++;
                }
                return runs;
            });
            List<Future<?>> importers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int first = t;
                importers.add(pool.submit(() -> {
                    for (int i = first; i < dags.size(); i += 3) {
                        TestDags.Dag dag = dags.get(i);
                        try (Lease lease = store.pins().lease("import " + i)) {
                            for (Block block : dag.blocks()) {
                                store.put(block);
                                Thread.yield();
                            }
                            store.pins().pin(dag.root(), "import " + i);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> importer : importers) {
                importer.get(60, TimeUnit.SECONDS);
            }
            importing.set(false);
            assertThat(collections.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }
        store.collectGarbage();
        for (TestDags.Dag dag : dags) {
            assertHasAll(store, dag);
        }
        assertHasNone(store, garbage);
    }

    @Test
    void shouldNeverDeleteALeasedDagWhenLeasesAreTakenDuringCollections() throws Exception {
        MemoryBlockstore store = new MemoryBlockstore();
        List<TestDags.Dag> dags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestDags.Dag dag = TestDags.tree(new Random(200 + i), 3, 2);
            dag.putAll(store);
            dags.add(dag);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicBoolean running = new AtomicBoolean(true);
            Future<?> collections = pool.submit(() -> {
                while (running.get()) {
                    store.collectGarbage();
                }
                return null;
            });
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int first = t;
                jobs.add(pool.submit(() -> {
                    for (int i = first; i < dags.size(); i += 2) {
                        TestDags.Dag dag = dags.get(i);
                        try (Lease lease = store.pins().lease("job " + i, dag.root())) {
                            if (!store.has(dag.root())) {
                                continue; // collected before the lease: nothing to protect
                            }
                            boolean complete = true;
                            for (Block block : dag.blocks()) {
                                complete &= store.has(block.cid());
                            }
                            if (complete) {
                                Thread.sleep(2);
                                for (Block block : dag.blocks()) {
                                    assertThat(store.has(block.cid())).as("leased block %s", block.cid()).isTrue();
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            collections.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
