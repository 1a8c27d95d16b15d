package dev.bacalhau4j.runtime.container.internal;

/** Labels put on every container this runtime creates, so a node can find what it owns. */
public final class Labels {
    private Labels() {}

    /** The id of the node that created the container. */
    public static final String NODE = "bacalhau4j.node";
    /** The execution the container runs. */
    public static final String EXECUTION = "bacalhau4j.execution";
    /** The job of that execution. */
    public static final String JOB = "bacalhau4j.job";

    /** The container name of an execution: {@code bacalhau4j-<executionId>}, with characters Docker refuses replaced. */
    public static String containerName(String executionId) {
        return "bacalhau4j-" + executionId.replaceAll("[^a-zA-Z0-9_.-]", "_");
    }
}
