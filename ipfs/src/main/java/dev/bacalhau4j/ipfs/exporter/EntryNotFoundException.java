package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.NoSuchFileException;

/**
 * Thrown when a path names an entry its directory does not have. It names the missing segment,
 * the parent path and the parent directory's CID.
 */
public class EntryNotFoundException extends NoSuchFileException {
    private static final long serialVersionUID = 1L;
    /** The path of the directory that lacks the entry (part of the serialized form). */
    private final String parentPath;
    /** The missing path segment (part of the serialized form). */
    private final String name;
    private final transient Cid parent;

    /**
     * A directory that has no entry {@code name}.
     *
     * @param parentPath the directory's path, written {@code <root-cid>/a/b}
     * @param name the missing segment
     * @param parent the directory's CID
     */
    public EntryNotFoundException(String parentPath, String name, Cid parent) {
        super(parentPath + "/" + name, null, "no entry \"" + name + "\" in directory " + parentPath
                + " (" + parent + ")");
        this.parentPath = parentPath;
        this.name = name;
        this.parent = parent;
    }

    /**
     * The path of the directory that lacks the entry, written {@code <root-cid>/a/b}.
     *
     * @return the path
     */
    public String parentPath() {
        return parentPath;
    }

    /**
     * The missing path segment.
     *
     * @return the segment
     */
    public String name() {
        return name;
    }

    /**
     * The CID of the directory that lacks the entry.
     *
     * @return the CID
     */
    public Cid parent() {
        return parent;
    }
}
