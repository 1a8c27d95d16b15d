package dev.bacalhau4j.examples.cli;

/** A mistake in what the user asked for (a bad flag value, a missing file): exit code 2, one line. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
