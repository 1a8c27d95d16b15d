package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.NotDirectoryException;

/** Thrown when a path goes through, or lists, a node that is a file rather than a directory. */
public class NotADirectoryException extends NotDirectoryException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;
    private final EntryType type;

    public NotADirectoryException(String path, Cid cid, EntryType type) {
        super(path);
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

    @Override
    public String getReason() {
        return "not a directory: " + cid + " is a " + type.label();
    }
}
