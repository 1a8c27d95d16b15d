package dev.bacalhau4j.core.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * Measures what a program left in its result paths before anything is published: apparent file
 * sizes (a sparse 100 GB file counts as 100 GB, since publishing reads every byte), links not
 * followed, the walk stopped as soon as the cap is passed.
 */
final class OutputSizes {
    private OutputSizes() {}

    /** The bytes under {@code roots}, or the first total above {@code cap} when they hold more. */
    static long measure(Collection<Path> roots, long cap) throws IOException {
        long[] total = {0};
        for (Path root : roots) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total[0] += attrs.isRegularFile() ? attrs.size() : 0;
                    return total[0] > cap ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
            if (total[0] > cap) {
                break;
            }
        }
        return total[0];
    }
}
