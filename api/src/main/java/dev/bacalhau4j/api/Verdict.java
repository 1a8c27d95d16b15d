package dev.bacalhau4j.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a job's result was verified by comparing independent executions, with the reason in a
 * sentence. Containers are never verified (they are not deterministic); a WASM job is verified
 * only when several nodes ran it and enough of them published the same CID.
 *
 * @param verified true when independent executions agreed on the result
 * @param explanation why it is or is not verified
 * @param accepted the result location the agreeing executions published, when one was accepted
 * @param agreeing ids of the executions that published the accepted result
 * @param rejected ids of the completed executions outvoted (they published something else)
 */
public record Verdict(boolean verified, String explanation, Optional<URI> accepted, List<String> agreeing,
                      List<String> rejected) {
    /**
     * Checks the components and copies the collections.
     *
     * @param verified true when independent executions agreed on the result
     * @param explanation why it is or is not verified
     * @param accepted the result location the agreeing executions published, when one was accepted
     * @param agreeing ids of the executions that published the accepted result
     * @param rejected ids of the completed executions outvoted (they published something else)
     */
    public Verdict {
        Objects.requireNonNull(explanation, "explanation == null");
        Objects.requireNonNull(accepted, "accepted == null");
        agreeing = List.copyOf(agreeing);
        rejected = List.copyOf(rejected);
    }

    /**
     * A verdict with no accepted location and no execution sets.
     *
     * @param verified true when independent executions agreed on the result
     * @param explanation why it is or is not verified
     */
    public Verdict(boolean verified, String explanation) {
        this(verified, explanation, Optional.empty(), List.of(), List.of());
    }

    /**
     * The verdict of a job nobody verified.
     *
     * @param explanation why it is not verified
     * @return a verdict that is not verified
     */
    public static Verdict unverified(String explanation) {
        return new Verdict(false, explanation);
    }
}
