package dev.bacalhau4j.examples.bench;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.block.DiscardingBlockstore;
import dev.bacalhau4j.ipfs.block.FileBlockstore;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import dev.bacalhau4j.ipfs.importer.ImportedEntry;
import dev.bacalhau4j.ipfs.importer.UnixFsImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Prints, in one run, the UnixFS import throughput of a large file against the hashing floor: (a)
 * plain SHA-256 of the file with the JDK's {@link MessageDigest}, (b) import with profile
 * {@code kubo-v1-raw} into a store that keeps nothing (like {@code ipfs add -n}), (c) the same
 * import writing each block to a temp directory as a plain file. Each is repeated, in alternating
 * order, and the median reported with the peak heap in use while it ran (sampled every 5 ms by a
 * thread this program owns). It creates and deletes its own temp directory. Asserts nothing.
 *
 * <pre>
 * java -Xmx64m -cp CLASSPATH dev.bacalhau4j.examples.bench.ImportBench [--size-mib N] [--rounds N] [--no-disk]
 * </pre>
 * It needs only the ipfs module: after {@code mvn -q -o -pl ipfs compile},
 * {@code javac -d /tmp/bench-classes -cp ipfs/target/classes <this file>} and
 * {@code CLASSPATH=/tmp/bench-classes:ipfs/target/classes}; or the shaded {@code examples/target/bacalhau4j.jar}.
 * A small {@code -Xmx} shows the import streams: the whole file never fits in it.
 */
public final class ImportBench {
    private static final int READ_BUFFER = 256 * 1024;

    private long sizeMiB = 1024;
    private int rounds = 3;
    private boolean disk = true;

    /**
     * Runs the benchmark; see the class comment for the arguments.
     *
     * @param args the options
     * @throws Exception when a run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        ImportBench bench = new ImportBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mib" -> bench.sizeMiB = Long.parseLong(args[++i]);
                case "--rounds" -> bench.rounds = Integer.parseInt(args[++i]);
                case "--no-disk" -> bench.disk = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --size-mib N, --rounds N, --no-disk)");
            }
        }
        bench.run();
    }

    private interface Measured {
        String run() throws IOException;
    }

    private record Sample(double seconds, long peakHeap, String result) {}

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("import-bench");
        try {
            Path file = dir.resolve("input.bin");
            long size = sizeMiB * 1024 * 1024;
            long t0 = System.nanoTime();
            writeRandom(file, size);
            System.out.printf(Locale.ROOT, "input: %d MiB of pseudo-random bytes written in %.1f s; JVM max heap %d MiB, %d cores%n",
                    sizeMiB, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            Map<String, Measured> cases = new LinkedHashMap<>();
            cases.put("(a) SHA-256 floor", () -> sha256(file));
            cases.put("(b) import kubo-v1-raw, blocks discarded", () -> importInto(file, new DiscardingBlockstore()));
            if (disk) {
                Path blocks = dir.resolve("blocks");
                cases.put("(c) import into the node's FileBlockstore", () -> {
                    deleteTree(blocks);
                    try (FileBlockstore store = FileBlockstore.open(blocks)) {
                        return importInto(file, store);
                    }
                });
                cases.put("(d) the same without fsync per block", () -> {
                    deleteTree(blocks);
                    try (FileBlockstore store = FileBlockstore.builder(blocks).fsync(false).open()) {
                        return importInto(file, store);
                    }
                });
            }
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            cases.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
            measure("warm-up", cases.get("(b) import kubo-v1-raw, blocks discarded"));
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(cases.keySet());
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String name : order) {
                    samples.get(name).add(measure(name, cases.get(name)));
                }
            }
            report(size, samples);
        } finally {
            deleteTree(dir);
        }
    }

    private Sample measure(String name, Measured measured) throws IOException {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        String result;
        try {
            result = measured.run();
        } finally {
            sampler.interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf(Locale.ROOT, "  %-48s %6.2f s  peak heap %4d MiB  %s%n", name, seconds, peak.get() >> 20, result);
        return new Sample(seconds, peak.get(), result);
    }

    private void report(long size, Map<String, List<Sample>> samples) {
        double mib = size / (1024.0 * 1024.0);
        double floor = 0;
        System.out.printf(Locale.ROOT, "%nmedians of %d rounds (MiB/s = MiB of file per second):%n", rounds);
        for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
            List<Sample> list = new ArrayList<>(e.getValue());
            list.sort((x, y) -> Double.compare(x.seconds, y.seconds));
            Sample median = list.get(list.size() / 2);
            long peak = e.getValue().stream().mapToLong(Sample::peakHeap).max().orElse(0);
            double rate = mib / median.seconds;
            if (floor == 0) {
                floor = rate;
            }
            System.out.printf(Locale.ROOT, "  %-48s %7.1f MiB/s  %.2fx floor  max peak heap %d MiB%n", e.getKey(), rate,
                    rate / floor, peak >> 20);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = Multihash.newSha256();
        byte[] buffer = new byte[READ_BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return "sha256 " + HexFormat.of().formatHex(md.digest()).substring(0, 16) + "…";
    }

    private static String importInto(Path file, Blockstore store) throws IOException {
        ImportedEntry root = new UnixFsImporter(store, ImportProfile.KUBO_V1_RAW).addFile(file);
        return "root " + root.cid();
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.capacity()) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    buffer.putLong(random.nextLong());
                }
                out.write(buffer.array(), 0, (int) Math.min(left, buffer.capacity()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
