package dev.bacalhau4j.core.internal;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Whole-tree file operations that never follow symbolic links. */
public final class FileTrees {
    private FileTrees() {}

    /** Deletes {@code root} and everything under it; a symlink is removed, never followed. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException retry) {
                    // a file appeared meanwhile (a program still writing): one more pass
                    delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #delete} that reports nothing; for cleanup paths that already carry an error. */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the caller is already failing with a better error
        }
    }

    /** Moves {@code source} to {@code target} (which must not exist), copying when a rename is impossible. */
    public static void moveOrCopy(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (IOException | UnsupportedOperationException e) {
            // different file systems: copy below
        }
        copy(source, target);
    }

    /** Copies a file or tree to {@code target}, which must not exist; nothing is left behind on failure. */
    public static void copyNew(Path source, Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(target.toString());
        }
        try {
            if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                copy(source, target);
            } else {
                Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    /** Copies a tree; symlinks are copied as links, never followed. */
    public static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(source.relativize(file).toString());
                try {
                    Files.copy(file, to, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    // removed while we walked; nothing to copy
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
