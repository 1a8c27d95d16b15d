package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * Whether a job's result was verified by comparing independent executions, with the reason in a
 * sentence. Containers are never verified (they are not deterministic); a WASM job is verified
 * only when several nodes ran it and enough of them published the same CID.
 *
 * @param verified true when independent executions agreed on the result
 * @param explanation why it is or is not verified
 */
public record Verdict(boolean verified, String explanation) {
    public Verdict {
        Objects.requireNonNull(explanation, "explanation == null");
    }

    public static Verdict unverified(String explanation) {
        return new Verdict(false, explanation);
    }
}
