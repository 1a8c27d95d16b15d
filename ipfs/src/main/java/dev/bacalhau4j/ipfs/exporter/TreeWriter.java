package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a UnixFS DAG out as files: into a fresh temporary sibling of the target, renamed onto the
 * target when complete, so a failure leaves nothing behind. Entry names are checked before use
 * and every file is created new, so a hostile DAG cannot write outside the target. A listener, when
 * given, hears the file bytes written so far against the total the DAG's file nodes declare.
 */
final class TreeWriter {
    /** Levels of nested directories written out. */
    static final int MAX_DEPTH = 256;

    private static final int CHUNK = 64 * 1024;

    private final Blockstore store;
    private final TransferListener listener;
    private long total = -1;
    private long written;

    TreeWriter(Blockstore store) {
        this(store, TransferListener.NONE);
    }

    TreeWriter(Blockstore store, TransferListener listener) {
        this.store = store;
        this.listener = listener;
    }

    void write(Cid root, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("target " + target + " has no parent directory to write into");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the target of get must not exist");
        }
        if (listener != TransferListener.NONE) {
            total = fileBytes(root, root.toString(), 0);
            listener.transferred(0, total);
        }
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        try {
            Path inside = staging.resolve("tree");
            writeNode(root, root.toString(), inside, 0);
            try {
                Files.move(inside, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(inside, absolute);
            }
        } catch (Throwable t) {
            try {
                deleteRecursively(staging);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        deleteRecursively(staging);
    }

    /** The bytes of the files under {@code cid}, from their root blocks (only read when a listener wants a total). */
    private long fileBytes(Cid cid, String where, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            return 0;   // writeNode refuses it with the reason
        }
        UnixFsNode node = UnixFsNode.load(store, cid, where);
        return switch (node.kind) {
            case RAW_BLOCK, FILE -> UnixFsFileReader.open(store, cid, where).size();
            case SYMLINK -> 0;
            case DIRECTORY, HAMT -> {
                long sum = 0;
                for (PbLink entry : Directories.entries(store, node, where)) {
                    sum += fileBytes(entry.hash(), where + "/" + entry.nameOrEmpty(), depth + 1);
                }
                yield sum;
            }
        };
    }

    private void writeNode(Cid cid, String where, Path out, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new CorruptDagException(where, cid, "directories nested deeper than " + MAX_DEPTH + " levels");
        }
        UnixFsNode node = UnixFsNode.load(store, cid, where);
        switch (node.kind) {
            case RAW_BLOCK, FILE -> writeFile(cid, where, out);
            case SYMLINK -> writeSymlink(node, where, out);
            case DIRECTORY, HAMT -> {
                Files.createDirectory(out);
                List<PbLink> entries = Directories.entries(store, node, where);
                Set<String> seen = new HashSet<>();
                for (PbLink entry : entries) {
                    String name = entry.nameOrEmpty();
                    String child = where + "/" + name;
                    if (!PathNames.isSafeName(name)) {
                        throw new CorruptDagException(where, cid, "unsafe entry name " + PathNames.quote(name)
                                + " (empty, \".\", \"..\", or contains '/' or NUL): refusing to write it");
                    }
                    if (!seen.add(name)) {
                        throw new CorruptDagException(where, cid, "two entries named " + PathNames.quote(name));
                    }
                    writeNode(entry.hash(), child, resolveEntry(out, name, where, cid), depth + 1);
                }
            }
        }
    }

    /** {@code out/name}; a name the target file system cannot encode is the DAG's fault, said as such. */
    private static Path resolveEntry(Path out, String name, String where, Cid dir) throws CorruptDagException {
        try {
            return out.resolve(name);
        } catch (InvalidPathException e) {
            throw new CorruptDagException(where, dir, "entry name " + PathNames.quote(name)
                    + " is not a file name on this file system: " + e.getReason(), e);
        }
    }

    private void writeFile(Cid cid, String where, Path out) throws IOException {
        UnixFsFileReader reader = UnixFsFileReader.open(store, cid, where);
        try (InputStream in = new RangeInputStream(reader, 0, reader.size());
             OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (listener == TransferListener.NONE) {
                in.transferTo(os);
                return;
            }
            byte[] buffer = new byte[CHUNK];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                os.write(buffer, 0, n);
                written += n;
                listener.transferred(written, total);
            }
        }
    }

    private static void writeSymlink(UnixFsNode node, String where, Path out) throws IOException {
        Files.createSymbolicLink(out, PathNames.symlinkTarget(node.cid, node.symlinkTarget(), where, out.getFileSystem()));
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
