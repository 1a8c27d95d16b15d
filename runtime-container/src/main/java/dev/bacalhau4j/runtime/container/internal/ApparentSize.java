package dev.bacalhau4j.runtime.container.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * The apparent size of the regular files under some directories: a sparse 100 GiB file counts
 * 100 GiB, as publishing reads every byte of it. Links are not followed. Safe on a tree that a
 * running container changes: entries that vanish or cannot be read are skipped.
 */
final class ApparentSize {
    private ApparentSize() {}

    /** The bytes under {@code roots}, or the first total above {@code stopAbove} when they hold more. */
    static long of(Collection<Path> roots, long stopAbove) {
        long[] total = {0};
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        total[0] += attrs.isRegularFile() ? attrs.size() : 0;
                        return total[0] > stopAbove ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // removed or unreadable while the container runs
                    }
                });
            } catch (IOException e) {
                // the root itself vanished: nothing to count there
            }
            if (total[0] > stopAbove) break;
        }
        return total[0];
    }
}
