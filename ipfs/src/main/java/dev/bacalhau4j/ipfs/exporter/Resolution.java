package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.util.List;
import java.util.Objects;

/**
 * Where a path led: the target's CID and the blocks read on the way.
 *
 * @param root the CID the path started from
 * @param segments the path's segments, in order (empty for the root itself)
 * @param cid the target
 * @param traversed every block read to resolve the path, in the order read: the root and each
 *     directory on the way, including the inner blocks of sharded directories, but not the target
 *     itself (a trustless gateway sends these before the target's own DAG)
 */
public record Resolution(Cid root, List<String> segments, Cid cid, List<Cid> traversed) {
    /**
     * Checks the components and copies the collections.
     *
     * @param root the CID the path started from
     * @param segments the path's segments, in order (empty for the root itself)
     * @param cid the target
     * @param traversed every block read to resolve the path, in the order read: the root and each directory
     *     on the way, including the inner blocks of sharded directories, but not the target itself (a trustless
     *     gateway sends these before the target's own DAG)
     */
    public Resolution {
        Objects.requireNonNull(root, "root == null");
        Objects.requireNonNull(cid, "cid == null");
        segments = List.copyOf(segments);
        traversed = List.copyOf(traversed);
    }

    /**
     * The path as messages write it: {@code <root-cid>/a/b}.
     *
     * @return the path
     */
    public String path() {
        return PathNames.describe(root, segments);
    }
}
