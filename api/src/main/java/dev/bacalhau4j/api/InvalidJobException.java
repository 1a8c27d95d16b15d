package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * A job spec that cannot be accepted. The message starts with the path of the offending field,
 * as Bacalhau's spec writes it: {@code Tasks[0].InputSources[1].Source.Type: unsupported type 's3'}.
 */
public class InvalidJobException extends BacalhauException {
    private static final long serialVersionUID = 1L;

    private final String fieldPath;
    private final String reason;

    public InvalidJobException(String fieldPath, String reason) {
        super(fieldPath.isEmpty() ? reason : fieldPath + ": " + reason);
        this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath == null");
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    public InvalidJobException(String fieldPath, String reason, Throwable cause) {
        this(fieldPath, reason);
        initCause(cause);
    }

    /** The path of the field at fault, such as {@code Tasks[0].Resources.Memory}; empty for the whole spec. */
    public String fieldPath() {
        return fieldPath;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }
}
