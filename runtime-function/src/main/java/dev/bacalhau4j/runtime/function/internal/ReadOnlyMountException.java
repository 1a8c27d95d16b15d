package dev.bacalhau4j.runtime.function.internal;

import java.nio.file.AccessDeniedException;

/**
 * Thrown by the sandbox for any write into a read-only mount or a virtual directory. It is an
 * {@link java.io.IOException}, so Chicory's WASI layer turns it into an errno for the guest
 * (EIO in Chicory 1.7.5) instead of failing the execution.
 */
public final class ReadOnlyMountException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyMountException(String guestPath, String operation) {
        super(guestPath, null, operation + " refused: read-only mount");
    }
}
