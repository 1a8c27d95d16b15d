package dev.bacalhau4j.ipfs.fuse;

import static org.assertj.core.api.Assertions.fail;

import dev.bacalhau4j.ipfs.fuse.internal.MountTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Helpers for the real-FUSE tests: skip (or fail under CI=true) without FUSE; run child processes. */
final class FuseTestSupport {
    private FuseTestSupport() {
    }

    /** Skips the test when FUSE is unavailable, with the reason; under {@code CI=true} fails instead. */
    static void requireFuse() {
        String reason = FuseMount.unavailableReason();
        if (reason.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("FUSE is required under CI=true but is not available: " + reason);
        }
        Assumptions.abort("FUSE is not available: " + reason);
    }

    /** What a child process did. */
    record Result(int exit, String out, byte[] stdout, String err) {
    }

    /** Runs a command with a 60 s limit, capturing stdout (bytes and text) and stderr. */
    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, false));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", command));
        }
        byte[] o = out.join();
        return new Result(p.exitValue(), new String(o, StandardCharsets.UTF_8), o,
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(Process p, boolean err) {
        try {
            return (err ? p.getErrorStream() : p.getInputStream()).readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The mounts mountinfo lists on exactly this point. */
    static List<MountTable.Entry> mountsAt(Path mountPoint) throws IOException {
        Path abs = mountPoint.toAbsolutePath();
        return MountTable.at(abs.getParent().toRealPath().resolve(abs.getFileName().toString()));
    }
}
