package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds UnixFS DAGs by hand, the way Kubo's balanced importer and boxo's HAMT lay them out, for
 * tests (the importer lives on another branch). Every block goes into the given store.
 */
public final class Dags {
    private final Blockstore store;
    private int cidVersion = 0;
    private boolean rawLeaves = false;

    public Dags(Blockstore store) {
        this.store = store;
    }

    /** CIDv1 dag-pb nodes from now on (CIDv0 by default). */
    public Dags v1() {
        cidVersion = 1;
        return this;
    }

    /** Leaves as raw blocks (CIDv1 raw) from now on, instead of UnixFS File leaves. */
    public Dags rawLeaves() {
        rawLeaves = true;
        return this;
    }

    /** A node and its DAG's cumulative size. */
    public record Built(Cid cid, long tsize, long fileSize) {}

    public Cid put(PbNode node) {
        byte[] block = DagPb.encode(node);
        Multihash mh = Multihash.sha256(block);
        Cid cid = cidVersion == 0 ? Cid.v0(mh) : Cid.v1(Multicodec.DAG_PB, mh);
        putBlock(cid, block);
        return cid;
    }

    public Cid putRaw(byte[] data) {
        Cid cid = Cid.raw(data);
        putBlock(cid, data);
        return cid;
    }

    private void putBlock(Cid cid, byte[] block) {
        try {
            store.put(cid, block);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long blockSize(PbNode node) {
        return DagPb.encode(node).length;
    }

    /** A file of {@code content}, chunked into leaves of {@code chunk} bytes, balanced with at most {@code fanout} links per node. */
    public Cid file(byte[] content, int chunk, int fanout) {
        return fileBuilt(content, chunk, fanout).cid();
    }

    public Built fileBuilt(byte[] content, int chunk, int fanout) {
        List<Built> level = new ArrayList<>();
        for (int at = 0; at < content.length || level.isEmpty(); at += chunk) {
            byte[] piece = Arrays.copyOfRange(content, at, Math.min(content.length, at + chunk));
            level.add(leaf(piece));
            if (content.length == 0) {
                break;
            }
        }
        while (level.size() > 1) {
            List<Built> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += fanout) {
                next.add(fileNode(level.subList(i, Math.min(level.size(), i + fanout))));
            }
            level = next;
        }
        return level.get(0);
    }

    public Built leaf(byte[] piece) {
        if (rawLeaves) {
            return new Built(putRaw(piece), piece.length, piece.length);
        }
        PbNode node = new PbNode(List.of(), UnixFsData.file(piece, piece.length, List.of()).encode());
        return new Built(put(node), blockSize(node), piece.length);
    }

    /** An inner file node over {@code children}, no inline data. */
    public Built fileNode(List<Built> children) {
        List<PbLink> links = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long total = 0;
        long tsize = 0;
        for (Built c : children) {
            links.add(PbLink.of(c.cid(), "", c.tsize()));
            sizes.add(c.fileSize());
            total += c.fileSize();
            tsize += c.tsize();
        }
        PbNode node = new PbNode(links, UnixFsData.file(null, total, sizes).encode());
        return new Built(put(node), tsize + blockSize(node), total);
    }

    /** A plain directory, entries sorted by name as Kubo writes them. */
    public Cid dir(Map<String, Cid> entries) {
        List<PbLink> links = new ArrayList<>();
        for (Map.Entry<String, Cid> e : new TreeMap<>(entries).entrySet()) {
            links.add(PbLink.of(e.getValue(), e.getKey(), 1));
        }
        return put(new PbNode(links, UnixFsData.directory().encode()));
    }

    /** A directory with links in exactly the given order (duplicates and odd names allowed). */
    public Cid rawDir(List<PbLink> links) {
        return put(new PbNode(links, UnixFsData.directory().encode()));
    }

    public Cid symlink(String target) {
        UnixFsData data = new UnixFsData(UnixFsType.SYMLINK, target.getBytes(StandardCharsets.UTF_8), null,
                List.of(), null, null, null, null);
        return put(new PbNode(List.of(), data.encode()));
    }

    public Cid text(String content) {
        return file(content.getBytes(StandardCharsets.UTF_8), 1 << 18, 174);
    }

    /** A HAMT-sharded directory laid out as boxo does: buckets by hash bits, sub-shards on collision. */
    public Cid hamt(Map<String, Cid> entries, int fanout) {
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        for (String name : entries.keySet()) {
            hashes.put(name, HamtShard.hash(name));
        }
        return shard(new ArrayList<>(entries.keySet()), entries, hashes, fanout, 0);
    }

    private Cid shard(List<String> names, Map<String, Cid> entries, Map<String, byte[]> hashes, int fanout,
            int consumed) {
        int bits = Integer.numberOfTrailingZeros(fanout);
        int width = HamtShard.prefixLength(fanout);
        TreeMap<Integer, List<String>> buckets = new TreeMap<>();
        for (String name : names) {
            buckets.computeIfAbsent(HamtShard.bits(hashes.get(name), consumed, bits), k -> new ArrayList<>()).add(name);
        }
        List<PbLink> links = new ArrayList<>();
        byte[] bitfield = new byte[Math.max(1, fanout / 8)];
        for (Map.Entry<Integer, List<String>> bucket : buckets.entrySet()) {
            int index = bucket.getKey();
            bitfield[bitfield.length - 1 - index / 8] |= (byte) (1 << (index % 8));
            String prefix = String.format("%0" + width + "X", index);
            if (bucket.getValue().size() == 1) {
                String name = bucket.getValue().get(0);
                links.add(PbLink.of(entries.get(name), prefix + name, 1));
            } else {
                Cid sub = shard(bucket.getValue(), entries, hashes, fanout, consumed + bits);
                links.add(PbLink.of(sub, prefix, 1));
            }
        }
        UnixFsData data = new UnixFsData(UnixFsType.HAMT_SHARD, bitfield, null, List.of(), 0x22L, (long) fanout,
                null, null);
        return put(new PbNode(links, data.encode()));
    }
}
