package dev.bacalhau4j.ipfs.exporter;

/**
 * What a UnixFS node is to a reader: a file (UnixFS File or Raw node), a directory (plain or
 * HAMT-sharded), a symbolic link, or a raw block (a CID of codec raw, read as a file whose bytes
 * are the block).
 */
public enum EntryType {
    /** A UnixFS File or Raw node. */
    FILE("file"),
    /** A UnixFS directory, plain or HAMT-sharded. */
    DIRECTORY("directory"),
    /** A UnixFS symbolic link. */
    SYMLINK("symbolic link"),
    /** A block of codec raw, read as a file whose bytes are the block. */
    RAW("raw block");

    private final String label;

    EntryType(String label) {
        this.label = label;
    }

    /**
     * Lower-case words for messages.
     *
     * @return the label, such as {@code symbolic link}
     */
    public String label() {
        return label;
    }

    /**
     * True for the types that have bytes to read: {@link #FILE} and {@link #RAW}.
     *
     * @return true for files and raw blocks
     */
    public boolean isFile() {
        return this == FILE || this == RAW;
    }
}
