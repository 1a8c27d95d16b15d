package dev.bacalhau4j.ipfs.dag;

import dev.bacalhau4j.ipfs.IpfsFormatException;

/** The UnixFS node types, with their protobuf numbers. */
public enum UnixFsType {
    /** Raw bytes (old-style file leaves). */
    RAW(0),
    /** A directory: named links. */
    DIRECTORY(1),
    /** A file: inline bytes and/or chunk links. */
    FILE(2),
    /** Metadata (unused by Kubo; refused by the exporter). */
    METADATA(3),
    /** A symbolic link: the target path as data. */
    SYMLINK(4),
    /** A HAMT-sharded directory. */
    HAMT_SHARD(5);

    private final int code;

    UnixFsType(int code) {
        this.code = code;
    }

    /**
     * The type's number in the UnixFS protobuf.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The type with number {@code code}.
     *
     * @param code the number
     * @return the type
     * @throws dev.bacalhau4j.ipfs.IpfsFormatException for an unknown number
     */
    public static UnixFsType of(long code) {
        for (UnixFsType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IpfsFormatException("unknown UnixFS type " + code);
    }
}
