package dev.bacalhau4j.runtime.function.internal;

import java.nio.file.FileSystemException;

/**
 * Thrown by the sandbox for a write that would take the outputs past their cap. It is an
 * {@link java.io.IOException}, so the guest's write fails (EIO through Chicory 1.7.5's WASI,
 * {@code EDQUOT} through the JavaScript host API) and the execution fails after it, with the
 * reason the {@link OutputBudget} kept.
 */
public final class OutputCapException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public OutputCapException(String guestPath, String reason) {
        super(guestPath, null, reason);
    }
}
