package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small UnixFS-shaped DAGs for store and GC tests: raw leaves under dag-pb nodes. */
final class TestDags {
    /** A DAG's blocks, leaves first (the order an importer writes them), root last. */
    record Dag(Cid root, List<Block> blocks) {
        void putAll(Blockstore store) throws IOException {
            for (Block block : blocks) {
                store.put(block);
            }
        }

        long bytes() {
            return blocks.stream().mapToLong(Block::size).sum();
        }
    }

    private TestDags() {}

    static Block raw(byte[] data) {
        return new Block(Cid.raw(data), data);
    }

    static Block raw(String text) {
        return raw(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A tree of {@code depth} levels of dag-pb nodes with {@code fanout} children, raw leaves below. */
    static Dag tree(Random random, int fanout, int depth) {
        List<Block> blocks = new ArrayList<>();
        Cid root = node(random, fanout, depth, blocks);
        return new Dag(root, blocks);
    }

    private static Cid node(Random random, int fanout, int depth, List<Block> out) {
        if (depth == 0) {
            byte[] data = new byte[16 + random.nextInt(200)];
            random.nextBytes(data);
            Block leaf = raw(data);
            out.add(leaf);
            return leaf.cid();
        }
        List<PbLink> links = new ArrayList<>();
        for (int i = 0; i < fanout; i++) {
            links.add(PbLink.of(node(random, fanout, depth - 1, out), "", 1));
        }
        byte[] bytes = DagPb.encode(new PbNode(links, UnixFsData.file(null, fanout, List.of()).encode()));
        Block block = new Block(Cid.v1(dev.bacalhau4j.ipfs.Multicodec.DAG_PB, Multihash.sha256(bytes)), bytes);
        out.add(block);
        return block.cid();
    }
}
