package dev.bacalhau4j.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.bacalhau4j.runtime.container.internal.EngineConnection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Docker engine the tests use and builds their image without a registry.
 *
 * <p>When no engine answers (or {@code /bin/busybox} is missing), container tests are skipped,
 * except under {@code CI=true}, where they fail: CI must run them ({@code scripts/docker-engine.sh}
 * installs and starts the engine). The caller owns the returned connection and closes it.
 */
final class TestEngine {

    /** Busybox applets linked in the test image. */
    private static final String[] APPLETS = {"sh", "cat", "echo", "ls", "sleep", "head", "tr", "wc", "touch",
        "mkdir", "env", "pwd", "true", "false", "seq", "dd", "id", "rm", "test", "["};

    private TestEngine() {}

    /** A connection to a reachable engine; skips (or fails under CI=true) when there is none. */
    static EngineConnection require() {
        EngineConnection connection = EngineConnection.open(Optional.empty(), Duration.ofSeconds(3));
        String problem = "";
        try {
            connection.probe().pingCmd().exec();
        } catch (RuntimeException e) {
            problem = "no Docker engine at " + connection.host() + ": " + e;
        }
        if (problem.isEmpty() && !Files.isRegularFile(Path.of("/bin/busybox"))) {
            problem = "/bin/busybox is missing (Debian package busybox-static)";
        }
        if (!problem.isEmpty()) {
            connection.close();
            String message = problem + "; run scripts/docker-engine.sh to install and start the engine";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("container tests must run under CI=true, but " + message);
            }
            Assumptions.abort("skipping container tests: " + message);
        }
        return connection;
    }

    /**
     * The tag of a {@code FROM scratch} image holding the host's static busybox at {@code /bin/busybox}
     * with applet links, and a writable {@code /tmp}; built once per busybox binary, then reused.
     */
    static String busyboxImage(DockerClient client) throws IOException {
        byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
        String tag = "bacalhau4j-test/busybox:" + sha256(busybox).substring(0, 12);
        try {
            client.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException e) {
            // build it below
        }
        byte[] context = buildContext(busybox);
        String id = client.buildImageCmd(new ByteArrayInputStream(context))
                .withTags(Set.of(tag))
                .withPull(false)
                .exec(new BuildImageResultCallback())
                .awaitImageId(120, TimeUnit.SECONDS);
        Assertions.assertNotNull(id, "building " + tag);
        return tag;
    }

    private static byte[] buildContext(byte[] busybox) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            file(tar, "Dockerfile", "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/sh\"]\n".getBytes(StandardCharsets.UTF_8), 0644);
            dir(tar, "rootfs/", 0755);
            dir(tar, "rootfs/bin/", 0755);
            dir(tar, "rootfs/tmp/", 01777);
            file(tar, "rootfs/bin/busybox", busybox, 0755);
            for (String applet : APPLETS) {
                TarArchiveEntry link = new TarArchiveEntry("rootfs/bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(mode);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void dir(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(mode | 040000);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
