package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * A job spec that cannot be accepted. The message starts with the path of the offending field,
 * as Bacalhau's spec writes it: {@code Tasks[0].InputSources[1].Source.Type: unsupported type 's3'}.
 */
public class InvalidJobException extends BacalhauException {
    private static final long serialVersionUID = 1L;

    /** The spec path of the field at fault, empty for the whole spec (part of the serialized form). */
    private final String fieldPath;
    /** What is wrong with the field (part of the serialized form). */
    private final String reason;

    /**
     * An invalid field, with a message {@code fieldPath: reason}.
     *
     * @param fieldPath the spec path of the field at fault, empty for the whole spec
     * @param reason what is wrong with it
     */
    public InvalidJobException(String fieldPath, String reason) {
        super(fieldPath.isEmpty() ? reason : fieldPath + ": " + reason);
        this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath == null");
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    /**
     * The same, with the failure that revealed it (a parse error, for instance).
     *
     * @param fieldPath the spec path of the field at fault, empty for the whole spec
     * @param reason what is wrong with it
     * @param cause the underlying failure
     */
    public InvalidJobException(String fieldPath, String reason, Throwable cause) {
        this(fieldPath, reason);
        initCause(cause);
    }

    /**
     * The path of the field at fault.
     *
     * @return a path such as {@code Tasks[0].Resources.Memory}; empty for the whole spec
     */
    public String fieldPath() {
        return fieldPath;
    }

    /**
     * What is wrong with the field.
     *
     * @return the message without the path
     */
    public String reason() {
        return reason;
    }
}
