package dev.bacalhau4j.examples.bench;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints how fast a node's IPFS input reads through its FUSE mount against the same bytes in a
 * local file: from this JVM, and from a docker job ({@code dd} inside the container) with the
 * input bound from the mount against one bound from the local file; and, for the docker job end
 * to end, the FUSE mount against the copy fallback ({@code fuse(false)}). Medians of several
 * rounds; asserts nothing. In the container, a job reads the file once ("cold" on a fresh mount)
 * and then {@value #AGAIN} times ("warm"), timed with {@code /proc/uptime} (10 ms steps, which is
 * why the warm reads are repeated).
 *
 * <p>"cold" reads go through a freshly opened node (a new mount: nothing of the file in the
 * mount's page cache); "warm" reads go through the same mount again ({@code kernel_cache} keeps
 * the pages). Before measuring, the local file and the node's block files are read once, so both
 * sides start from the host's page cache: the comparison is of the paths, not of the disk.
 *
 * <pre>
 * java -cp examples/target/bacalhau4j.jar dev.bacalhau4j.examples.bench.FuseInputBench \
 *     [--dir /tmp/fuse-input-bench] [--size-mib 256] [--rounds 5] [--image TAG] [--no-docker]
 * </pre>
 * Needs FUSE (root, /dev/fuse, libfuse3) and, for the docker part, an engine and
 * {@code /bin/busybox} (an image {@code bacalhau4j-bench/busybox:1} is imported from it unless
 * {@code --image} names one with {@code sh} and {@code dd}). Keeps its data under {@code --dir}
 * for the next run; the caller deletes it.
 */
public final class FuseInputBench {
    private static final int MIB = 1 << 20;
    private static final int AGAIN = 4;
    private static final Pattern TIMES = Pattern.compile("times ([0-9.]+) ([0-9.]+) ([0-9.]+)");

    private Path dir = Path.of("/tmp/fuse-input-bench");
    private int sizeMiB = 256;
    private int rounds = 5;
    private String image;
    private boolean docker = true;
    private boolean verifyReads;
    private boolean dropCaches;

    private FuseInputBench() {}

    /**
     * Runs the benchmark; see the class comment for the arguments.
     *
     * @param args the options
     * @throws Exception when a run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        FuseInputBench bench = new FuseInputBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> bench.dir = Path.of(args[++i]);
                case "--size-mib" -> bench.sizeMiB = Integer.parseInt(args[++i]);
                case "--rounds" -> bench.rounds = Integer.parseInt(args[++i]);
                case "--image" -> bench.image = args[++i];
                case "--no-docker" -> bench.docker = false;
                case "--verify-reads" -> bench.verifyReads = true;
                case "--drop-caches" -> bench.dropCaches = true;
                default -> {
                    System.err.println("FuseInputBench: unknown option '" + args[i] + "'; options: --dir DIR"
                            + " --size-mib N --rounds N --image TAG --no-docker --verify-reads --drop-caches");
                    System.exit(2);
                }
            }
        }
        bench.run();
    }

    /** With --drop-caches (root only): local and cold reads come from the disk, not from RAM. */
    private void dropCaches() throws IOException, InterruptedException {
        if (!dropCaches) {
            return;
        }
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
    }

    private void run() throws Exception {
        Path local = Files.createDirectories(dir.resolve("local"));
        Path data = local.resolve("data.bin");
        writeRandom(data, sizeMiB);
        long bytes = Files.size(data);
        Path nodeDir = dir.resolve("node");
        Cid cid;
        try (Bacalhau node = open(nodeDir, true)) {
            cid = node.ipfs().add(local);
            System.out.printf(Locale.ROOT, "FuseInputBench: %d MiB random file as %s; %d rounds, medians; load %s%n",
                    sizeMiB, cid, rounds, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            System.out.println("inputs: " + node.info().inputMount());
            if (!node.info().inputMount().startsWith("fuse at ")) {
                System.out.println("no FUSE mount here; nothing to compare");
                return;
            }
            readJava(data); // the local file into the page cache
            readJava(mountPath(node).resolve(cid.toString()).resolve("data.bin")); // the block files too
        }

        List<Double> localJava = new ArrayList<>();
        List<Double> coldJava = new ArrayList<>();
        List<Double> warmJava = new ArrayList<>();
        List<Double> cat = new ArrayList<>();
        List<Double> sha = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            dropCaches();
            localJava.add(readJava(data));
            sha.add(sha256(data));
            try (Bacalhau node = open(nodeDir, true)) {
                Path viaFuse = mountPath(node).resolve(cid.toString()).resolve("data.bin");
                dropCaches();
                coldJava.add(readJava(viaFuse));
                warmJava.add(readJava(viaFuse));
                long t0 = System.nanoTime();
                try (InputStream in = node.ipfs().cat(cid + "/data.bin")) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                cat.add((System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "%nfrom this JVM (FileChannel, 1 MiB reads), MiB/s%s:%n",
                dropCaches ? "; page cache dropped before the local and the cold read" : "");
        report(bytes, localJava, coldJava, warmJava);
        double mib = bytes / (double) MIB;
        System.out.printf(Locale.ROOT, "    without FUSE: node.ipfs().cat %.0f MiB/s %s; SHA-256 of the local file (every"
                + " block read is verified) %.0f MiB/s %s%n", mib / median(cat), fmt(cat), mib / median(sha), fmt(sha));

        if (!docker) return;
        String tag = image != null ? image : BusyboxImage.ensure("bacalhau4j-bench/busybox:1");
        List<Double> localDd = new ArrayList<>();
        List<Double> localDdAgain = new ArrayList<>();
        List<Double> coldDd = new ArrayList<>();
        List<Double> warmDd = new ArrayList<>();
        List<Double> localJob = new ArrayList<>();
        List<Double> fuseJob = new ArrayList<>();
        List<Double> copyJob = new ArrayList<>();
        Job fromLocal = ddJob(tag).inputLocal(local, "/inputs").build();
        Job fromIpfs = ddJob(tag).inputIpfs(cid.toString(), "/inputs").build();
        for (int r = 0; r < rounds; r++) {
            try (Bacalhau node = open(nodeDir, true)) {
                dropCaches();
                long t0 = System.nanoTime();
                double[] fuse = readTimes(node.run(fromIpfs));
                fuseJob.add((System.nanoTime() - t0) / 1e9);
                coldDd.add(fuse[0]);
                warmDd.add(fuse[1]);
                dropCaches();
                t0 = System.nanoTime();
                double[] plain = readTimes(node.run(fromLocal));
                localJob.add((System.nanoTime() - t0) / 1e9);
                localDd.add(plain[0]);
                localDdAgain.add(plain[1]);
            }
            try (Bacalhau node = open(nodeDir, false)) {
                long t0 = System.nanoTime();
                readTimes(node.run(fromIpfs));
                copyJob.add((System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "%nfrom a docker job (dd bs=1M inside the container), MiB/s; first read vs local:%n");
        report(bytes, localDd, coldDd, warmDd);
        System.out.printf(Locale.ROOT, "    local bind read again: %.0f MiB/s %s%n", bytes / (double) MIB / median(localDdAgain),
                fmt(localDdAgain));
        System.out.printf(Locale.ROOT, "%ndocker job end to end (node.run, cold), seconds:%n");
        System.out.printf(Locale.ROOT, "    local bind %.2f   FUSE mount %.2f   copy fallback %.2f   (FUSE/copy %.2f)%n",
                median(localJob), median(fuseJob), median(copyJob), median(fuseJob) / median(copyJob));
    }

    private Bacalhau open(Path nodeDir, boolean fuse) {
        return Bacalhau.builder().directory(nodeDir).fuse(fuse).verifyBlockReads(verifyReads)
                .allowLocalPath(dir.resolve("local")).build();
    }

    private static Path mountPath(Bacalhau node) {
        return Path.of(node.info().inputMount().substring("fuse at ".length()));
    }

    /** Reads /inputs/data.bin once, then {@value #AGAIN} times; prints {@code times <t0> <t1> <t2>} (uptime seconds). */
    private static dev.bacalhau4j.api.JobBuilder ddJob(String image) {
        String read = "dd if=/inputs/data.bin of=/dev/null bs=1M 2>/dev/null || exit 1";
        return Job.docker(image).entrypointCommand("/bin/sh", "-c")
                .args("read a x < /proc/uptime; " + read + "; read b x < /proc/uptime; i=0; while [ $i -lt " + AGAIN
                        + " ]; do " + read + "; i=$((i+1)); done; read c x < /proc/uptime; echo times $a $b $c")
                .timeout(Duration.ofMinutes(5));
    }

    /** Seconds of the first read and of one later read (the mean of {@value #AGAIN}), from the job's output. */
    private static double[] readTimes(JobResult result) {
        Matcher m = TIMES.matcher(result.stdout());
        if (!result.succeeded() || !m.find()) {
            throw new IllegalStateException("read job " + result.jobId() + " " + result.state() + " exit "
                    + result.exitCode() + ": " + result.message() + " " + result.stdout() + result.stderr());
        }
        double a = Double.parseDouble(m.group(1));
        double b = Double.parseDouble(m.group(2));
        double c = Double.parseDouble(m.group(3));
        // 10 ms steps: never report zero
        return new double[] {Math.max(b - a, 0.01), Math.max(c - b, 0.01) / AGAIN};
    }

    private static void report(long bytes, List<Double> local, List<Double> cold, List<Double> warm) {
        double mib = bytes / (double) MIB;
        double l = mib / median(local);
        double c = mib / median(cold);
        double w = mib / median(warm);
        System.out.printf(Locale.ROOT, "    local file %7.0f   FUSE cold %7.0f (%.2f of local)   FUSE warm %7.0f (%.2f of local)%n",
                l, c, c / l, w, w / l);
        System.out.printf(Locale.ROOT, "    seconds: local %s   cold %s   warm %s%n", fmt(local), fmt(cold), fmt(warm));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> values) {
        StringBuilder s = new StringBuilder("[");
        for (double v : values) s.append(s.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.3f", v));
        return s.append(']').toString();
    }

    /** Seconds to hash {@code file} with SHA-256, read with 1 MiB reads. */
    private static double sha256(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MIB);
        long t0 = System.nanoTime();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            while (in.read(buffer.clear()) >= 0) md.update(buffer.flip());
            md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds to read {@code file} to the end with 1 MiB reads. */
    private static double readJava(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MIB);
        long t0 = System.nanoTime();
        long total = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = in.read(buffer.clear())) >= 0) total += n;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (total != Files.size(file)) throw new IOException("read " + total + " bytes of " + file);
        return seconds;
    }

    private static void writeRandom(Path file, int mib) throws IOException {
        if (Files.exists(file) && Files.size(file) == (long) mib * MIB) return;
        byte[] chunk = new byte[MIB];
        Random random = new Random(1);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(chunk);
                out.write(ByteBuffer.wrap(chunk));
            }
        }
    }

    /** A {@code FROM scratch} image of the host's static busybox, imported with the docker CLI. */
    private static final class BusyboxImage {
        static String ensure(String tag) throws IOException, InterruptedException {
            if (exec("docker", "image", "inspect", tag) == 0) return tag;
            Path root = Files.createTempDirectory("bench-rootfs");
            try {
                Files.createDirectories(root.resolve("bin"));
                Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
                for (String applet : new String[] {"sh", "dd", "cat"}) {
                    Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
                }
                if (exec("sh", "-c", "tar -C '" + root + "' -c . | docker import - " + tag) != 0) {
                    throw new IOException("could not import " + tag + " from /bin/busybox with the docker CLI");
                }
                return tag;
            } finally {
                try (var walk = Files.walk(root)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        private static int exec(String... command) throws IOException, InterruptedException {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }
}
