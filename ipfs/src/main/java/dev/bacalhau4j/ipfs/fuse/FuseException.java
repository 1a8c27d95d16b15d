package dev.bacalhau4j.ipfs.fuse;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a FUSE mount cannot be made or removed; the message names the mount point, what
 * was attempted and, when libfuse said why, its words.
 */
public final class FuseException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path mountPoint;

    public FuseException(Path mountPoint, String message) {
        super(message);
        this.mountPoint = mountPoint;
    }

    public FuseException(Path mountPoint, String message, Throwable cause) {
        super(message, cause);
        this.mountPoint = mountPoint;
    }

    /** The mount point concerned. */
    public Path mountPoint() {
        return mountPoint;
    }
}
