package dev.bacalhau4j.ipfs.fuzz;

import dev.bacalhau4j.ipfs.IpfsFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small mutation fuzzer for the parsers: starts from valid seed inputs, applies random
 * mutations (bit flips, byte edits, insertions, deletions, truncation, duplication, splicing,
 * large and non-minimal varints), and keeps inputs that parse as further parents, so mutations
 * stack on structure the parser accepts. Each input must either pass {@link Property#check} or
 * throw {@link IpfsFormatException}; anything else fails the run, as does an input that takes
 * longer than {@link #SLOW_MILLIS}, never returns ({@link #HANG_MILLIS}, seen by a watchdog), or
 * allocates more than {@link #allocationLimit}.
 *
 * <p>Time and seed come from the system properties {@code fuzz.seconds} (default 2 per target) and
 * {@code fuzz.seed} (default: fixed per target, so the normal suite is deterministic apart from
 * how many inputs fit in the time). A failing input is written to
 * {@code target/fuzz-findings/<target>-<n>.hex} and shown in the failure message. Each run uses one
 * worker thread, which it owns and stops.
 */
final class MutationFuzzer {
    /** Longest input the mutations build, unless the target asks for less. */
    static final int MAX_INPUT = 4096;
    static final long SLOW_MILLIS = 1_000;
    static final long HANG_MILLIS = 10_000;
    private static final int POOL_LIMIT = 4096;

    /** What must hold for each input that does not throw {@link IpfsFormatException}. */
    @FunctionalInterface
    interface Property {
        void check(byte[] input) throws Exception;
    }

    /** How a run went. */
    record Stats(String target, long seed, long executions, long accepted, long slowestMicros, int pool) {
        @Override
        public String toString() {
            return target + ": " + executions + " inputs (" + accepted + " accepted) in seed " + seed
                    + ", slowest " + slowestMicros + " µs, pool " + pool;
        }
    }

    private final String target;
    private final long seed;
    private final long budgetNanos;
    private final List<byte[]> regressions;
    private final int maxInput;
    private final List<byte[]> pool = new ArrayList<>();
    private final SplittableRandom random;
    private final com.sun.management.ThreadMXBean threads;

    private volatile byte[] current;
    private volatile long currentStart;
    private volatile Throwable failure;
    private volatile byte[] failingInput;
    private long executions;
    private long accepted;
    private long slowestNanos;

    MutationFuzzer(String target, List<byte[]> seeds, List<byte[]> regressions, int maxInput) {
        this.target = target;
        this.maxInput = maxInput;
        this.seed = Long.getLong("fuzz.seed", target.hashCode());
        double seconds = Double.parseDouble(System.getProperty("fuzz.seconds", "2"));
        this.budgetNanos = (long) (seconds * 1e9);
        this.regressions = List.copyOf(regressions);
        this.pool.addAll(seeds);
        this.random = new SplittableRandom(seed);
        var bean = ManagementFactory.getThreadMXBean();
        this.threads = bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()
                ? sun : null;
    }

    /** Bytes one input may allocate: parsing is linear, so a generous multiple of its size. */
    static long allocationLimit(int inputLength) {
        return (1L << 20) + 512L * inputLength;
    }

    /** Runs until the time budget is spent or an input fails; throws {@link AssertionError} on a failure. */
    Stats run(Property property) throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                loop(property);
            } catch (Throwable t) {
                fail(new byte[0], new AssertionError("the fuzzer itself failed", t));
            }
        }, "fuzz-" + target);
        worker.setDaemon(true);
        worker.start();
        while (worker.isAlive()) {
            worker.join(100);
            byte[] running = current;
            if (running != null && System.nanoTime() - currentStart > HANG_MILLIS * 1_000_000) {
                fail(running, new AssertionError("still running after " + HANG_MILLIS + " ms"));
                worker.interrupt();
                break; // the worker cannot be stopped; it is a daemon and the run has failed
            }
        }
        if (failure != null) {
            throw new AssertionError(target + " (seed " + seed + ") failed on input " + describe(failingInput)
                    + " saved in " + save(failingInput) + ": " + failure, failure);
        }
        return new Stats(target, seed, executions, accepted, slowestNanos / 1000, pool.size());
    }

    private void loop(Property property) {
        warmUp(property);
        for (byte[] input : regressions) {
            if (!execute(property, input)) {
                return;
            }
        }
        for (byte[] input : List.copyOf(pool)) {
            if (!execute(property, input)) {
                return;
            }
        }
        long deadline = System.nanoTime() + budgetNanos;
        while (System.nanoTime() < deadline) {
            byte[] input = random.nextInt(20) == 0 ? randomBytes() : mutate(pool.get(random.nextInt(pool.size())));
            if (!execute(property, input)) {
                return;
            }
        }
    }

    /** Runs the seeds once unmeasured, so class loading and first-use setup do not count as allocation. */
    private void warmUp(Property property) {
        for (byte[] input : pool) {
            try {
                property.check(input.clone());
            } catch (Throwable ignored) {
                // judged on the measured pass that follows
            }
        }
    }

    /** Returns false when the input failed and the run must stop. */
    private boolean execute(Property property, byte[] input) {
        byte[] copy = input.clone();
        long allocatedBefore = threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
        currentStart = System.nanoTime();
        current = input;
        boolean ok;
        try {
            property.check(copy);
            ok = true;
        } catch (IpfsFormatException expected) {
            ok = false;
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                fail(input, new AssertionError("IpfsFormatException without a message", expected));
                return false;
            }
        } catch (Throwable t) {
            fail(input, t);
            return false;
        } finally {
            current = null;
        }
        long elapsed = System.nanoTime() - currentStart;
        executions++;
        slowestNanos = Math.max(slowestNanos, elapsed);
        if (elapsed > SLOW_MILLIS * 1_000_000 && slowAgain(property, input)) {
            fail(input, new AssertionError("took " + elapsed / 1_000_000 + " ms twice (limit " + SLOW_MILLIS + ")"));
            return false;
        }
        if (threads != null) {
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            if (allocated > allocationLimit(input.length)) {
                fail(input, new AssertionError("allocated " + allocated + " bytes for " + input.length
                        + " input bytes (limit " + allocationLimit(input.length) + ")"));
                return false;
            }
        }
        if (ok) {
            accepted++;
            if (pool.size() < POOL_LIMIT) {
                pool.add(input);
            } else {
                pool.set(random.nextInt(POOL_LIMIT), input);
            }
        }
        return true;
    }

    /** A slow input is timed once more, so a pause of the machine (other builds, GC) is not a finding. */
    private boolean slowAgain(Property property, byte[] input) {
        long start = System.nanoTime();
        try {
            property.check(input.clone());
        } catch (Throwable ignored) {
            // the first run already judged the outcome
        }
        return System.nanoTime() - start > SLOW_MILLIS * 1_000_000;
    }

    private void fail(byte[] input, Throwable t) {
        if (failure == null) {
            failingInput = input;
            failure = t;
        }
    }

    private byte[] randomBytes() {
        byte[] out = new byte[random.nextInt(65)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    private byte[] mutate(byte[] parent) {
        byte[] out = parent;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = mutateOnce(out);
        }
        return out.length > maxInput ? Arrays.copyOf(out, maxInput) : out;
    }

    private static final byte[] INTERESTING_BYTES = {0x00, 0x01, 0x02, 0x05, 0x07, 0x08, 0x0a, 0x12, 0x18, 0x20,
            0x22, 0x55, 0x70, 0x71, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0xff, 'Q', 'm', 'b', 'z', 'k', 'f'};
    private static final long[] INTERESTING_VALUES = {0, 1, 127, 128, 255, 256, 16_383, 16_384, Integer.MAX_VALUE,
            1L << 31, (1L << 32) - 1, 1L << 32, 1L << 35, Long.MAX_VALUE, 0x55, 0x70, 0x12, 0x20};

    private byte[] mutateOnce(byte[] in) {
        int n = in.length;
        switch (random.nextInt(12)) {
            case 0 -> { // flip a bit
                if (n == 0) {
                    return new byte[] {(byte) random.nextInt(256)};
                }
                byte[] out = in.clone();
                out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1 -> { // set a byte to a random or interesting value
                if (n == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[random.nextInt(n)] = random.nextBoolean() ? (byte) random.nextInt(256)
                        : INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                return out;
            }
            case 2 -> { // add or subtract a little
                if (n == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[random.nextInt(n)] += (byte) (random.nextInt(9) - 4);
                return out;
            }
            case 3 -> { // insert random bytes
                byte[] insert = new byte[1 + random.nextInt(8)];
                for (int i = 0; i < insert.length; i++) {
                    insert[i] = (byte) random.nextInt(256);
                }
                return insert(in, random.nextInt(n + 1), insert);
            }
            case 4 -> { // delete a range
                if (n == 0) {
                    return in;
                }
                int from = random.nextInt(n);
                int to = Math.min(n, from + 1 + random.nextInt(Math.max(1, n / 4)));
                return remove(in, from, to);
            }
            case 5 -> { // truncate
                return Arrays.copyOf(in, n == 0 ? 0 : random.nextInt(n));
            }
            case 6 -> { // duplicate a range somewhere
                if (n == 0) {
                    return in;
                }
                int from = random.nextInt(n);
                int to = Math.min(n, from + 1 + random.nextInt(Math.max(1, n)));
                return insert(in, random.nextInt(n + 1), Arrays.copyOfRange(in, from, to));
            }
            case 7 -> { // splice with another pool input
                byte[] other = pool.get(random.nextInt(pool.size()));
                int cut = random.nextInt(n + 1);
                int otherCut = random.nextInt(other.length + 1);
                byte[] out = Arrays.copyOf(in, cut + other.length - otherCut);
                System.arraycopy(other, otherCut, out, cut, other.length - otherCut);
                return out;
            }
            case 8 -> { // overwrite a byte with a large or interesting varint (a length, a code, a field key)
                long value = INTERESTING_VALUES[random.nextInt(INTERESTING_VALUES.length)];
                int at = random.nextInt(n + 1);
                return replace(in, at, Math.min(n, at + 1), varint(value));
            }
            case 9 -> { // a non-minimal or over-long varint
                byte[] bad = new byte[2 + random.nextInt(10)];
                Arrays.fill(bad, (byte) 0x80);
                bad[bad.length - 1] = (byte) random.nextInt(2);
                int at = random.nextInt(n + 1);
                return replace(in, at, Math.min(n, at + 1), bad);
            }
            case 10 -> { // text: swap in a character from the multibase alphabets or elsewhere
                if (n == 0) {
                    return in;
                }
                String chars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=-_ é\u0000\u00ff";
                byte[] insert = String.valueOf(chars.charAt(random.nextInt(chars.length())))
                        .getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(n);
                return replace(in, at, at + 1, insert);
            }
            default -> { // repeat the whole input: long inputs
                if (n >= maxInput) {
                    return in;
                }
                byte[] out = Arrays.copyOf(in, Math.min(maxInput, n * 2));
                System.arraycopy(in, 0, out, n, out.length - n);
                return out;
            }
        }
    }

    private static byte[] varint(long value) {
        byte[] out = new byte[10];
        int n = 0;
        while ((value & ~0x7FL) != 0) {
            out[n++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[n++] = (byte) value;
        return Arrays.copyOf(out, n);
    }

    private static byte[] insert(byte[] in, int at, byte[] insert) {
        return replace(in, at, at, insert);
    }

    private static byte[] remove(byte[] in, int from, int to) {
        return replace(in, from, to, new byte[0]);
    }

    private static byte[] replace(byte[] in, int from, int to, byte[] with) {
        byte[] out = new byte[in.length - (to - from) + with.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(in, to, out, from + with.length, in.length - to);
        return out;
    }

    private static String describe(byte[] input) {
        String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 200));
        return "(" + input.length + " bytes) " + hex + (input.length > 200 ? "…" : "");
    }

    private Path save(byte[] input) {
        try {
            Path dir = Path.of("target", "fuzz-findings");
            Files.createDirectories(dir);
            Path file = dir.resolve(target + "-" + Integer.toHexString(Arrays.hashCode(input)) + ".hex");
            Files.writeString(file, HexFormat.of().formatHex(input) + "\n");
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads regression inputs: one hex input per line; lines starting with # say why it is there. */
    static List<byte[]> regressions(String target) {
        var resource = MutationFuzzer.class.getResourceAsStream("/fuzz/" + target + ".hex");
        if (resource == null) {
            return List.of();
        }
        try (resource) {
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(resource.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(HexFormat.of().parseHex(trimmed));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
