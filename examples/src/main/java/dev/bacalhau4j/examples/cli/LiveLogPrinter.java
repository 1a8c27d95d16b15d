package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.LogChunk;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prints a job's output as it comes ({@code --follow} on the embedded node): stdout chunks to
 * {@code out}, stderr chunks to {@code err}, with a {@code ==> execution ... <==} header when a job
 * of several executions moves to the next one. A UTF-8 character split across two chunks is held
 * back until its last byte arrives, so it prints whole.
 */
final class LiveLogPrinter implements Consumer<LogChunk> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean headers;
    // guarded by this
    private final Map<String, byte[]> heldBack = new HashMap<>();
    private String lastExecution;

    LiveLogPrinter(PrintWriter out, PrintWriter err, boolean severalExecutions) {
        this.out = out;
        this.err = err;
        this.headers = severalExecutions;
    }

    @Override
    public synchronized void accept(LogChunk chunk) {
        if (headers && !chunk.executionId().equals(lastExecution)) {
            out.println("==> execution " + chunk.executionId() + " <==");
            out.flush();
        }
        lastExecution = chunk.executionId();
        String key = chunk.executionId() + chunk.stream();
        byte[] bytes = concat(heldBack.remove(key), chunk.bytes());
        int whole = wholeCharacters(bytes);
        if (whole < bytes.length) heldBack.put(key, Arrays.copyOfRange(bytes, whole, bytes.length));
        PrintWriter to = chunk.stream() == LogChunk.Stream.STDOUT ? out : err;
        to.print(new String(bytes, 0, whole, StandardCharsets.UTF_8));
        to.flush();
    }

    /** Prints what was held back at the end of a stream that ended mid-character (as replacement characters). */
    synchronized void finish() {
        heldBack.forEach((key, bytes) -> (key.endsWith(LogChunk.Stream.STDOUT.name()) ? out : err)
                .print(new String(bytes, StandardCharsets.UTF_8)));
        heldBack.clear();
        out.flush();
        err.flush();
    }

    /** The length of {@code bytes} without a trailing UTF-8 sequence that is still missing bytes. */
    static int wholeCharacters(byte[] bytes) {
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xff;
            if ((b & 0xc0) == 0x80) continue; // a continuation byte: look further back for the lead
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? bytes.length - back : bytes.length;
        }
        return bytes.length;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        if (first == null) return second;
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
