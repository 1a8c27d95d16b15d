package dev.bacalhau4j.api;

/** The kind of job. {@code service} and {@code daemon} jobs of Bacalhau are not supported. */
public enum JobType {
    /** Runs {@code Count} executions to completion. */
    BATCH("batch"),
    /** Bacalhau's ops job; a {@code Count} of 0, as Bacalhau stores it, is read as 1. */
    OPS("ops");

    private final String wireName;

    JobType(String wireName) {
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
