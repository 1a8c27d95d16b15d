package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves a path under a root CID through plain and sharded directories, never following links. */
final class Resolver {
    private Resolver() {}

    static Resolution resolve(Blockstore store, Cid root, List<String> segments) throws IOException {
        PathNames.check(segments, String.join("/", segments));
        List<Cid> traversed = new ArrayList<>();
        Cid current = root;
        for (int i = 0; i < segments.size(); i++) {
            String where = PathNames.describe(root, segments.subList(0, i));
            UnixFsNode node = UnixFsNode.load(store, current, where);
            traversed.add(current);
            if (node.kind == UnixFsNode.Kind.SYMLINK) {
                throw new SymlinkInPathException(where, current, segments.subList(0, i), node.symlinkTarget(),
                        segments.subList(i, segments.size()));
            }
            if (!node.isDirectory()) {
                throw new NotADirectoryException(where, current, node.type());
            }
            String name = segments.get(i);
            Optional<PbLink> link = Directories.lookup(store, node, name, where, traversed);
            if (link.isEmpty()) {
                throw new EntryNotFoundException(where, name, current);
            }
            current = link.get().hash();
        }
        return new Resolution(root, segments, current, traversed);
    }
}
