package dev.bacalhau4j.ipfs.exporter;

/**
 * What a UnixFS node is to a reader: a file (UnixFS File or Raw node), a directory (plain or
 * HAMT-sharded), a symbolic link, or a raw block (a CID of codec raw, read as a file whose bytes
 * are the block).
 */
public enum EntryType {
    FILE("file"), DIRECTORY("directory"), SYMLINK("symbolic link"), RAW("raw block");

    private final String label;

    EntryType(String label) {
        this.label = label;
    }

    /** Lower-case words for messages. */
    public String label() {
        return label;
    }

    /** True for the types that have bytes to read: {@link #FILE} and {@link #RAW}. */
    public boolean isFile() {
        return this == FILE || this == RAW;
    }
}
