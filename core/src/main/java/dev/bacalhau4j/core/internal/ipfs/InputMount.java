package dev.bacalhau4j.core.internal.ipfs;

import dev.bacalhau4j.ipfs.fs.UnixFsFileSystem;
import dev.bacalhau4j.ipfs.fuse.FuseException;
import dev.bacalhau4j.ipfs.fuse.FuseMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How IPFS inputs reach runtimes that need host paths (containers): through the node's FUSE
 * mount of its UnixFS file system ({@code <mount>/<cid>/path}, read lazily, nothing copied), or,
 * when FUSE is disabled or unavailable, by the caller copying them (this class then only says why).
 *
 * <p>Opened once by the node at start, after removing a stale mount a crashed run left on the
 * same mount point; closed by the node after its executions stop and before the file system it
 * serves closes. Owns the {@link FuseMount} and its threads, not the file system. Thread-safe.
 *
 * <p>Containers bind a path inside the mount ({@code <mount>/<cid>}) with the engine's default
 * propagation, not {@code rslave}: the mount exists before any container is created and outlives
 * every container (the node removes its containers before unmounting), so nothing needs to
 * propagate; and Docker refuses {@code rslave}/{@code rshared} binds whose source lies on a
 * mount that is neither shared nor slave, which the FUSE mount is wherever its parent mount is
 * private (as on the CI machines, where {@code /} is private). Checked on Docker 20.10.
 */
public final class InputMount implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InputMount.class);

    private final UnixFsFileSystem fileSystem;
    private final Optional<FuseMount> mount;
    private final String description;

    private InputMount(UnixFsFileSystem fileSystem, Optional<FuseMount> mount, String description) {
        this.fileSystem = fileSystem;
        this.mount = mount;
        this.description = description;
    }

    /**
     * Mounts {@code fileSystem}'s root read-only on {@code mountPoint} (created if missing) when
     * {@code enabled} and FUSE is available here; otherwise, or when mounting fails, returns a
     * mount that copies, with the reason. Logs which, once.
     */
    public static InputMount open(UnixFsFileSystem fileSystem, Path mountPoint, boolean enabled) {
        if (Files.isReadable(Path.of("/proc/self/mountinfo"))) { // Linux: the only place a mount can be left
            try {
                // before touching it, and even when this run will not mount: a dead mount fails every stat
                FuseMount.cleanupStale(mountPoint);
            } catch (FuseException | RuntimeException e) {
                log.warn("a stale FUSE mount stays on {}: {}", mountPoint, e.getMessage());
            }
        }
        if (!enabled) {
            return copying(fileSystem, "FUSE disabled by the node's options");
        }
        if (!FuseMount.available()) {
            return copying(fileSystem, "FUSE unavailable: " + FuseMount.unavailableReason());
        }
        try {
            Files.createDirectories(mountPoint);
            FuseMount mount = FuseMount.mount(fileSystem.getPath("/"), mountPoint);
            InputMount m = new InputMount(fileSystem, Optional.of(mount), "fuse at " + mount.mountPoint());
            log.info("IPFS inputs reach containers through the FUSE mount {}", mount.mountPoint());
            return m;
        } catch (IOException | RuntimeException e) {
            String reason = "FUSE mount on " + mountPoint + " failed: " + e.getMessage();
            log.warn("IPFS inputs of runtimes that need host paths (docker) are copied into the staging directory: {}",
                    reason);
            return new InputMount(fileSystem, Optional.empty(), "copy (" + reason + ")");
        }
    }

    private static InputMount copying(UnixFsFileSystem fileSystem, String reason) {
        log.info("IPFS inputs of runtimes that need host paths (docker) are copied into the staging directory: {}",
                reason);
        return new InputMount(fileSystem, Optional.empty(), "copy (" + reason + ")");
    }

    /** {@code fuse at <mount point>} or {@code copy (<why>)}, for node info. */
    public String description() {
        return description;
    }

    /** Why inputs are copied ({@code copy (<why>)} gives {@code <why>}), empty when the FUSE mount serves them. */
    public String whyCopied() {
        return mount.isPresent() ? "" : description.substring("copy (".length(), description.length() - 1);
    }

    /** Where the mount is, empty when inputs are copied. */
    public Optional<Path> mountPoint() {
        return mount.map(FuseMount::mountPoint);
    }

    /**
     * The host path of {@code staged} inside the FUSE mount when it is a path of the node's UnixFS
     * file system ({@code /<cid>/a/b} gives {@code <mount>/<cid>/a/b}) and the mount is serving;
     * empty otherwise (the caller copies).
     */
    public Optional<Path> hostPathOf(Path staged) {
        if (mount.isEmpty() || staged.getFileSystem() != fileSystem || !mount.get().isServing()) {
            return Optional.empty();
        }
        Path mountPoint = mount.get().mountPoint();
        Path host = mountPoint;
        for (Path name : staged.toAbsolutePath().normalize()) {
            host = host.resolve(name.toString());
        }
        Path normalized = host.normalize();
        return normalized.startsWith(mountPoint) && !normalized.equals(mountPoint)
                ? Optional.of(normalized) : Optional.empty();
    }

    /** Unmounts; a mount that cannot be removed is logged (the next start removes it). Idempotent. */
    @Override
    public void close() {
        if (mount.isEmpty()) return;
        try {
            mount.get().close();
        } catch (FuseException e) {
            log.warn("could not unmount the IPFS FUSE mount {}; the node removes it at its next start: {}",
                    mount.get().mountPoint(), e.getMessage());
        }
    }
}
