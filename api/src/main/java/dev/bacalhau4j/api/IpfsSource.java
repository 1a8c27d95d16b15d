package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * Content on IPFS: {@code CID} or {@code CID/path/inside}.
 *
 * @param cid the root CID, optionally followed by a path inside the DAG
 */
public record IpfsSource(String cid) implements SourceSpec {
    /** The source type as job specs name it. */
    public static final String TYPE = "ipfs";

    /**
     * Checks the components.
     *
     * @param cid the root CID, optionally followed by a path inside the DAG
     */
    public IpfsSource {
        Objects.requireNonNull(cid, "cid == null");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
