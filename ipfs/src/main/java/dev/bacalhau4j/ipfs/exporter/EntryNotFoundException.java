package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.NoSuchFileException;

/**
 * Thrown when a path names an entry its directory does not have. It names the missing segment,
 * the parent path and the parent directory's CID.
 */
public class EntryNotFoundException extends NoSuchFileException {
    private static final long serialVersionUID = 1L;
    private final String parentPath;
    private final String name;
    private final transient Cid parent;

    public EntryNotFoundException(String parentPath, String name, Cid parent) {
        super(parentPath + "/" + name, null, "no entry \"" + name + "\" in directory " + parentPath
                + " (" + parent + ")");
        this.parentPath = parentPath;
        this.name = name;
        this.parent = parent;
    }

    /** The path of the directory that lacks the entry, written {@code <root-cid>/a/b}. */
    public String parentPath() {
        return parentPath;
    }

    /** The missing path segment. */
    public String name() {
        return name;
    }

    /** The CID of the directory that lacks the entry. */
    public Cid parent() {
        return parent;
    }
}
