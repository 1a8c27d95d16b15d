package dev.bacalhau4j.ipfs.gateway;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds small UnixFS DAGs by hand, for gateway tests (the importer lives elsewhere). */
final class TestDags {
    private TestDags() {}

    /** A file of {@code chunks} raw leaves of {@code chunkSize} random bytes under one dag-pb root. */
    static Cid file(Blockstore store, int chunks, int chunkSize, long seed) throws IOException {
        Random random = new Random(seed);
        List<PbLink> links = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = new byte[chunkSize];
            random.nextBytes(chunk);
            Cid leaf = Cid.raw(chunk);
            store.put(leaf, chunk);
            links.add(PbLink.of(leaf, "", chunkSize));
            sizes.add((long) chunkSize);
        }
        return put(store, new PbNode(links, UnixFsData.file(null, (long) chunks * chunkSize, sizes).encode()));
    }

    /** A directory with the given entries (names sorted by the caller). */
    static Cid directory(Blockstore store, List<String> names, List<Cid> targets) throws IOException {
        List<PbLink> links = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            links.add(PbLink.of(targets.get(i), names.get(i), store.size(targets.get(i))));
        }
        return put(store, new PbNode(links, UnixFsData.directory().encode()));
    }

    static Cid put(Blockstore store, PbNode node) throws IOException {
        byte[] bytes = DagPb.encode(node);
        Cid cid = Cid.v1(Multicodec.DAG_PB, Multihash.sha256(bytes));
        store.put(cid, bytes);
        return cid;
    }
}
