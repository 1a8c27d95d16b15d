package dev.bacalhau4j.ipfs.dag;

import dev.bacalhau4j.ipfs.IpfsFormatException;

/** The UnixFS node types, with their protobuf numbers. */
public enum UnixFsType {
    RAW(0), DIRECTORY(1), FILE(2), METADATA(3), SYMLINK(4), HAMT_SHARD(5);

    private final int code;

    UnixFsType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static UnixFsType of(long code) {
        for (UnixFsType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IpfsFormatException("unknown UnixFS type " + code);
    }
}
