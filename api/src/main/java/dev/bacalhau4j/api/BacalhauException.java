package dev.bacalhau4j.api;

/** The root of Bacalhau4j's unchecked exceptions. */
public class BacalhauException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names what is wrong.
     *
     * @param message what is wrong, and where
     */
    public BacalhauException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the failure that caused it.
     *
     * @param message what is wrong, and where
     * @param cause the underlying failure
     */
    public BacalhauException(String message, Throwable cause) {
        super(message, cause);
    }
}
