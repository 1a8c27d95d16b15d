package dev.bacalhau4j.api;

/** Whether results are compared across nodes. */
public enum VerificationType {
    /** One execution's result is taken as it is (unverified). */
    NONE("none"),
    /** Runs on several nodes and accepts the output CID enough of them agree on. */
    DETERMINISTIC("deterministic");

    private final String wireName;

    VerificationType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in job specs.
     *
     * @return the name, as Bacalhau writes it
     */
    public String wireName() {
        return wireName;
    }
}
