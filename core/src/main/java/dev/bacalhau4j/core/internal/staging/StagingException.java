package dev.bacalhau4j.core.internal.staging;

import dev.bacalhau4j.api.BacalhauException;

/** An input that could not be staged; the message names the input and the reason. */
public final class StagingException extends BacalhauException {
    private static final long serialVersionUID = 1L;

    public StagingException(String message) {
        super(message);
    }

    public StagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
