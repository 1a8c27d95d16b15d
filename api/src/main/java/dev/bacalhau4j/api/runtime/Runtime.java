package dev.bacalhau4j.api.runtime;

import dev.bacalhau4j.api.Task;

/**
 * An execution engine: runs one task's program over mounts the core has already staged.
 *
 * <p>A runtime never fetches data and never publishes; it receives host paths in an
 * {@link ExecutionContext} and returns an {@link ExecutionOutcome}. Implementations are found
 * through {@link java.util.ServiceLoader} (a {@code META-INF/services} line) or passed to the
 * node explicitly. One instance serves many concurrent executions, so implementations must be
 * thread-safe; the node that loaded a runtime owns it and calls {@link #close()} once.
 *
 * <p>The name shadows {@link java.lang.Runtime} on purpose: it is the design's name for the
 * engine SPI. Code that needs both imports this one and qualifies {@code java.lang.Runtime}.
 */
public interface Runtime extends AutoCloseable {

    /**
     * The engine type this runtime serves, as a job spec names it ({@code wasm}, {@code docker}).
     *
     * @return the engine type
     */
    String engineType();

    /**
     * Whether this runtime can run jobs on this machine, and if not, why.
     *
     * @return available, or the reason it is not
     */
    default Availability availability() {
        return Availability.ok();
    }

    /**
     * Whether mount sources may be paths of any {@link java.nio.file.FileSystem} (for example a
     * read-only view of an IPFS DAG, read lazily with no copy). A runtime that hands paths to an
     * outside process (a container engine) returns {@code false}, and the core gives it host
     * paths instead.
     *
     * @return true when paths of any file system will do
     */
    default boolean acceptsAnyFileSystem() {
        return false;
    }

    /**
     * Called once by the node that owns this runtime, before its first execution, with the
     * node's id. A runtime that labels what it creates in an engine with the node id uses this
     * one from now on, and removes what an earlier run of the same node left behind (a node
     * that crashed cannot clean up after itself). Default: nothing.
     *
     * @param nodeId the owning node's id
     */
    default void open(String nodeId) {}

    /**
     * Why this runtime's node policy refuses {@code task} (for example a network type the node
     * does not allow), empty when it accepts it. The node asks before queueing a job and fails
     * the job with this reason; {@link #execute} refuses such a task too. Default: accepts all.
     *
     * @param task the task the node is about to queue
     * @return the reason it is refused, or empty
     */
    default String refusal(Task task) {
        return "";
    }

    /**
     * Runs one execution to its end. Blocks the calling thread.
     *
     * <p>The runtime enforces {@link ExecutionLimits#timeout()} itself and reports it as
     * {@link FailureKind#TIMEOUT}. A non-zero exit of the program is a normal outcome, not an
     * error. When the calling thread is interrupted (the execution was cancelled) the runtime
     * stops the program promptly, releases what it acquired, and throws
     * {@link InterruptedException}.
     *
     * @param context the task, its staged mounts, limits and listener
     * @return how the execution ended
     * @throws InterruptedException when cancelled through thread interruption
     */
    ExecutionOutcome execute(ExecutionContext context) throws InterruptedException;

    /** Releases caches and engine connections. Idempotent. */
    @Override
    default void close() {}
}
