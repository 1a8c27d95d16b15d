package dev.bacalhau4j.ipfs.fuse;

import dev.bacalhau4j.ipfs.fuse.internal.Availability;
import dev.bacalhau4j.ipfs.fuse.internal.FuseSession;
import dev.bacalhau4j.ipfs.fuse.internal.MountTable;
import dev.bacalhau4j.ipfs.fuse.internal.ReadOnlyTree;
import dev.bacalhau4j.ipfs.fuse.internal.Unmount;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only FUSE mount (libfuse3 over JNA) that serves any {@code java.nio} directory tree —
 * typically the UnixFS file system's root, giving {@code <mount>/<cid>/path...}.
 *
 * <p>The mount owns its threads: one Java loop thread and libfuse's worker threads (at most
 * {@link FuseMountOptions#maxThreads()}), which call into the tree's file system concurrently;
 * that file system must be thread-safe, and it is not owned (nor closed) by the mount. Reads go
 * to a channel per open file, at the offsets asked, so a lazy file system loads only the blocks a
 * reader touches; with {@link FuseMountOptions#kernelCache()} the page cache keeps what was read.
 * {@link #close()} unmounts and stops the threads; a JVM that exits without closing unmounts in a
 * shutdown hook, and a JVM that crashed leaves a dead mount that {@link #cleanupStale(Path)}
 * removes at the next start.
 */
public final class FuseMount implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuseMount.class);
    /** The {@code fsname} of every mount made here; mountinfo shows it as the source. */
    public static final String FS_NAME = "bacalhau4j";
    /** The {@code subtype}: mountinfo shows type {@code fuse.ipfs}. */
    public static final String SUBTYPE = "ipfs";

    private final Path root;
    private final Path mountPoint;
    private final FuseMountOptions options;
    private final FuseSession session;
    private final Thread shutdownHook;

    private FuseMount(Path root, Path mountPoint, FuseMountOptions options, FuseSession session) {
        this.root = root;
        this.mountPoint = mountPoint;
        this.options = options;
        this.session = session;
        this.shutdownHook = new Thread(this::closeAtExit, "bacalhau4j-fuse-unmount " + mountPoint);
    }

    /**
     * True when this process can serve FUSE mounts (Linux x86_64, /dev/fuse, libfuse3, permission).
     *
     * @return true when FUSE can be used
     */
    public static boolean available() {
        return Availability.unavailableReason().isEmpty();
    }

    /**
     * Why FUSE mounts cannot be served here, or the empty string when they can.
     *
     * @return the reason, or {@code ""}
     */
    public static String unavailableReason() {
        return Availability.unavailableReason().orElse("");
    }

    /**
     * Mounts {@code root} on {@code mountPoint} with {@link FuseMountOptions#defaults()}.
     *
     * @param root the directory tree to serve
     * @param mountPoint an existing directory
     * @return the mount; the caller closes it
     * @throws FuseException when FUSE is unavailable or the mount fails
     */
    public static FuseMount mount(Path root, Path mountPoint) throws FuseException {
        return mount(root, mountPoint, FuseMountOptions.defaults());
    }

    /**
     * Mounts the directory tree under {@code root} (any {@code java.nio} file system; it is only
     * read) read-only on {@code mountPoint}, an existing directory of the default file system.
     *
     * @param root the directory tree to serve
     * @param mountPoint an existing directory
     * @param options how to mount
     * @return the mount; the caller closes it
     * @throws FuseException when FUSE is unavailable, a FUSE mount is already there (see
     *                       {@link #cleanupStale(Path)}), or libfuse refuses
     * @throws IllegalArgumentException when {@code root} is not a directory or the mount point is
     *                       not an existing directory of the default file system
     */
    public static FuseMount mount(Path root, Path mountPoint, FuseMountOptions options) throws FuseException {
        Objects.requireNonNull(root, "root == null");
        Objects.requireNonNull(mountPoint, "mountPoint == null");
        Objects.requireNonNull(options, "options == null");
        Path mp = canonical(mountPoint);
        Optional<String> unavailable = Availability.unavailableReason();
        if (unavailable.isPresent()) {
            throw new FuseException(mp, "cannot mount FUSE on " + mp + ": FUSE is not available here: " + unavailable.get());
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("root " + root + " (" + root.getFileSystem() + ") is not a directory");
        }
        Optional<MountTable.Entry> existing = fuseMountAt(mp);
        if (existing.isPresent()) {
            throw new FuseException(mp, "cannot mount FUSE on " + mp + ": a FUSE mount is already there (type "
                    + existing.get().fsType() + ", source " + existing.get().source() + "); if a crashed run left it,"
                    + " call FuseMount.cleanupStale(" + mp + ") first");
        }
        if (!Files.isDirectory(mp)) {
            throw new IllegalArgumentException("mount point " + mp + " must be an existing directory");
        }
        FuseSession session = FuseSession.start(new ReadOnlyTree(root), mp, mountOptions(options),
                options.kernelCache(), options.maxThreads(), options.debug());
        FuseMount mount = new FuseMount(root, mp, options, session);
        Runtime.getRuntime().addShutdownHook(mount.shutdownHook);
        LOG.info("FUSE mount {} serves {} ({})", mp, root, options);
        return mount;
    }

    /**
     * The {@code -o} options: {@code ro} (the kernel refuses writes with EROFS before asking us),
     * {@code default_permissions} (the kernel checks the reported modes), {@code allow_other}
     * (container users; a non-root user also needs {@code user_allow_other} in /etc/fuse.conf),
     * {@code kernel_cache} and long entry/attribute timeouts (CID content never changes).
     */
    static List<String> mountOptions(FuseMountOptions o) {
        List<String> list = new ArrayList<>(List.of("ro", "fsname=" + FS_NAME, "subtype=" + SUBTYPE, "default_permissions"));
        if (o.allowOther()) {
            list.add("allow_other");
        }
        if (o.kernelCache()) {
            list.add("kernel_cache");
        }
        list.add("entry_timeout=" + seconds(o.cacheTimeout()));
        list.add("attr_timeout=" + seconds(o.cacheTimeout()));
        list.add("negative_timeout=" + seconds(o.negativeTimeout()));
        return list;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    /**
     * Removes every FUSE mount this library left on {@code mountPoint} (fsname
     * {@value #FS_NAME}), e.g. by a JVM that was killed: as root with {@code umount2}
     * (lazily if busy), otherwise with {@code fusermount3 -u -z}. Call it only for a mount point
     * this node owns: a live mount there from another process is removed too.
     *
     * @param mountPoint the mount point to clean
     * @return how many mounts were removed (0 when there was none)
     * @throws FuseException when a mount there is not one of ours, or cannot be removed
     */
    public static int cleanupStale(Path mountPoint) throws FuseException {
        Path mp = canonical(mountPoint);
        int removed = 0;
        for (int i = 0; i < 64; i++) {
            Optional<MountTable.Entry> entry = fuseMountAt(mp);
            if (entry.isEmpty()) {
                return removed;
            }
            if (!entry.get().source().equals(FS_NAME)) {
                throw new FuseException(mp, "not cleaning up " + mp + ": the FUSE mount there is not ours (type "
                        + entry.get().fsType() + ", source " + entry.get().source() + ")");
            }
            try {
                Unmount.Outcome outcome = Unmount.unmount(mp);
                if (outcome == Unmount.Outcome.NOT_MOUNTED) {
                    return removed;
                }
                removed++;
                LOG.info("removed a stale FUSE mount from {} ({})", mp, outcome);
            } catch (IOException e) {
                throw new FuseException(mp, "cannot remove the stale FUSE mount on " + mp + ": " + e.getMessage(), e);
            }
        }
        throw new FuseException(mp, "cannot remove the stale FUSE mounts on " + mp + ": still mounted after 64 unmounts");
    }

    private static Optional<MountTable.Entry> fuseMountAt(Path mp) throws FuseException {
        try {
            return MountTable.fuseAt(mp);
        } catch (IOException e) {
            throw new FuseException(mp, "cannot read /proc/self/mountinfo to check " + mp + ": " + e.getMessage(), e);
        }
    }

    /**
     * The absolute path mountinfo would show: the parent's real path plus the name (the mount
     * point itself is not resolved, since a dead FUSE mount cannot be stat'ed).
     */
    private static Path canonical(Path mountPoint) {
        if (mountPoint.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("mount point " + mountPoint + " must be on the default file system");
        }
        Path abs = mountPoint.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new IllegalArgumentException("mount point " + mountPoint + " cannot be the file system root");
        }
        try {
            return parent.toRealPath().resolve(abs.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("mount point " + mountPoint + ": its parent " + parent
                    + " does not resolve (" + e + ")", e);
        }
    }

    /**
     * Where the tree is mounted (absolute, parent resolved).
     *
     * @return the mount point
     */
    public Path mountPoint() {
        return mountPoint;
    }

    /**
     * The tree being served.
     *
     * @return the root of the tree
     */
    public Path root() {
        return root;
    }

    /**
     * The options the mount was made with.
     *
     * @return the options
     */
    public FuseMountOptions options() {
        return options;
    }

    /**
     * True until the mount is closed or unmounted from outside.
     *
     * @return whether it still serves
     */
    public boolean isServing() {
        return session.serving();
    }

    /**
     * Unmounts (plainly, or lazily when busy, or with {@code fusermount3 -u -z}), waits for the
     * loop to stop (aborting the connection if it does not within
     * {@link FuseMountOptions#closeTimeout()}), and frees libfuse's state. Idempotent.
     *
     * @throws FuseException when the mount could not be removed
     */
    @Override
    public void close() throws FuseException {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran already
        }
        session.close(options.closeTimeout());
    }

    private void closeAtExit() {
        try {
            session.close(Duration.ofSeconds(2));
        } catch (FuseException | RuntimeException e) {
            LOG.warn("FUSE mount {} left mounted at exit: {}", mountPoint, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "FuseMount{" + mountPoint + " <- " + root + "}";
    }
}
