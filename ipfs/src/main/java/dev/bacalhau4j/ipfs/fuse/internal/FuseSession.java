package dev.bacalhau4j.ipfs.fuse.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.bacalhau4j.ipfs.fuse.FuseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libfuse high-level session: {@code fuse_new} + {@code fuse_mount}, a Java thread running
 * {@code fuse_loop_mt} (which starts and owns libfuse's worker threads), and the teardown
 * {@code fuse_exit} → unmount → join → {@code fuse_destroy}. The session owns its loop thread,
 * the native {@code struct fuse} and the callbacks; it does not own the tree's file system.
 */
public final class FuseSession {
    private static final Logger LOG = LoggerFactory.getLogger(FuseSession.class);

    private final LibFuse lib;
    private final Pointer fuse;
    private final Path mountPoint;
    private final FuseCallbacks callbacks;
    private final List<Memory> nativeArgs;
    private final Optional<MountTable.Entry> mountEntry;
    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread loop;
    private volatile int loopResult;

    private FuseSession(LibFuse lib, Pointer fuse, Path mountPoint, FuseCallbacks callbacks, List<Memory> nativeArgs,
                        Optional<MountTable.Entry> mountEntry, int maxThreads) {
        this.lib = lib;
        this.fuse = fuse;
        this.mountPoint = mountPoint;
        this.callbacks = callbacks;
        this.nativeArgs = nativeArgs;
        this.mountEntry = mountEntry;
        this.loop = new Thread(() -> runLoop(maxThreads), "bacalhau4j-fuse-loop " + mountPoint);
        this.loop.setDaemon(true);
    }

    /**
     * Mounts {@code tree} on {@code mountPoint} with the given {@code -o} options and starts serving.
     *
     * @param mountOptions e.g. {@code ro}, {@code allow_other}, {@code kernel_cache}
     * @throws FuseException with libfuse's own explanation when it refuses
     */
    public static FuseSession start(ReadOnlyTree tree, Path mountPoint, List<String> mountOptions, boolean keepCache,
                                    int maxThreads, boolean debug) throws FuseException {
        LibFuse lib = LibFuse.get();
        LibC.Api libc = LibC.get();
        FuseCallbacks callbacks = new FuseCallbacks(tree, libc.geteuid(), libc.getegid(), keepCache,
                "bacalhau4j-fuse-worker " + mountPoint);
        List<String> argv = new ArrayList<>(List.of("bacalhau4j", "-o", String.join(",", mountOptions)));
        if (debug) {
            argv.add("-d");
        }
        List<Memory> memory = new ArrayList<>();
        Memory args = fuseArgs(argv, memory);
        FuseLog.startCapture();
        Pointer fuse;
        boolean mounted = false;
        String said;
        try {
            fuse = lib.api().fuse_new_31(args, callbacks.operations(), NativeLayout.OPERATIONS_SIZE, null);
            lib.api().fuse_opt_free_args(args);
            if (fuse != null) {
                mounted = lib.api().fuse_mount(fuse, mountPoint.toString()) == 0;
                if (!mounted) {
                    lib.api().fuse_destroy(fuse);
                }
            }
        } finally {
            said = FuseLog.stopCapture();
        }
        if (fuse == null) {
            throw new FuseException(mountPoint, "cannot mount FUSE on " + mountPoint + ": fuse_new refused the options "
                    + argv.subList(1, argv.size()) + (said.isEmpty() ? "" : ": " + said));
        }
        if (!mounted) {
            throw new FuseException(mountPoint, "cannot mount FUSE on " + mountPoint + ": fuse_mount failed"
                    + (said.isEmpty() ? " (see libfuse's message on stderr)" : ": " + said));
        }
        Optional<MountTable.Entry> entry = Optional.empty();
        try {
            entry = MountTable.fuseAt(mountPoint);
        } catch (IOException e) {
            LOG.debug("cannot read mountinfo after mounting {}: {}", mountPoint, e.toString());
        }
        FuseSession session = new FuseSession(lib, fuse, mountPoint, callbacks, memory, entry, maxThreads);
        session.loop.start();
        return session;
    }

    /** {@code struct fuse_args} over NUL-terminated copies of argv; every block is kept in {@code keep}. */
    private static Memory fuseArgs(List<String> argv, List<Memory> keep) {
        Memory array = new Memory(8L * (argv.size() + 1));
        for (int i = 0; i < argv.size(); i++) {
            byte[] bytes = argv.get(i).getBytes(StandardCharsets.UTF_8);
            Memory s = new Memory(bytes.length + 1L);
            s.write(0, bytes, 0, bytes.length);
            s.setByte(bytes.length, (byte) 0);
            keep.add(s);
            array.setPointer(8L * i, s);
        }
        array.setPointer(8L * argv.size(), null);
        keep.add(array);
        Memory args = new Memory(NativeLayout.ARGS_SIZE);
        args.clear();
        args.setInt(NativeLayout.ARGS_ARGC, argv.size());
        args.setPointer(NativeLayout.ARGS_ARGV, array);
        args.setInt(NativeLayout.ARGS_ALLOCATED, 0);
        keep.add(args);
        return args;
    }

    private void runLoop(int maxThreads) {
        try {
            loopResult = lib.loopMt(fuse, maxThreads);
            if (!closed.get()) {
                LOG.warn("FUSE mount {} stopped serving (loop result {}); was it unmounted by someone else?",
                        mountPoint, loopResult);
            }
        } catch (Throwable t) {
            LOG.error("FUSE loop for {} failed", mountPoint, t);
        } finally {
            loopEnded.countDown();
        }
    }

    public Path mountPoint() {
        return mountPoint;
    }

    public boolean serving() {
        return loopEnded.getCount() > 0;
    }

    /** Files the kernel holds open on this mount. */
    public int openFiles() {
        return callbacks.tree().openFiles();
    }

    /**
     * Stops serving, even while other processes hold files open on the mount: {@code fuse_exit},
     * then a lazy unmount (the mount leaves the tree at once), then one {@code statfs} through a
     * handle taken just before, so that a worker wakes up, sees the exit flag and ends the loop;
     * then {@code fuse_destroy}, which closes {@code /dev/fuse} (files still open on the
     * detached mount get ENOTCONN). If the loop does not end within {@code timeout}, the
     * connection is aborted through fusectl when it is mounted; failing that, the loop thread is
     * left running (the callbacks stay reachable through it). Idempotent.
     *
     * @throws FuseException when the mount could not be removed
     */
    public void close(Duration timeout) throws FuseException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        FuseException unmountError = null;
        if (serving()) {
            lib.api().fuse_exit(fuse);
            int poke = stillOurs() ? LibC.get().open(mountPoint.toString(), LibC.O_PATH_DIRECTORY) : -1;
            try {
                Unmount.Outcome outcome = stillOurs() ? Unmount.detach(mountPoint) : Unmount.Outcome.NOT_MOUNTED;
                LOG.debug("FUSE mount {}: {}", mountPoint, outcome);
            } catch (IOException | RuntimeException | LinkageError e) {
                unmountError = new FuseException(mountPoint, "cannot unmount FUSE mount " + mountPoint + ": "
                        + e.getMessage(), e);
            }
            if (poke >= 0) {
                wake(poke);
            }
        }
        boolean ended = await(timeout);
        if (!ended && mountEntry.isPresent() && Unmount.abort(mountEntry.get())) {
            LOG.warn("FUSE mount {}: loop still busy {} after unmount; aborted the connection", mountPoint, timeout);
            ended = await(timeout);
        }
        if (ended) {
            lib.api().fuse_destroy(fuse); // closes /dev/fuse
            callbacks.tree().closeAll();
        } else {
            LOG.warn("FUSE mount {}: loop thread did not stop within {} after unmount; leaving it (daemon)",
                    mountPoint, timeout);
        }
        if (unmountError != null) {
            throw unmountError;
        }
    }

    /** True while the top mount on the mount point is this session's (never unmount someone else's). */
    private boolean stillOurs() {
        try {
            Optional<MountTable.Entry> top = MountTable.fuseAt(mountPoint);
            return top.isPresent() && (mountEntry.isEmpty() || top.get().device().equals(mountEntry.get().device()));
        } catch (IOException e) {
            return mountEntry.isEmpty();
        }
    }

    /** One request through the detached mount, on a helper thread (a busy loop must not block close). */
    private void wake(int fd) {
        Thread t = new Thread(() -> {
            try (Memory statfs = new Memory(NativeLayout.STATVFS_SIZE + 16)) {
                LibC.get().fstatfs(fd, statfs);
            } finally {
                LibC.get().close(fd);
            }
        }, "bacalhau4j-fuse-wake " + mountPoint);
        t.setDaemon(true);
        t.start();
    }

    private boolean await(Duration timeout) {
        try {
            return loopEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
