package dev.bacalhau4j.api;

/** Whether results are compared across nodes. */
public enum VerificationType {
    NONE("none"),
    DETERMINISTIC("deterministic");

    private final String wireName;

    VerificationType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in job specs. */
    public String wireName() {
        return wireName;
    }
}
