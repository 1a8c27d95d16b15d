package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.NotDirectoryException;

/** Thrown when a path goes through, or lists, a node that is a file rather than a directory. */
public class NotADirectoryException extends NotDirectoryException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;
    /** What the node is instead (part of the serialized form). */
    private final EntryType type;

    /**
     * A node read as a directory that is not one.
     *
     * @param path the path that named it
     * @param cid the node
     * @param type what it is instead
     */
    public NotADirectoryException(String path, Cid cid, EntryType type) {
        super(path);
        this.cid = cid;
        this.type = type;
    }

    /**
     * The node that is not a directory.
     *
     * @return its CID
     */
    public Cid cid() {
        return cid;
    }

    /**
     * What the node is instead.
     *
     * @return the type
     */
    public EntryType type() {
        return type;
    }

    @Override
    public String getReason() {
        return "not a directory: " + cid + " is a " + type.label();
    }
}
