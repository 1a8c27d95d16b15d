package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads UnixFS DAGs out of a blockstore: resolves paths (through plain and HAMT-sharded
 * directories), describes nodes, lists directories, streams file ranges and writes trees to disk.
 * It is the reading core the read-only file system, the FUSE mount and the gateway share.
 *
 * <p>Reads are lazy: each operation loads only the blocks it needs, and no operation caches
 * across calls (see {@link UnixFsFileReader} for a file's recent blocks). Every failure is an
 * {@link IOException} naming the path and CID: {@link BlockNotFoundException} when a block is
 * absent (fetch it and repeat the call), {@link EntryNotFoundException},
 * {@link NotADirectoryException}, {@link NotAFileException}, {@link SymlinkInPathException}
 * (links are never followed here), {@link UnsupportedNodeException} and
 * {@link CorruptDagException}. Malformed path arguments are {@link IllegalArgumentException}s.
 *
 * <p>Stateless and safe for concurrent use; it starts no threads. The blockstore belongs to the
 * caller, who closes it.
 */
public final class Exporter {
    private final Blockstore store;

    /**
     * An exporter reading from {@code store}.
     *
     * @param store where the blocks are; not closed by the exporter
     */
    public Exporter(Blockstore store) {
        this.store = Objects.requireNonNull(store, "store == null");
    }

    /**
     * The store this exporter reads.
     *
     * @return the store
     */
    public Blockstore blockstore() {
        return store;
    }

    /**
     * Resolves {@code path} ({@code "a/b/c"}; extra slashes ignored, "." and ".." refused) under
     * {@code root}.
     *
     * @param root where the path starts
     * @param path the segments, joined by {@code /}
     * @return the target and the blocks read on the way
     * @throws IOException when a block is missing, an entry is not found or a segment is not a directory
     * @throws IllegalArgumentException when a segment is not an entry name ("." or "..", or holds a NUL)
     */
    public Resolution resolve(Cid root, String path) throws IOException {
        Objects.requireNonNull(root, "root == null");
        return Resolver.resolve(store, root, PathNames.split(Objects.requireNonNull(path, "path == null")));
    }

    /**
     * Resolves already-split segments under {@code root}; each must be an entry name.
     *
     * @param root where the path starts
     * @param segments the entry names, in order
     * @return the target and the blocks read on the way
     * @throws IOException when a block is missing, an entry is not found or a segment is not a directory
     * @throws IllegalArgumentException when a segment is not an entry name (see {@link #isSafeName})
     */
    public Resolution resolve(Cid root, List<String> segments) throws IOException {
        Objects.requireNonNull(root, "root == null");
        return Resolver.resolve(store, root, List.copyOf(segments));
    }

    /**
     * What {@code cid} is, from its root block (for a raw CID, from the block's stored size).
     *
     * @param cid the node
     * @return what it is
     * @throws IOException when its root block is missing or malformed
     */
    public NodeStat stat(Cid cid) throws IOException {
        return stat(cid, cid.toString());
    }

    /**
     * As {@link #stat(Cid)}; {@code where} names the path in messages.
     *
     * @param cid the node
     * @param where the path that named it
     * @return what it is
     * @throws IOException when its root block is missing or malformed
     */
    public NodeStat stat(Cid cid, String where) throws IOException {
        Objects.requireNonNull(cid, "cid == null");
        if (cid.codec() == Multicodec.RAW) {
            long size = store.size(cid);
            if (size < 0) {
                throw new BlockNotFoundException(cid, where);
            }
            return new NodeStat(cid, EntryType.RAW, size, false, null);
        }
        return UnixFsNode.load(store, cid, where).stat();
    }

    /**
     * The entries of directory {@code dir} in stored order (a sharded directory's in bucket order),
     * each with its type and size, which costs reading each entry's root block.
     *
     * @param dir the directory
     * @return its entries
     * @throws IOException when a block is missing or {@code dir} is not a directory
     */
    public List<DirEntry> list(Cid dir) throws IOException {
        String where = dir.toString();
        List<DirEntry> out = new ArrayList<>();
        for (PbLink link : links(dir, where)) {
            NodeStat stat = stat(link.hash(), where + "/" + link.nameOrEmpty());
            out.add(new DirEntry(link.nameOrEmpty(), link.hash(), stat.size(), stat.type()));
        }
        return out;
    }

    /**
     * The entries of directory {@code dir} in stored order as links (name, CID, cumulative DAG
     * size), reading only the directory's own blocks.
     *
     * @param dir the directory
     * @param where the path that named it
     * @return its links
     * @throws IOException when a block is missing or {@code dir} is not a directory
     */
    public List<PbLink> links(Cid dir, String where) throws IOException {
        UnixFsNode node = UnixFsNode.load(store, dir, where);
        if (!node.isDirectory()) {
            throw new NotADirectoryException(where, dir, node.type());
        }
        return Directories.entries(store, node, where);
    }

    /**
     * Opens a file (or raw block) for random-access reads.
     *
     * @param file the file
     * @param where the path that named it
     * @return the reader
     * @throws IOException when its root block is missing or it is not a file
     */
    public UnixFsFileReader open(Cid file, String where) throws IOException {
        return UnixFsFileReader.open(store, file, where);
    }

    /**
     * Streams {@code length} bytes of file {@code cid} from {@code offset} (fewer if the file ends
     * first; {@link Long#MAX_VALUE} for "to the end"). The root block is read now, the others as
     * the stream is consumed. The caller closes the stream.
     *
     * @param cid the file
     * @param offset the first byte to read
     * @param length the most bytes to read
     * @return the stream
     * @throws IOException when the root block is missing or {@code cid} is not a file
     */
    public InputStream cat(Cid cid, long offset, long length) throws IOException {
        checkRange(offset, length);
        UnixFsFileReader reader = open(cid, cid.toString());
        long start = Math.min(offset, reader.size());
        long end = start + Math.min(length, reader.size() - start);
        return new RangeInputStream(reader, start, end);
    }

    /**
     * Writes {@code length} bytes of file {@code cid} from {@code offset} to {@code out}; returns how many.
     *
     * @param cid the file
     * @param offset the first byte to read
     * @param length the most bytes to read
     * @param out where to write; not closed
     * @return the number of bytes written
     * @throws IOException when a block is missing, {@code cid} is not a file, or {@code out} fails
     */
    public long cat(Cid cid, long offset, long length, OutputStream out) throws IOException {
        try (InputStream in = cat(cid, offset, length)) {
            return in.transferTo(out);
        }
    }

    /**
     * Writes the DAG {@code cid} out as {@code target}, which must not exist: a directory tree, a
     * file, or a symbolic link (written as a link, never followed). The tree is built in a
     * temporary sibling of {@code target} and renamed onto it when complete; on failure nothing is
     * left. Entry names that are empty, "." or "..", or contain '/' or NUL fail the whole export
     * with {@link CorruptDagException}, as do symbolic links whose target no path can hold (empty,
     * NUL) and directories nested deeper than 256 levels. UnixFS modes
     * and times are not applied.
     *
     * @param cid the DAG
     * @param target the path to create
     * @throws IOException when a block is missing, the DAG is corrupt, or {@code target} cannot be written
     */
    public void get(Cid cid, Path target) throws IOException {
        Objects.requireNonNull(cid, "cid == null");
        get(cid, target, TransferListener.NONE);
    }

    /**
     * As {@link #get(Cid, Path)}, telling {@code listener} the file bytes written so far against
     * the total the DAG's file nodes declare (read from their root blocks before anything is
     * written, so the total is known from the first call on).
     *
     * @param cid the DAG
     * @param target the path to create
     * @param listener hears the progress, on this thread
     * @throws IOException when a block is missing, the DAG is corrupt, or {@code target} cannot be written
     */
    public void get(Cid cid, Path target, TransferListener listener) throws IOException {
        Objects.requireNonNull(cid, "cid == null");
        Objects.requireNonNull(listener, "listener == null");
        new TreeWriter(store, listener).write(cid, Objects.requireNonNull(target, "target == null"));
    }

    /**
     * True when {@code name} can be an entry name on disk: not empty, ".", "..", no '/' or NUL.
     *
     * @param name an entry name
     * @return true when it is safe
     */
    public static boolean isSafeName(String name) {
        return PathNames.isSafeName(name);
    }

    /**
     * The target of the symbolic link {@code link} (a SYMLINK stat) as a path of {@code fileSystem}.
     * A target no path can hold (empty, a NUL, characters {@code fileSystem} refuses) is a
     * {@link CorruptDagException} naming {@code where} and the link's CID.
     *
     * @param link the stat of a symbolic link
     * @param where the link's path, for messages
     * @param fileSystem the file system the target is a path of
     * @return the target, not resolved
     * @throws CorruptDagException when no path of {@code fileSystem} can hold the target
     */
    public static Path symlinkTarget(NodeStat link, String where, FileSystem fileSystem) throws CorruptDagException {
        if (!link.isSymlink()) {
            throw new IllegalArgumentException(where + " is a " + link.type() + ", not a symbolic link");
        }
        return PathNames.symlinkTarget(link.cid(), link.symlinkTarget(), where, fileSystem);
    }

    private static void checkRange(long offset, long length) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
    }
}
