package dev.bacalhau4j.core.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns staged inputs into host paths for runtimes that cannot read other file systems (a
 * container engine binds host directories). Inputs already on the host pass through; others,
 * such as a CID's view in the UnixFS FileSystem, are materialized into the execution's staging
 * area, logged once per node so the copy is never a surprise.
 */
final class HostPaths {
    private static final Logger log = LoggerFactory.getLogger(HostPaths.class);
    private volatile boolean toldOnce;

    Path toHostPath(Path staged, Path area, String name) throws IOException {
        if (staged.getFileSystem() == FileSystems.getDefault()) {
            return staged;
        }
        if (!toldOnce) {
            toldOnce = true;
            log.info("inputs from {} are copied to the staging directory for runtimes that need host paths",
                    staged.getFileSystem().provider().getScheme());
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
