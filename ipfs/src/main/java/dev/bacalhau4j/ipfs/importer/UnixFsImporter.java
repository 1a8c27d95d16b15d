package dev.bacalhau4j.ipfs.importer;

import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.block.Blockstore;
import java.io.ByteArrayInputStream;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * Imports files and directory trees as UnixFS DAGs into a {@link Blockstore}, giving the root CIDs
 * Kubo and the JS reference importer give for the same {@link ImportProfile}.
 *
 * <p>Files are streamed chunk by chunk: memory stays flat whatever their size. Each call works on
 * its own state in the calling thread, so one importer may be used from several threads at once
 * (the blockstore must allow that, as every {@link Blockstore} does). The importer starts no
 * threads and owns no resources: it never closes the blockstore or a stream it is given, and
 * closes every file it opens itself. Blocks are put as they are built; a failed call may leave
 * some in the store (they are valid blocks, unreferenced, for the GC).
 */
public final class UnixFsImporter {
    private final Blockstore store;
    private final ImportProfile profile;

    /**
     * An importer writing to {@code store} with {@code profile}.
     *
     * @param store where the blocks go; not closed by the importer
     * @param profile how files are chunked and laid out
     */
    public UnixFsImporter(Blockstore store, ImportProfile profile) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.profile = Objects.requireNonNull(profile, "profile == null");
    }

    /**
     * An importer with {@link ImportProfile#DEFAULT}.
     *
     * @param store where the blocks go; not closed by the importer
     */
    public UnixFsImporter(Blockstore store) {
        this(store, ImportProfile.DEFAULT);
    }

    /**
     * The profile this importer uses.
     *
     * @return the profile
     */
    public ImportProfile profile() {
        return profile;
    }

    /**
     * Imports the stream's bytes up to its end as one file; the caller closes the stream.
     *
     * @param in the file's bytes
     * @return the file's root
     * @throws IOException when the stream or the store fails
     */
    public ImportedEntry addFile(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in == null");
        return new FileDag(profile, sink()).build(in, -1);
    }

    /**
     * Imports a regular file (a symbolic link is refused, not followed).
     *
     * @param file a regular file
     * @return the file's root
     * @throws IOException when the file cannot be read or the store fails
     */
    public ImportedEntry addFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file == null");
        BasicFileAttributes attributes = attributes(file);
        if (!attributes.isRegularFile()) {
            throw notImportable(file, attributes);
        }
        return importFile(file, attributes.size(), null);
    }

    /**
     * Imports {@code data} as one file.
     *
     * @param data the file's bytes
     * @return the file's root
     * @throws IOException when the store cannot be written
     */
    public ImportedEntry addBytes(byte[] data) throws IOException {
        Objects.requireNonNull(data, "data == null");
        return new FileDag(profile, sink()).build(new ByteArrayInputStream(data), data.length);
    }

    /**
     * Imports a file, or a directory with everything below it. Entries are linked by name, sorted
     * by their UTF-8 bytes; empty directories are kept. A symbolic link is stored as Kubo's
     * {@code ipfs add -r} stores it, as a UnixFS symlink node holding its target text, and is never
     * followed (so a link to a host path publishes the text of the path, not what it points to).
     * Special files (devices, pipes, sockets) are refused with {@link IllegalArgumentException}
     * naming their path.
     *
     * @param path a file or directory
     * @return the root of what was imported
     * @throws IOException when a file cannot be read or the store fails
     */
    public ImportedEntry addTree(Path path) throws IOException {
        Objects.requireNonNull(path, "path == null");
        return addTree(path, (ReadCounter) null);
    }

    /**
     * As {@link #addTree(Path)}, telling {@code listener} the file bytes read so far against the
     * total size of the regular files under {@code path} (summed before the import starts).
     *
     * @param path a file or directory
     * @param listener hears the progress, on this thread
     * @return the root of what was imported
     * @throws IOException when a file cannot be read or the store fails
     */
    public ImportedEntry addTree(Path path, TransferListener listener) throws IOException {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(listener, "listener == null");
        ReadCounter counter = new ReadCounter(listener, regularFileBytes(path));
        listener.transferred(0, counter.total);
        return addTree(path, counter);
    }

    private ImportedEntry addTree(Path path, ReadCounter counter) throws IOException {
        BasicFileAttributes attributes = attributes(path);
        if (attributes.isRegularFile()) {
            return importFile(path, attributes.size(), counter);
        }
        if (attributes.isSymbolicLink()) {
            return importSymlink(path);
        }
        if (!attributes.isDirectory()) {
            throw notImportable(path, attributes);
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                entries.add(DirectoryEntry.of(name, addTree(child, counter), path));
            }
        }
        entries.sort(DirectoryEntry.BY_NAME_BYTES);
        return new DirectoryDag(profile, sink()).build(entries);
    }

    /**
     * Makes a directory of entries imported before (with this importer or another one of the same
     * profile). Names must be non-empty, not {@code .} or {@code ..}, and contain no {@code /};
     * they are linked in the order of their UTF-8 bytes, whatever the map's order.
     *
     * @param entries the directory's entries, by name
     * @return the directory's root
     * @throws IOException when the store fails
     */
    public ImportedEntry addDirectory(SortedMap<String, ImportedEntry> entries) throws IOException {
        Objects.requireNonNull(entries, "entries == null");
        List<DirectoryEntry> list = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, ImportedEntry> e : entries.entrySet()) {
            DirectoryEntry entry = DirectoryEntry.of(e.getKey(), e.getValue(), "addDirectory");
            if (!seen.add(entry.name())) {
                // a SortedMap with a comparator that is not consistent with equals can hold equal names twice
                throw new IllegalArgumentException("directory entry name \"" + entry.name() + "\" appears twice (in addDirectory)");
            }
            list.add(entry);
        }
        list.sort(DirectoryEntry.BY_NAME_BYTES);
        return new DirectoryDag(profile, sink()).build(list);
    }

    private ImportedEntry importFile(Path file, long sizeHint, ReadCounter counter) throws IOException {
        try (InputStream raw = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             InputStream in = counter == null ? raw : counter.wrap(raw)) {
            return new FileDag(profile, sink()).build(in, sizeHint);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(file.toString())) {
                throw e;
            }
            throw new IOException("importing " + file + ": " + e, e);
        }
    }

    private ImportedEntry importSymlink(Path link) throws IOException {
        byte[] target = Files.readSymbolicLink(link).toString().getBytes(StandardCharsets.UTF_8);
        UnixFsData data = new UnixFsData(UnixFsType.SYMLINK, target, null, List.of(), null, null, null, null);
        byte[] block = DagPb.encode(new PbNode(List.of(), data.encode()));
        return new ImportedEntry(sink().putDagPb(block), target.length, block.length, false);
    }

    /** The sizes of the regular files under {@code path}, links not followed. */
    private static long regularFileBytes(Path path) throws IOException {
        try (var walk = Files.walk(path)) {
            long sum = 0;
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a = attributes(p);
                if (a.isRegularFile()) sum += a.size();
            }
            return sum;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Counts the bytes read from the files of one import and reports them. */
    private static final class ReadCounter {
        final TransferListener listener;
        final long total;
        long done;

        ReadCounter(TransferListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        InputStream wrap(InputStream in) {
            return new java.io.FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) count(1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) count(n);
                    return n;
                }
            };
        }

        private void count(int n) {
            done += n;
            listener.transferred(done, total);
        }
    }

    private BlockSink sink() {
        return new BlockSink(store, profile.cidVersion());
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static IllegalArgumentException notImportable(Path path, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return new IllegalArgumentException("cannot import " + path + ": it is a symbolic link, and links are not"
                    + " followed; replace it by what it points to, or remove it");
        }
        String what = attributes.isDirectory() ? "a directory (use addTree)" : "not a regular file (device, pipe or socket)";
        return new IllegalArgumentException("cannot import " + path + ": it is " + what);
    }
}
