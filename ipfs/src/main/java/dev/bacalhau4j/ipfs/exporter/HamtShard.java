package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.internal.Murmur3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reading UnixFS HAMT-sharded directories, as boxo's {@code ipld/unixfs/hamt} writes them. A
 * shard's links are named by bucket: the bucket index in upper-case hex, zero-padded to the width
 * of {@code fanout - 1} (2 characters for the usual 256), followed by the entry's name; a link whose
 * name is the prefix alone is a sub-shard. A name's bucket at each level is the next
 * {@code log2(fanout)} bits, most significant first, of its 64-bit hash: murmur3 x64 128 of the
 * UTF-8 name, seed 0, first 64-bit word ({@code h1}) in big-endian order (Go's
 * {@code murmur3.New64().Sum}; JS takes the first 8 bytes of the canonical output and reverses
 * them). When the 64 bits run out the directory is too deep, as in boxo.
 */
final class HamtShard {
    static final long MURMUR3_X64_64 = 0x22;
    static final long MAX_FANOUT = 1 << 16;

    private HamtShard() {}

    /** The 8 bytes whose bits pick a name's buckets, most significant bit first. */
    static byte[] hash(String name) {
        long h = Murmur3.hash64(name.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (h >>> (56 - 8 * i));
        }
        return out;
    }

    /** Bucket prefix width in hex characters for a fanout: that of {@code fanout - 1}. */
    static int prefixLength(long fanout) {
        return Long.toHexString(fanout - 1).length();
    }

    /**
     * Finds {@code name} under the shard {@code root}; every sub-shard read is added to
     * {@code traversed}. Returns the entry's link, named with the bare entry name.
     */
    static Optional<PbLink> lookup(Blockstore store, UnixFsNode root, String name, String where,
            List<Cid> traversed) throws IOException {
        byte[] hash = hash(name);
        int consumed = 0;
        UnixFsNode shard = root;
        while (true) {
            int bits = Long.numberOfTrailingZeros(shard.fanout);
            if (consumed + bits > 64) {
                throw new CorruptDagException(where, shard.cid, "sharded directory too deep: the 64-bit hash of "
                        + PathNames.quote(name) + " is used up after " + consumed + " bits");
            }
            int bucket = bits(hash, consumed, bits);
            consumed += bits;
            int width = prefixLength(shard.fanout);
            PbLink next = null;
            for (PbLink link : shard.links) {
                String linkName = link.nameOrEmpty();
                if (bucketOf(linkName, width, shard, where) != bucket) {
                    continue;
                }
                if (linkName.length() == width) {
                    next = link;
                    break;
                }
                if (linkName.substring(width).equals(name)) {
                    return Optional.of(new PbLink(link.hash(), name, link.tsize()));
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            UnixFsNode child = UnixFsNode.load(store, next.hash(), where);
            if (child.kind != UnixFsNode.Kind.HAMT) {
                throw new CorruptDagException(where, child.cid, "sub-shard link " + PathNames.quote(next.nameOrEmpty())
                        + " of " + shard.cid + " leads to a " + child.type().label() + ", not a shard");
            }
            traversed.add(child.cid);
            shard = child;
        }
    }

    /**
     * Calls {@code out} with every entry under {@code root}, depth first in stored link order,
     * each link named with the bare entry name. Each entry must sit in the buckets its name hashes
     * to at every level (a misfiled entry can never be found by name), and each sub-shard may be
     * linked only once: sub-shards hold disjoint parts of the hash space, so a shared one is
     * corrupt, and walking it once per link would take time exponential in the depth.
     */
    static void walk(Blockstore store, UnixFsNode root, String where, Consumer<PbLink> out) throws IOException {
        walk(store, root, where, out, List.of(), new HashSet<>());
    }

    /** One level of the way down to a shard: the bucket taken and how many hash bits picked it. */
    private record Step(int bucket, int bits) {}

    private static void walk(Blockstore store, UnixFsNode shard, String where, Consumer<PbLink> out, List<Step> above,
            Set<Cid> subShards) throws IOException {
        int bits = Long.numberOfTrailingZeros(shard.fanout);
        int consumed = above.stream().mapToInt(Step::bits).sum();
        if (consumed + bits > 64) {
            throw new CorruptDagException(where, shard.cid, "sharded directory deeper than its 64-bit hash allows");
        }
        int width = prefixLength(shard.fanout);
        for (PbLink link : shard.links) {
            String linkName = link.nameOrEmpty();
            List<Step> path = new ArrayList<>(above);
            path.add(new Step(bucketOf(linkName, width, shard, where), bits));
            if (linkName.length() > width) {
                String name = linkName.substring(width);
                checkFiled(name, path, shard, where);
                out.accept(new PbLink(link.hash(), name, link.tsize()));
                continue;
            }
            if (!subShards.add(link.hash())) {
                throw new CorruptDagException(where, shard.cid, "sub-shard " + link.hash()
                        + " is linked more than once in this directory (again from bucket " + show(path)
                        + "): sub-shards hold disjoint parts of the hash space, so one cannot appear twice");
            }
            UnixFsNode child = UnixFsNode.load(store, link.hash(), where);
            if (child.kind != UnixFsNode.Kind.HAMT) {
                throw new CorruptDagException(where, child.cid, "sub-shard link " + PathNames.quote(linkName) + " of "
                        + shard.cid + " leads to a " + child.type().label() + ", not a shard");
            }
            walk(store, child, where, out, List.copyOf(path), subShards);
        }
    }

    /** Throws unless the buckets on {@code path} are the ones {@code name}'s hash picks, level by level. */
    private static void checkFiled(String name, List<Step> path, UnixFsNode shard, String where)
            throws CorruptDagException {
        byte[] hash = hash(name);
        List<Step> picked = new ArrayList<>(path.size());
        int from = 0;
        for (Step step : path) {
            picked.add(new Step(bits(hash, from, step.bits()), step.bits()));
            from += step.bits();
        }
        if (!picked.equals(path)) {
            throw new CorruptDagException(where, shard.cid, "shard entry " + PathNames.quote(name)
                    + " is filed under bucket " + show(path) + " but its hash picks " + show(picked)
                    + ": no lookup by name would find it");
        }
    }

    /** Buckets level by level as their link prefixes spell them, e.g. {@code 0A/3F}. */
    private static String show(List<Step> path) {
        StringBuilder out = new StringBuilder();
        for (Step step : path) {
            if (out.length() > 0) {
                out.append('/');
            }
            int width = prefixLength(1L << step.bits());
            out.append(String.format("%0" + width + "X", step.bucket()));
        }
        return out.toString();
    }

    private static int bucketOf(String linkName, int width, UnixFsNode shard, String where)
            throws CorruptDagException {
        if (linkName.length() < width) {
            throw new CorruptDagException(where, shard.cid, "shard link name " + PathNames.quote(linkName)
                    + " is shorter than its " + width + "-character bucket prefix");
        }
        int bucket = 0;
        for (int i = 0; i < width; i++) {
            int digit = Character.digit(linkName.charAt(i), 16);
            if (digit < 0) {
                throw new CorruptDagException(where, shard.cid, "shard link name " + PathNames.quote(linkName)
                        + " does not start with a hex bucket prefix");
            }
            bucket = bucket << 4 | digit;
        }
        if (bucket >= shard.fanout) {
            throw new CorruptDagException(where, shard.cid, "shard link name " + PathNames.quote(linkName)
                    + " names bucket " + bucket + " of a fanout of " + shard.fanout);
        }
        return bucket;
    }

    /** {@code count} bits of {@code hash} starting at bit {@code from}, most significant first. */
    static int bits(byte[] hash, int from, int count) {
        int out = 0;
        for (int i = from; i < from + count; i++) {
            int bit = (hash[i >>> 3] >>> (7 - (i & 7))) & 1;
            out = out << 1 | bit;
        }
        return out;
    }
}
