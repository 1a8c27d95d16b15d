package dev.bacalhau4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.NetworkSpec;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.api.Resources;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.Timeouts;
import dev.bacalhau4j.api.Verification;
import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionLimits;
import dev.bacalhau4j.api.runtime.ExecutionListener;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.Mount;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.block.ForwardingBlockstore;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import dev.bacalhau4j.ipfs.fs.UnixFsFileSystem;
import dev.bacalhau4j.runtime.function.WasmRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-copy WASM preopen: a UnixFS DAG in a blockstore is mounted into a real WASM job as a
 * path of the read-only UnixFS file system, with no staging copy, and the job reads it lazily.
 */
class UnixFsWasmMountTest {
    private static final Path WORDCOUNT = Path.of("../examples/src/main/resources/wasm/wordcount.wasm");

    private final MemoryBlockstore memory = new MemoryBlockstore();
    private final CountingStore store = new CountingStore(memory);

    @TempDir
    Path tmp;

    @Test
    void shouldRunAWasmJobOverADirectoryCidMountedWithoutCopy() throws Exception {
        String a = "hello world\nfoo bar baz\n";
        byte[] big = words(300_000);
        Cid aCid = rawFile(a.getBytes(StandardCharsets.UTF_8));
        Cid bigCid = chunkedFile(big, 4096, 16);
        Cid note = rawFile("just one line\n".getBytes(StandardCharsets.UTF_8));
        Cid sub = dir(Map.of("big.txt", bigCid, "note.txt", note));
        Cid root = dir(Map.of("a.txt", aCid, "sub", sub, "link.txt", symlink("a.txt")));
        int present = memory.count();

        ExecutionOutcome outcome = runWordcount(root, 0, present);
        assertThat(outcome.exitCode()).as(new String(outcome.stderr(), StandardCharsets.UTF_8)).isZero();
        outcome = runWordcount(root, UnixFsFileSystem.DEFAULT_CACHE_BYTES, present);
        assertThat(outcome.failureMessage()).isEmpty();
        assertThat(outcome.exitCode()).as(new String(outcome.stderr(), StandardCharsets.UTF_8)).isZero();
        String expected = line(a, "/inputs/a.txt") + line(a, "/inputs/link.txt")
                + line(new String(big, StandardCharsets.US_ASCII), "/inputs/sub/big.txt")
                + line("just one line\n", "/inputs/sub/note.txt") + total(a, a, new String(big,
                StandardCharsets.US_ASCII), "just one line\n");
        assertThat(new String(outcome.stdout(), StandardCharsets.UTF_8)).isEqualTo(expected);
        // every block was needed once (the file system caches small blocks; big.txt's leaves are read once)
        assertThat(store.distinct).hasSize(present);
        assertThat(store.gets.get()).isLessThanOrEqualTo(present + 5);
        // nothing was staged: the only files on disk are the job's outputs
        try (Stream<Path> s = Files.walk(tmp)) {
            assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("wordcount.txt", "words.tsv", "main.wasm",
                            "wordcount.txt", "words.tsv", "main.wasm");
        }
    }

    @Test
    void shouldRunAWasmJobOverAFileCidMountedAsAFile() throws Exception {
        byte[] content = words(20_000);
        Cid file = chunkedFile(content, 1024, 4);
        try (UnixFsFileSystem fs = UnixFsFileSystem.open(store);
             WasmRuntime runtime = new WasmRuntime()) {
            Path out = Files.createDirectory(tmp.resolve("out"));
            ExecutionOutcome outcome = runtime.execute(context(tmp,
                    new Mount(fs.getPath("/" + file), "/inputs/single.txt", true), out));
            assertThat(outcome.exitCode()).as(new String(outcome.stderr(), StandardCharsets.UTF_8)).isZero();
            String text = new String(content, StandardCharsets.US_ASCII);
            assertThat(new String(outcome.stdout(), StandardCharsets.UTF_8))
                    .isEqualTo(line(text, "/inputs/single.txt") + total(text));
        }
    }

    private ExecutionOutcome runWordcount(Cid root, long cacheBytes, int present) throws Exception {
        Path run = Files.createDirectory(tmp.resolve("run-" + cacheBytes));
        long started = System.nanoTime();
        try (UnixFsFileSystem fs = UnixFsFileSystem.open(store, cacheBytes);
             WasmRuntime runtime = new WasmRuntime()) {
            store.reset();
            Path out = Files.createDirectory(run.resolve("out"));
            ExecutionOutcome outcome = runtime.execute(context(run, new Mount(fs.getPath("/" + root), "/inputs", true),
                    out));
            System.out.printf("wasm wordcount over %s, small-block cache %d bytes: %d blockstore gets, %d distinct"
                    + " blocks read, %d blocks present, %d ms%n", root, cacheBytes, store.gets.get(),
                    store.distinct.size(), present, (System.nanoTime() - started) / 1_000_000);
            assertThat(Files.readString(out.resolve("wordcount.txt"))).isEqualTo(new String(outcome.stdout(),
                    StandardCharsets.UTF_8));
            return outcome;
        }
    }

    // --- the job ---

    private ExecutionContext context(Path dir, Mount input, Path out) throws IOException {
        Path staged = Files.createDirectory(dir.resolve("module")).resolve("main.wasm");
        Files.copy(WORDCOUNT, staged);
        WasmEngine engine = new WasmEngine(new InputSource(new LocalSource("main.wasm", false), "", ""),
                WasmEngine.DEFAULT_ENTRYPOINT, List.of(), Map.of(), List.of());
        Task task = new Task("main", engine, PublisherSpec.local(), Map.of(), List.of(), List.of(),
                Resources.NONE, Timeouts.NONE, NetworkSpec.NONE, Verification.NONE);
        ExecutionLimits limits = new ExecutionLimits(0, 0, Duration.ofSeconds(60), ExecutionLimits.DEFAULT_LOG_CAP,
                ExecutionLimits.DEFAULT_LOG_CAP);
        return new ExecutionContext("job-1", "exec-1", task, List.of(input), List.of(new Mount(out, "/outputs", false)),
                Optional.of(staged), List.of(), Optional.empty(), limits, 42, Files.createDirectory(dir.resolve("scratch")),
                ExecutionListener.NONE);
    }

    /** What wordcount prints for one file: lines, words, bytes, path (wc in the C locale). */
    private static String line(String content, String path) {
        long[] c = counts(content);
        return c[0] + " " + c[1] + " " + c[2] + " " + path + "\n";
    }

    private static String total(String... contents) {
        long[] sum = new long[3];
        for (String content : contents) {
            long[] c = counts(content);
            for (int i = 0; i < 3; i++) {
                sum[i] += c[i];
            }
        }
        return sum[0] + " " + sum[1] + " " + sum[2] + " total\n";
    }

    private static long[] counts(String s) {
        long lines = s.chars().filter(ch -> ch == '\n').count();
        long words = Arrays.stream(s.split("[ \t\n\u000b\f\r]+")).filter(w -> !w.isEmpty()).count();
        return new long[] {lines, words, s.getBytes(StandardCharsets.UTF_8).length};
    }

    private static byte[] words(int size) {
        String[] vocabulary = {"alpha", "beta", "gamma", "delta", "ipfs", "wasm", "cid", "block"};
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(size);
        while (sb.length() < size) {
            sb.append(vocabulary[r.nextInt(vocabulary.length)]).append(r.nextInt(10) == 0 ? '\n' : ' ');
        }
        sb.setLength(size);
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // --- a DAG by hand (the importer lives elsewhere): raw leaves, one level of file nodes, directories ---

    private Cid put(PbNode node) throws IOException {
        byte[] block = DagPb.encode(node);
        Cid cid = Cid.v1(Multicodec.DAG_PB, Multihash.sha256(block));
        memory.put(cid, block);
        return cid;
    }

    private Cid rawFile(byte[] content) throws IOException {
        Cid cid = Cid.raw(content);
        memory.put(cid, content);
        return cid;
    }

    private Cid chunkedFile(byte[] content, int chunk, int fanout) throws IOException {
        List<Cid> level = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int at = 0; at < content.length; at += chunk) {
            byte[] piece = Arrays.copyOfRange(content, at, Math.min(content.length, at + chunk));
            level.add(rawFile(piece));
            sizes.add((long) piece.length);
        }
        while (level.size() > 1) {
            List<Cid> next = new ArrayList<>();
            List<Long> nextSizes = new ArrayList<>();
            for (int i = 0; i < level.size(); i += fanout) {
                int end = Math.min(level.size(), i + fanout);
                List<PbLink> links = new ArrayList<>();
                long total = 0;
                for (int j = i; j < end; j++) {
                    links.add(PbLink.of(level.get(j), "", sizes.get(j)));
                    total += sizes.get(j);
                }
                next.add(put(new PbNode(links, UnixFsData.file(null, total, sizes.subList(i, end)).encode())));
                nextSizes.add(total);
            }
            level = next;
            sizes = nextSizes;
        }
        return level.get(0);
    }

    private Cid dir(Map<String, Cid> entries) throws IOException {
        List<PbLink> links = new ArrayList<>();
        new TreeMap<>(entries).forEach((name, cid) -> links.add(PbLink.of(cid, name, 1)));
        return put(new PbNode(links, UnixFsData.directory().encode()));
    }

    private Cid symlink(String target) throws IOException {
        return put(new PbNode(List.of(), new UnixFsData(UnixFsType.SYMLINK, target.getBytes(StandardCharsets.UTF_8),
                null, List.of(), null, null, null, null).encode()));
    }

    /** Counts the gets that reach the real store. */
    private static final class CountingStore extends ForwardingBlockstore {
        final AtomicInteger gets = new AtomicInteger();
        final Set<Cid> distinct = ConcurrentHashMap.newKeySet();

        CountingStore(Blockstore delegate) {
            super(delegate);
        }

        void reset() {
            gets.set(0);
            distinct.clear();
        }

        @Override
        public Optional<byte[]> get(Cid cid) throws IOException {
            gets.incrementAndGet();
            distinct.add(cid);
            return delegate().get(cid);
        }
    }
}
