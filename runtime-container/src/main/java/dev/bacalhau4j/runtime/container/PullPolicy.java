package dev.bacalhau4j.runtime.container;

import java.util.Locale;

/**
 * When the {@code docker} runtime pulls a job's image from its registry before running it.
 *
 * <p>A node setting ({@link DockerRuntime.Builder#pullPolicy}), not a job field: Bacalhau's
 * docker engine params have none. An image named by digest ({@code name@sha256:...}) is
 * immutable, so {@link #ALWAYS} does not pull it again once present.
 */
public enum PullPolicy {
    /** Pull only when the image is not present on the engine (the default). */
    IF_MISSING("if-missing"),
    /** Pull before every run, so a moved tag is followed. */
    ALWAYS("always"),
    /** Never pull: an image that is not present fails the execution. */
    NEVER("never");

    private final String wireName;

    PullPolicy(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in configuration: {@code if-missing}, {@code always}, {@code never}.
     *
     * @return the name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The policy named {@code name} (case-insensitive; {@code IfNotPresent}/{@code missing} also read as if-missing).
     *
     * @param name the policy's name
     * @return the policy
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static PullPolicy fromName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace("_", "-");
        switch (n) {
            case "if-missing", "missing", "ifnotpresent", "if-not-present":
                return IF_MISSING;
            case "always":
                return ALWAYS;
            case "never":
                return NEVER;
            default:
                throw new IllegalArgumentException("pull policy: unknown value '" + name
                        + "' (use if-missing, always or never)");
        }
    }
}
