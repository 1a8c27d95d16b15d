package dev.bacalhau4j.api;

/** Bacalhau's network types. WASM functions only ever get {@link #NONE}. */
public enum NetworkType {
    NONE("None"),
    HOST("Host"),
    FULL("Full"),
    HTTP("HTTP"),
    DEFAULT("Default");

    private final String wireName;

    NetworkType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in job specs. */
    public String wireName() {
        return wireName;
    }
}
