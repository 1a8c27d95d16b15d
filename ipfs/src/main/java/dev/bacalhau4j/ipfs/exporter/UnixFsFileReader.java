package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Random-access reads of one UnixFS file (or raw block), loading only the blocks that hold the
 * bytes asked for: the file's {@code blocksizes} pick the child to descend into, so a read at any
 * offset costs one block per level. It keeps the root and a few recently used blocks (at most
 * {@value #CACHED_BLOCKS}), never the whole file.
 *
 * <p>Every size the DAG declares is checked against the blocks actually read: a child whose size
 * disagrees with its parent's {@code blocksizes}, or a DAG deeper than {@value #MAX_DEPTH} levels,
 * fails with {@link CorruptDagException}. A missing block fails with {@link BlockNotFoundException}
 * and the read can be repeated once the block is stored.
 *
 * <p>Safe for concurrent use (reads are serialized on this reader; open one reader per reading
 * thread for parallelism). It holds no resource that needs closing; the blockstore belongs to the
 * caller.
 */
public final class UnixFsFileReader {
    /** Blocks kept besides the root. */
    public static final int CACHED_BLOCKS = 8;
    /** Levels of nesting a file DAG may have. */
    public static final int MAX_DEPTH = 256;

    private final Blockstore store;
    private final UnixFsNode root;
    private final String where;
    private final Map<Cid, UnixFsNode> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Cid, UnixFsNode> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private UnixFsFileReader(Blockstore store, UnixFsNode root, String where) {
        this.store = store;
        this.root = root;
        this.where = where;
    }

    /**
     * Opens the file {@code cid}, reading its root block.
     *
     * @param where the path the file was reached by, for messages ({@code cid} itself if none)
     * @param store where the blocks are
     * @param cid the file
     * @return the reader
     * @throws IOException when the root block is missing or malformed
     * @throws NotAFileException when {@code cid} is a directory or a symbolic link
     */
    public static UnixFsFileReader open(Blockstore store, Cid cid, String where) throws IOException {
        Objects.requireNonNull(store, "store == null");
        Objects.requireNonNull(cid, "cid == null");
        String shown = where == null ? cid.toString() : where;
        UnixFsNode root = UnixFsNode.load(store, cid, shown);
        if (!root.type().isFile()) {
            throw new NotAFileException(shown, cid, root.type());
        }
        return new UnixFsFileReader(store, root, shown);
    }

    /**
     * The file this reader reads.
     *
     * @return its CID
     */
    public Cid cid() {
        return root.cid;
    }

    /**
     * The file's byte count, as its root declares it.
     *
     * @return the number of bytes
     */
    public long size() {
        return root.fileSize();
    }

    /**
     * Reads up to {@code length} bytes at {@code position} into {@code dst}; returns how many, or
     * -1 when {@code position} is at or past the end. Fills {@code length} bytes unless the end is
     * reached.
     *
     * @param position where in the file to read from
     * @param dst where to put the bytes
     * @param offset where in {@code dst} to start
     * @param length the most bytes to read
     * @return the number of bytes read, or -1
     * @throws IOException when a block is missing or malformed
     */
    public synchronized int read(long position, byte[] dst, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dst.length);
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        if (position >= size()) {
            return -1;
        }
        int total = 0;
        while (total < length && position < size()) {
            int n = readWithinOneBlock(position, dst, offset + total, length - total);
            total += n;
            position += n;
        }
        return total;
    }

    /** Copies bytes from the one block that holds {@code position}; returns how many (at least 1). */
    private int readWithinOneBlock(long position, byte[] dst, int offset, int length) throws IOException {
        UnixFsNode node = root;
        long start = 0;
        for (int depth = 0; ; depth++) {
            long rel = position - start;
            if (rel < node.content.length) {
                int n = (int) Math.min(length, node.content.length - rel);
                System.arraycopy(node.content, (int) rel, dst, offset, n);
                return n;
            }
            int child = childAt(node, rel);
            if (child < 0) {
                throw new CorruptDagException(where, node.cid, "file node of " + node.fileSize()
                        + " bytes has no block for its byte " + rel);
            }
            if (depth >= MAX_DEPTH) {
                throw new CorruptDagException(where, node.cid, "file DAG deeper than " + MAX_DEPTH + " levels");
            }
            long expected = node.childOffsets[child + 1] - node.childOffsets[child];
            start += node.childOffsets[child];
            node = load(node, child, expected);
        }
    }

    /** Index of the child holding byte {@code rel} of {@code node}, skipping empty children, or -1. */
    private static int childAt(UnixFsNode node, long rel) {
        long[] offsets = node.childOffsets;
        int links = offsets.length - 1;
        if (links == 0 || rel >= offsets[links]) {
            return -1;
        }
        int i = Arrays.binarySearch(offsets, 0, links, rel);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < links && offsets[i + 1] == rel) {
            i++; // empty children share an offset; the last of them is the one that holds rel
        }
        return i;
    }

    private UnixFsNode load(UnixFsNode parent, int index, long expectedSize) throws IOException {
        Cid cid = parent.links.get(index).hash();
        UnixFsNode child = cache.get(cid);
        if (child == null) {
            child = UnixFsNode.load(store, cid, where);
            if (!child.type().isFile()) {
                throw new CorruptDagException(where, parent.cid, "child " + index + " of a file node is a "
                        + child.type().label() + " (" + cid + ")");
            }
            cache.put(cid, child);
        }
        if (child.fileSize() != expectedSize) {
            throw new CorruptDagException(where, parent.cid, "blocksizes[" + index + "] says " + expectedSize
                    + " bytes but child " + cid + " holds " + child.fileSize());
        }
        return child;
    }
}
