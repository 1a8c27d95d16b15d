package dev.bacalhau4j.api;

/** The root of Bacalhau4j's unchecked exceptions. */
public class BacalhauException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BacalhauException(String message) {
        super(message);
    }

    public BacalhauException(String message, Throwable cause) {
        super(message, cause);
    }
}
