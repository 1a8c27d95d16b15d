package dev.bacalhau4j.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of a task; {@link Duration#ZERO} means not set (the node's default applies).
 * Job specs write them as whole seconds, as Bacalhau does.
 *
 * @param executionTimeout how long one execution may run
 * @param queueTimeout how long the job may wait for capacity
 * @param totalTimeout how long the whole job may take
 */
public record Timeouts(Duration executionTimeout, Duration queueTimeout, Duration totalTimeout) {
    /** No timeout set: the node's defaults apply. */
    public static final Timeouts NONE = new Timeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * Checks the components.
     *
     * @param executionTimeout how long one execution may run
     * @param queueTimeout how long the job may wait for capacity
     * @param totalTimeout how long the whole job may take
     */
    public Timeouts {
        Objects.requireNonNull(executionTimeout, "executionTimeout == null");
        Objects.requireNonNull(queueTimeout, "queueTimeout == null");
        Objects.requireNonNull(totalTimeout, "totalTimeout == null");
    }
}
