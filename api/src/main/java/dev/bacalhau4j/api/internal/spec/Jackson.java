package dev.bacalhau4j.api.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Shared tree constants. */
final class Jackson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final JsonNode EMPTY = NODES.objectNode();

    private Jackson() {}
}
