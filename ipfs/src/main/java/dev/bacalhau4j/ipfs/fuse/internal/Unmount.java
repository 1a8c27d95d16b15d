package dev.bacalhau4j.ipfs.fuse.internal;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Takes a FUSE mount out of the file tree: {@code umount2(2)} when running as root (plain first,
 * then {@code MNT_DETACH} if it is busy), else {@code fusermount3 -u -z}; and, as a last resort
 * for a server that no longer answers, aborts the connection through fusectl.
 */
public final class Unmount {
    private static final int EINVAL = 22;
    private static final int EBUSY = 16;
    private static final List<Path> FUSERMOUNT = List.of(Path.of("/usr/bin/fusermount3"), Path.of("/bin/fusermount3"),
            Path.of("/usr/local/bin/fusermount3"));

    private Unmount() {
    }

    /** How the mount was removed (for logs). */
    public enum Outcome { UNMOUNTED, DETACHED, NOT_MOUNTED }

    /**
     * Unmounts whatever is mounted on top of {@code mountPoint}.
     *
     * @throws IOException naming the mount point and every attempt that failed
     */
    public static Outcome unmount(Path mountPoint) throws IOException {
        return unmount(mountPoint, true);
    }

    /** Detaches the mount on top of {@code mountPoint} at once ({@code MNT_DETACH}, {@code fusermount3 -u -z}). */
    public static Outcome detach(Path mountPoint) throws IOException {
        return unmount(mountPoint, false);
    }

    private static Outcome unmount(Path mountPoint, boolean plainFirst) throws IOException {
        String mp = mountPoint.toString();
        String rootError = null;
        if (isRoot() && plainFirst) {
            try {
                LibC.get().umount2(mp, 0);
                return Outcome.UNMOUNTED;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINVAL) {
                    return Outcome.NOT_MOUNTED;
                }
                if (e.getErrorCode() != EBUSY) {
                    rootError = "umount2(" + mp + "): errno " + e.getErrorCode();
                }
            }
        }
        if (isRoot()) {
            try {
                LibC.get().umount2(mp, LibC.MNT_DETACH);
                return Outcome.DETACHED;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINVAL) {
                    return Outcome.NOT_MOUNTED;
                }
                rootError = "umount2(" + mp + ", MNT_DETACH): errno " + e.getErrorCode();
            }
        }
        String failed = rootError;
        Path fusermount = fusermount().orElseThrow(() -> new IOException("cannot unmount " + mp + ": "
                + (failed != null ? failed + ", and" : "not root and") + " no fusermount3 found (install the fuse3 package)"));
        ProcessBuilder pb = new ProcessBuilder(fusermount.toString(), "-u", "-z", mp).redirectErrorStream(true);
        Process p = pb.start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("cannot unmount " + mp + ": " + fusermount + " -u -z did not finish in 10 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + mp, e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            if (out.contains("not found in") || out.contains("not mounted")) {
                return Outcome.NOT_MOUNTED;
            }
            throw new IOException("cannot unmount " + mp + ": " + fusermount + " -u -z exited with "
                    + p.exitValue() + (out.isEmpty() ? "" : ": " + out) + (rootError == null ? "" : "; " + rootError));
        }
        return Outcome.DETACHED;
    }

    /**
     * Aborts a FUSE connection ({@code echo 1 > /sys/fs/fuse/connections/N/abort}): every request
     * still pending or to come fails with ENOTCONN and the server's loop ends. Needs fusectl mounted.
     *
     * @return false when fusectl is not mounted or not writable
     */
    public static boolean abort(MountTable.Entry mount) {
        Path abort = Path.of("/sys/fs/fuse/connections", mount.connection(), "abort");
        if (!Files.isWritable(abort)) {
            return false;
        }
        try {
            Files.writeString(abort, "1");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isRoot() {
        try {
            return LibC.get().geteuid() == 0;
        } catch (LinkageError e) {
            return false;
        }
    }

    static java.util.Optional<Path> fusermount() {
        return FUSERMOUNT.stream().filter(Files::isExecutable).findFirst();
    }
}
