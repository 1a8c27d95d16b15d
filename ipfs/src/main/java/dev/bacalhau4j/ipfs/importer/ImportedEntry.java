package dev.bacalhau4j.ipfs.importer;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;

/**
 * The root of an imported file or directory: what a parent directory needs to link to it.
 * Immutable.
 *
 * @param cid       the root CID
 * @param size      the file bytes it holds (for a directory, the sum over everything below it)
 * @param tsize     the encoded size of its whole DAG, which a parent link carries as {@code Tsize}
 * @param directory whether it is a UnixFS directory (flat or HAMT shard)
 */
public record ImportedEntry(Cid cid, long size, long tsize, boolean directory) {
    /**
     * Checks the components.
     *
     * @param cid the root CID
     * @param size the file bytes it holds (for a directory, the sum over everything below it)
     * @param tsize the encoded size of its whole DAG, which a parent link carries as {@code Tsize}
     * @param directory whether it is a UnixFS directory (flat or HAMT shard)
     */
    public ImportedEntry {
        Objects.requireNonNull(cid, "cid == null");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (tsize < 0) {
            throw new IllegalArgumentException("tsize must not be negative: " + tsize);
        }
    }
}
