package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.core.internal.ipfs.InputMount;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns staged inputs into host paths for runtimes that cannot read other file systems (a
 * container engine binds host directories). Inputs already on the host pass through; a CID's
 * view in the UnixFS FileSystem becomes its path in the node's FUSE mount when that is up
 * (nothing copied); anything else is materialized into the execution's staging area, logged once
 * per node with the reason, so the copy is never a surprise.
 */
final class HostPaths {
    private static final Logger log = LoggerFactory.getLogger(HostPaths.class);
    private final InputMount inputMount;
    private volatile boolean toldOnce;

    HostPaths(InputMount inputMount) {
        this.inputMount = inputMount;
    }

    Path toHostPath(Path staged, Path area, String name) throws IOException {
        if (staged.getFileSystem() == FileSystems.getDefault()) {
            return staged;
        }
        Optional<Path> mounted = inputMount.hostPathOf(staged);
        if (mounted.isPresent()) {
            return mounted.get();
        }
        if (!toldOnce) {
            toldOnce = true;
            String why = inputMount.whyCopied().isEmpty() ? "not a path of the node's FUSE mount" : inputMount.whyCopied();
            log.info("inputs from {} are copied to the staging directory for runtimes that need host paths ({})",
                    staged.getFileSystem().provider().getScheme(), why);
        }
        Path target = area.resolve(name);
        if (Files.isDirectory(staged)) {
            FileTrees.copy(staged, target);
        } else {
            Files.copy(staged, target);
        }
        return target;
    }
}
