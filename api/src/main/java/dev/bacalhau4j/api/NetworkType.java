package dev.bacalhau4j.api;

/** Bacalhau's network types. WASM functions only ever get {@link #NONE}. */
public enum NetworkType {
    /** No network at all: the only type WASM functions get, and the default for containers. */
    NONE("None"),
    /** The host's network; never admitted by the docker runtime. */
    HOST("Host"),
    /** Unrestricted network; for containers, the engine's default bridge when the node admits it. */
    FULL("Full"),
    /** Bacalhau's HTTP-filtering proxy; not supported. */
    HTTP("HTTP"),
    /** The node's default: as {@code Full} for containers when admitted, {@code None} for WASM. */
    DEFAULT("Default");

    private final String wireName;

    NetworkType(String wireName) {
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
