package dev.bacalhau4j.ipfs.fuse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (a main program, not a test): reads a file through a {@link FuseMount} of a
 * default-file-system directory and the same file directly, from this JVM and from child
 * processes ({@code cat}, {@code dd bs=1M}), and prints the median throughput of each.
 * "cold" reads through a fresh mount (nothing of the file in the mount's page cache; the source
 * file itself is in the page cache, as the direct reads are), "warm" reads again through the same
 * mount (kernel_cache keeps the pages).
 *
 * <pre>
 * mvn -q -pl ipfs test-compile
 * mvn -q -pl ipfs dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp ipfs/target/classes:ipfs/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.bacalhau4j.ipfs.fuse.FuseReadBench /tmp/fuse-bench 256 5
 * </pre>
 */
public final class FuseReadBench {
    private static final int MIB = 1024 * 1024;

    private FuseReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/fuse-bench");
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        FuseMountOptions options = FuseMountOptions.defaults();
        Path src = Files.createDirectories(dir.resolve("src"));
        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        FuseMount.cleanupStale(mnt);
        Path data = src.resolve("data.bin");
        if (!Files.exists(data) || Files.size(data) != (long) mib * MIB) {
            byte[] chunk = new byte[MIB];
            Random random = new Random(1);
            try (FileChannel out = FileChannel.open(data, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int i = 0; i < mib; i++) {
                    random.nextBytes(chunk);
                    out.write(ByteBuffer.wrap(chunk));
                }
            }
        }
        long bytes = Files.size(data);
        readJava(data); // source into the page cache
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            record(results, "direct  java", bytes, () -> readJava(data));
            record(results, "direct  cat", bytes, () -> exec("cat", data.toString()));
            record(results, "direct  dd", bytes, () -> exec("dd", "if=" + data, "of=/dev/null", "bs=1M", "status=none"));
            for (String reader : List.of("java", "cat", "dd")) {
                try (FuseMount mount = FuseMount.mount(src, mnt, options)) {
                    Path through = mount.mountPoint().resolve("data.bin");
                    Task read = switch (reader) {
                        case "java" -> () -> readJava(through);
                        case "cat" -> () -> exec("cat", through.toString());
                        default -> () -> exec("dd", "if=" + through, "of=/dev/null", "bs=1M", "status=none");
                    };
                    record(results, "fuse cold " + reader, bytes, read);
                    record(results, "fuse warm " + reader, bytes, read);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d MiB, %d runs, median MiB/s (ratio to the direct read by the same reader)%n",
                mib, runs);
        for (Map.Entry<String, List<Double>> e : results.entrySet()) {
            double median = median(e.getValue());
            String reader = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
            double direct = median(results.get("direct  " + reader));
            System.out.printf(Locale.ROOT, "%-16s %8.0f MiB/s  ratio %.2f   runs %s%n", e.getKey(), median,
                    median / direct, fmt(e.getValue()));
        }
    }

    private interface Task {
        void run() throws Exception;
    }

    private static void record(Map<String, List<Double>> results, String name, long bytes, Task task) throws Exception {
        long start = System.nanoTime();
        task.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(bytes / (double) MIB / seconds);
    }

    private static void readJava(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(MIB);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.clear();
            }
        }
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", v));
        }
        return sb.toString();
    }
}
