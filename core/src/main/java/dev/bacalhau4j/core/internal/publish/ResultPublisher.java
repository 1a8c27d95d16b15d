package dev.bacalhau4j.core.internal.publish;

import dev.bacalhau4j.api.PublishedResult;
import java.io.IOException;

/** Makes one execution's outputs durable and addressable; one implementation per publisher type. */
public interface ResultPublisher {

    /** The publisher type as job specs name it. */
    String type();

    /**
     * Publishes the request's outputs and logs. Either the whole result is published or
     * nothing is: a failure leaves no partial result behind.
     */
    PublishedResult publish(PublishRequest request) throws IOException;

    /** Removes a published result, if this publisher can (used by cleanup of in-memory nodes). */
    default void close() {}
}
