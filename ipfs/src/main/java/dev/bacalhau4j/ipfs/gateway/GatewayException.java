package dev.bacalhau4j.ipfs.gateway;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.util.List;

/**
 * Thrown when no gateway delivered a complete, verified DAG or block. The message lists each
 * gateway tried and why it was refused (unreachable, HTTP status, a block that did not match its
 * CID, a truncated CAR, a block outside the requested DAG, over the size limit).
 */
public final class GatewayException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Cid cid;
    /** One line per gateway tried (part of the serialized form). */
    private final List<String> attempts;

    GatewayException(Cid cid, List<String> attempts) {
        super(attempts.isEmpty()
                ? "cannot fetch " + cid + ": no gateways are configured"
                : "cannot fetch " + cid + " from any gateway: " + String.join("; ", attempts));
        this.cid = cid;
        this.attempts = List.copyOf(attempts);
    }

    /**
     * The CID that could not be fetched.
     *
     * @return the CID
     */
    public Cid cid() {
        return cid;
    }

    /**
     * One line per gateway tried: {@code <url>: <reason>}.
     *
     * @return the lines, empty when no gateway is configured
     */
    public List<String> attempts() {
        return attempts;
    }
}
