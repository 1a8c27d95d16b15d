package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.FileSystemException;

/** Thrown when file bytes are asked of a directory or a symbolic link. */
public class NotAFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;
    /** What the node is instead (part of the serialized form). */
    private final EntryType type;

    /**
     * A node read as a file that is not one.
     *
     * @param path the path that named it
     * @param cid the node
     * @param type what it is instead
     */
    public NotAFileException(String path, Cid cid, EntryType type) {
        super(path, null, "not a file: " + cid + " is a " + type.label());
        this.cid = cid;
        this.type = type;
    }

    /**
     * The node that is not a file.
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
}
