package dev.bacalhau4j.ipfs.importer;

import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import dev.bacalhau4j.ipfs.internal.Murmur3;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a UnixFS HAMT-sharded directory as Kubo (boxo's {@code hamt}) and the JS importer
 * ({@code hamt-sharding}) do: fanout 256, hash murmur3-x64-64 of the name. At depth d a name goes
 * to slot = byte d of its 64-bit hash (big-endian); a slot holding one name links to it as
 * {@code XX<name>} (XX the slot in upper-case hex), a slot holding several links to a sub-shard
 * as {@code XX}. Past 8 levels the name is hashed again with a counter byte appended, as the JS
 * implementation does. Each shard node's data is the bitfield of used slots, big-endian without
 * leading zero bytes. Single use, not thread-safe.
 */
final class HamtShard {
    static final int FANOUT = 256;
    /** The multicodec code of murmur3-x64-64, written as the shard's hashType. */
    static final long MURMUR3_X64_64 = 0x22;
    private static final int MAX_DEPTH = 64;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** An entry with its name's hashes, one per round of 8 levels, computed when first needed. */
    private record Named(DirectoryEntry entry, Long[] hashes) {}

    private final BlockSink sink;

    HamtShard(BlockSink sink) {
        this.sink = sink;
    }

    ImportedEntry build(List<DirectoryEntry> entries) throws IOException {
        List<Named> named = new ArrayList<>(entries.size());
        for (DirectoryEntry e : entries) {
            named.add(new Named(e, new Long[MAX_DEPTH / 8]));
        }
        return shard(named, 0);
    }

    private ImportedEntry shard(List<Named> entries, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException("HAMT deeper than " + MAX_DEPTH + " levels: names "
                    + entries.get(0).entry.name() + " and " + entries.get(1).entry.name() + " collide");
        }
        List<List<Named>> slots = new ArrayList<>(FANOUT);
        for (int i = 0; i < FANOUT; i++) {
            slots.add(null);
        }
        for (Named n : entries) {
            int slot = slot(n, depth);
            if (slots.get(slot) == null) {
                slots.set(slot, new ArrayList<>(2));
            }
            slots.get(slot).add(n);
        }
        byte[] bitfield = new byte[FANOUT / 8];
        List<PbLink> links = new ArrayList<>();
        long size = 0;
        long childTsize = 0;
        for (int slot = 0; slot < FANOUT; slot++) {
            List<Named> inSlot = slots.get(slot);
            if (inSlot == null) {
                continue;
            }
            bitfield[bitfield.length - 1 - slot / 8] |= (byte) (1 << (slot % 8));
            String label = "" + HEX[slot >>> 4] + HEX[slot & 15];
            ImportedEntry child;
            if (inSlot.size() == 1) {
                DirectoryEntry only = inSlot.get(0).entry;
                label += only.name();
                child = only.entry();
            } else {
                child = shard(inSlot, depth + 1);
            }
            links.add(PbLink.of(child.cid(), label, child.tsize()));
            size += child.size();
            childTsize += child.tsize();
        }
        UnixFsData data = new UnixFsData(UnixFsType.HAMT_SHARD, withoutLeadingZeros(bitfield), null, List.of(),
                MURMUR3_X64_64, (long) FANOUT, null, null);
        byte[] block = DagPb.encode(new PbNode(links, data.encode()));
        return new ImportedEntry(sink.putDagPb(block), size, block.length + childTsize, true);
    }

    private static int slot(Named n, int depth) {
        int round = depth / 8;
        if (n.hashes[round] == null) {
            byte[] name = n.entry.nameBytes();
            byte[] input = round == 0 ? name : Arrays.copyOf(name, name.length + 1);
            if (round > 0) {
                input[name.length] = (byte) round;
            }
            n.hashes[round] = Murmur3.hash64(input);
        }
        return (int) (n.hashes[round] >>> (56 - 8 * (depth % 8))) & 0xff;
    }

    private static byte[] withoutLeadingZeros(byte[] bigEndian) {
        int first = 0;
        while (first < bigEndian.length && bigEndian[first] == 0) {
            first++;
        }
        return Arrays.copyOfRange(bigEndian, first, bigEndian.length);
    }
}
