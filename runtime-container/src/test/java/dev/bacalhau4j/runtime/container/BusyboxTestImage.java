package dev.bacalhau4j.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assertions;

/**
 * Builds, with no registry, the test image of the container tests here and in src-test (which
 * gets it through this module's test jar): {@code FROM scratch} with the host's static busybox at
 * {@code /bin/busybox}, links for the given applets and a writable {@code /tmp}. Built once per
 * busybox binary and applet list, then reused.
 */
public final class BusyboxTestImage {
    private BusyboxTestImage() {}

    /** The tag {@code <repository>:<hash>} of the image, built now if the engine lacks it. */
    public static String ensure(DockerClient client, String repository, List<String> applets) throws IOException {
        byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
        String tag = repository + ":" + sha256(busybox, String.join(",", applets)).substring(0, 12);
        try {
            client.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException e) {
            // build it below
        }
        String id = client.buildImageCmd(new ByteArrayInputStream(buildContext(busybox, applets)))
                .withTags(Set.of(tag))
                .withPull(false)
                .exec(new BuildImageResultCallback())
                .awaitImageId(120, TimeUnit.SECONDS);
        Assertions.assertNotNull(id, "building " + tag);
        return tag;
    }

    private static byte[] buildContext(byte[] busybox, List<String> applets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            file(tar, "Dockerfile", "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/sh\"]\n".getBytes(StandardCharsets.UTF_8), 0644);
            dir(tar, "rootfs/", 0755);
            dir(tar, "rootfs/bin/", 0755);
            dir(tar, "rootfs/tmp/", 01777);
            file(tar, "rootfs/bin/busybox", busybox, 0755);
            for (String applet : applets) {
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

    private static String sha256(byte[] bytes, String salt) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes);
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
