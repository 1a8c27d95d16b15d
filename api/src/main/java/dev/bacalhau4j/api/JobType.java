package dev.bacalhau4j.api;

/** The kind of job. {@code service} and {@code daemon} jobs of Bacalhau are not supported. */
public enum JobType {
    BATCH("batch"),
    OPS("ops");

    private final String wireName;

    JobType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in job specs. */
    public String wireName() {
        return wireName;
    }
}
