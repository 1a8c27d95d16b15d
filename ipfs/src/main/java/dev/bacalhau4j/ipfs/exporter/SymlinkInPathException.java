package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.FileSystemException;
import java.util.List;

/**
 * Thrown when a path goes through a UnixFS symbolic link. The resolver never follows links (a
 * link's target is a path outside the DAG's control); it reports where the link is, what it says
 * and what was left to resolve, so a caller with a policy (the read-only file system follows links
 * that stay inside their DAG) can continue.
 */
public class SymlinkInPathException extends FileSystemException {
    private static final long serialVersionUID = 1L;
    private final transient Cid link;
    /** The segments from the root to the link (part of the serialized form). */
    private final List<String> linkSegments;
    /** The link's target as stored (part of the serialized form). */
    private final String target;
    /** The segments after the link (part of the serialized form). */
    private final List<String> remaining;

    /**
     * @param linkPath the link's path, for the message
     * @param link the link node's CID
     * @param linkSegments the segments from the root to the link, the link's name last
     * @param target what the link points to, as stored
     * @param remaining the segments after the link that were not resolved
     */
    public SymlinkInPathException(String linkPath, Cid link, List<String> linkSegments, String target,
            List<String> remaining) {
        super(linkPath, null, "is a symbolic link (" + link + ") to \"" + target
                + "\"; symbolic links are not followed while resolving " + String.join("/", remaining));
        this.link = link;
        this.linkSegments = List.copyOf(linkSegments);
        this.target = target;
        this.remaining = List.copyOf(remaining);
    }

    /**
     * The symbolic link met on the way.
     *
     * @return its CID
     */
    public Cid link() {
        return link;
    }

    /**
     * The segments from the root to the link, the link's own name last.
     *
     * @return the segments
     */
    public List<String> linkSegments() {
        return linkSegments;
    }

    /**
     * The link's target as stored in the DAG.
     *
     * @return the target
     */
    public String target() {
        return target;
    }

    /**
     * The segments after the link, still to resolve.
     *
     * @return the segments
     */
    public List<String> remaining() {
        return remaining;
    }
}
