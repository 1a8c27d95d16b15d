package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.FileSystemException;

/** Thrown when file bytes are asked of a directory or a symbolic link. */
public class NotAFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;
    private final EntryType type;

    public NotAFileException(String path, Cid cid, EntryType type) {
        super(path, null, "not a file: " + cid + " is a " + type.label());
        this.cid = cid;
        this.type = type;
    }

    public Cid cid() {
        return cid;
    }

    /** What the node is instead. */
    public EntryType type() {
        return type;
    }
}
