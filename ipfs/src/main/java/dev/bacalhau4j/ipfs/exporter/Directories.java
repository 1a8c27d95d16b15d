package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Entries of plain and HAMT-sharded directories, by name or all of them. */
final class Directories {
    private Directories() {}

    /** The entry named {@code name} of directory {@code dir}; shard blocks read are added to {@code traversed}. */
    static Optional<PbLink> lookup(Blockstore store, UnixFsNode dir, String name, String where, List<Cid> traversed)
            throws IOException {
        if (dir.kind == UnixFsNode.Kind.HAMT) {
            return HamtShard.lookup(store, dir, name, where, traversed);
        }
        for (PbLink link : dir.links) {
            if (name.equals(link.name())) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /** Every entry of {@code dir} in stored order, each link named with the entry's name. */
    static List<PbLink> entries(Blockstore store, UnixFsNode dir, String where) throws IOException {
        if (dir.kind != UnixFsNode.Kind.HAMT) {
            List<PbLink> out = new ArrayList<>(dir.links.size());
            for (PbLink link : dir.links) {
                out.add(link.name() == null ? new PbLink(link.hash(), "", link.tsize()) : link);
            }
            return out;
        }
        List<PbLink> out = new ArrayList<>();
        HamtShard.walk(store, dir, where, out::add);
        return out;
    }
}
