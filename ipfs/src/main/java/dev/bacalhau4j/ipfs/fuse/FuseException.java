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

    /**
     * A FUSE failure at {@code mountPoint}.
     *
     * @param mountPoint the mount point concerned
     * @param message what failed, in libfuse's words when it gave them
     */
    public FuseException(Path mountPoint, String message) {
        super(message);
        this.mountPoint = mountPoint;
    }

    /**
     * The same, with the failure that caused it.
     *
     * @param mountPoint the mount point concerned
     * @param message what failed
     * @param cause the underlying failure
     */
    public FuseException(Path mountPoint, String message, Throwable cause) {
        super(message, cause);
        this.mountPoint = mountPoint;
    }

    /**
     * The mount point concerned.
     *
     * @return the mount point
     */
    public Path mountPoint() {
        return mountPoint;
    }
}
