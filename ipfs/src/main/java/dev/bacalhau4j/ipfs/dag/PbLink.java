package dev.bacalhau4j.ipfs.dag;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;

/**
 * A dag-pb link: the target's CID, an optional name and an optional cumulative size
 * ({@code Tsize}: the encoded size of the target DAG). {@code null} means the field is absent,
 * which is not the same as an empty name: Kubo writes an empty name for file chunks.
 */
public record PbLink(Cid hash, String name, Long tsize) {
    /**
     * Checks the link.
     *
     * @param hash the target's CID
     * @param name the link's name, {@code null} when absent
     * @param tsize the target DAG's encoded size, {@code null} when absent
     * @throws IllegalArgumentException when {@code tsize} is negative
     */
    public PbLink {
        Objects.requireNonNull(hash, "hash == null");
        if (tsize != null && tsize < 0) {
            throw new IllegalArgumentException("tsize must not be negative: " + tsize);
        }
    }

    /**
     * A link as UnixFS writes it: a name (empty for file chunks) and the target's total size.
     *
     * @param hash the target's CID
     * @param name the name, {@code ""} for file chunks
     * @param tsize the target DAG's encoded size
     * @return the link
     */
    public static PbLink of(Cid hash, String name, long tsize) {
        return new PbLink(hash, name, tsize);
    }

    /**
     * The name, with absent read as empty.
     *
     * @return the name, or {@code ""}
     */
    public String nameOrEmpty() {
        return name == null ? "" : name;
    }

    /**
     * The cumulative size, with absent read as 0.
     *
     * @return the size, or 0
     */
    public long tsizeOrZero() {
        return tsize == null ? 0 : tsize;
    }
}
