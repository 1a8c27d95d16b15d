package dev.bacalhau4j.ipfs.car;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.BlockLinks;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a DAG from a blockstore as CAR v1 in depth-first pre-order without duplicates, the
 * order the trustless gateway spec calls {@code order=dfs; dups=n} and Kubo's {@code dag export}
 * uses, so a reader can verify each block as a link from one it already has.
 */
public final class CarExport {
    private CarExport() {}

    /** How much of the DAG below the root to include. */
    public enum Scope {
        /** Every block reachable from the root. */
        ALL,
        /** The root block only. */
        BLOCK
    }

    /**
     * Writes {@code prefix} blocks (e.g. the directories a path was resolved through), then the DAG
     * under {@code root}. The header names {@code headerRoot}. Returns the number of blocks written.
     *
     * @param store where the blocks are
     * @param headerRoot the root the header names
     * @param prefix blocks to write first
     * @param root the DAG to write
     * @param scope the whole DAG or the root block only
     * @param out where to write; not closed
     * @return the number of blocks written
     * @throws BlockNotFoundException when a block of the DAG is not in the store
     */
    public static long write(Blockstore store, Cid headerRoot, List<Cid> prefix, Cid root, Scope scope,
                             OutputStream out) throws IOException {
        CarWriter car = new CarWriter(out, List.of(headerRoot));
        Set<Cid> seen = new HashSet<>();
        long written = 0;
        for (Cid cid : prefix) {
            if (seen.add(cid)) {
                car.write(cid, require(store, cid));
                written++;
            }
        }
        Deque<Cid> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Cid cid = stack.pop();
            if (!seen.add(cid)) {
                continue;
            }
            byte[] data = require(store, cid);
            car.write(cid, data);
            written++;
            if (scope == Scope.ALL) {
                List<Cid> links = BlockLinks.of(cid, data);
                for (int i = links.size() - 1; i >= 0; i--) {
                    stack.push(links.get(i));
                }
            }
        }
        car.flush();
        return written;
    }

    /**
     * Writes the whole DAG under {@code root} with {@code root} in the header.
     *
     * @param store where the blocks are
     * @param root the DAG to write
     * @param out where to write; not closed
     * @return the number of blocks written
     * @throws IOException when a block is missing or {@code out} fails
     */
    public static long write(Blockstore store, Cid root, OutputStream out) throws IOException {
        return write(store, root, List.of(), root, Scope.ALL, out);
    }

    private static byte[] require(Blockstore store, Cid cid) throws IOException {
        return store.get(cid).orElseThrow(() -> new BlockNotFoundException(cid, "the DAG being exported"));
    }
}
