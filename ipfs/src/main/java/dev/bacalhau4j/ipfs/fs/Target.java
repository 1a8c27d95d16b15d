package dev.bacalhau4j.ipfs.fs;

import dev.bacalhau4j.ipfs.exporter.NodeStat;

/**
 * What a path designates after resolution: the root directory ({@code stat} null) or a node.
 *
 * @param path the absolute, normalized path of the node, after any links followed
 * @param stat the node, or {@code null} for the root {@code /}
 */
record Target(UnixFsPath path, NodeStat stat) {
    boolean isRoot() {
        return stat == null;
    }

    boolean isDirectory() {
        return stat == null || stat.isDirectory();
    }
}
