package dev.bacalhau4j.ipfs.fuse.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether this process can serve a FUSE mount, and if not, says why: wrong platform,
 * no {@code /dev/fuse}, libfuse3 not loadable, or no permission to mount. Cheap checks only; a
 * mount can still fail later (e.g. a security profile forbidding {@code mount(2)}).
 */
public final class Availability {
    private static final int CAP_SYS_ADMIN = 21;

    private Availability() {
    }

    /** Empty when FUSE mounts should work; otherwise the first reason they cannot. */
    public static Optional<String> unavailableReason() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of("FUSE mounts need Linux (os.name is " + os + ")");
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Optional.of("the FUSE binding knows the struct layouts of x86_64 only (os.arch is " + arch + ")");
        }
        Path dev = Path.of("/dev/fuse");
        if (!Files.exists(dev)) {
            return Optional.of("no /dev/fuse (load the fuse kernel module; in a container pass --device /dev/fuse)");
        }
        if (!Files.isReadable(dev) || !Files.isWritable(dev)) {
            return Optional.of("/dev/fuse is not readable and writable by this user");
        }
        Optional<String> libc = LibC.loadError();
        if (libc.isPresent()) {
            return libc;
        }
        Optional<String> lib = LibFuse.loadError();
        if (lib.isPresent()) {
            return lib;
        }
        boolean root = Unmount.isRoot();
        if (!root && Unmount.fusermount().isEmpty()) {
            return Optional.of("not permitted: not root and no fusermount3 found (install the fuse3 package)");
        }
        if (root && !capability("CapBnd", CAP_SYS_ADMIN)) {
            return Optional.of("not permitted: CAP_SYS_ADMIN is not in this process's capability bounding set"
                    + " (run the container with --cap-add SYS_ADMIN --device /dev/fuse)");
        }
        if (root && !capability("CapEff", CAP_SYS_ADMIN) && Unmount.fusermount().isEmpty()) {
            return Optional.of("not permitted: no CAP_SYS_ADMIN and no fusermount3 found");
        }
        return Optional.empty();
    }

    /** Reads a capability set from {@code /proc/self/status}; true when unknown (let the mount decide). */
    private static boolean capability(String set, int bit) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(set + ":")) {
                    long mask = Long.parseUnsignedLong(line.substring(set.length() + 1).strip(), 16);
                    return (mask & (1L << bit)) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return true;
        }
        return true;
    }
}
