package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;

/**
 * What one node is, read from its root block only.
 *
 * @param cid the node
 * @param type file, directory, symbolic link or raw block
 * @param size the file's byte count as its root declares it; the target's length in bytes for a
 *     symbolic link; 0 for a directory
 * @param sharded true for a HAMT-sharded directory
 * @param symlinkTarget the link's target as stored, or {@code null} unless {@code type} is SYMLINK
 */
public record NodeStat(Cid cid, EntryType type, long size, boolean sharded, String symlinkTarget) {
    /**
     * Checks the components.
     *
     * @param cid the node
     * @param type file, directory, symbolic link or raw block
     * @param size the file's byte count as its root declares it; the target's length in bytes for a symbolic
     *     link; 0 for a directory
     * @param sharded true for a HAMT-sharded directory
     * @param symlinkTarget the link's target as stored, or {@code null} unless {@code type} is SYMLINK
     */
    public NodeStat {
        Objects.requireNonNull(cid, "cid == null");
        Objects.requireNonNull(type, "type == null");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if ((type == EntryType.SYMLINK) != (symlinkTarget != null)) {
            throw new IllegalArgumentException("symlinkTarget is set exactly for symbolic links");
        }
    }

    /**
     * Whether the node is a directory.
     *
     * @return true for a plain or sharded directory
     */
    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    /**
     * True for files and raw blocks.
     *
     * @return true when {@link #type()} has bytes to read
     */
    public boolean isFile() {
        return type.isFile();
    }

    /**
     * Whether the node is a symbolic link.
     *
     * @return true for a symbolic link
     */
    public boolean isSymlink() {
        return type == EntryType.SYMLINK;
    }
}
