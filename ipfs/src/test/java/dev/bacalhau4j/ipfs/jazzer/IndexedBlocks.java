package dev.bacalhau4j.ipfs.jazzer;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * A DAG the fuzzer can mutate: blocks framed as {@code varint length, bytes}, block {@code i}
 * stored under the sha2-256 multihash whose digest is {@code i} followed by zeros. Links name
 * blocks by that index, so a mutated block keeps its place (its real hash would change, and every
 * link to it would break). Hashes are not checked here: the exporter trusts its blockstore, and
 * what is under test is how it reads what the blocks say.
 */
final class IndexedBlocks {
    /** Blocks beyond this are ignored: a link can only name 256 of them. */
    static final int MAX_BLOCKS = 256;

    private IndexedBlocks() {}

    /** The multihash of block {@code index}. */
    static Multihash hash(int index) {
        byte[] digest = new byte[32];
        digest[0] = (byte) index;
        return Multihash.ofSha256Digest(digest);
    }

    /** The CID of block 0, the root (a dag-pb node). */
    static Cid root() {
        return Cid.v1(Multicodec.DAG_PB, hash(0));
    }

    /** A store holding the framed blocks of {@code input}; a frame cut short ends them. */
    static MemoryBlockstore store(byte[] input) {
        MemoryBlockstore store = new MemoryBlockstore();
        int at = 0;
        for (int i = 0; i < MAX_BLOCKS && at < input.length; i++) {
            Varint.Decoded length;
            try {
                length = Varint.decode(input, at, input.length, "frame");
            } catch (RuntimeException notAFrame) {
                break;
            }
            at += length.length();
            if (length.value() > input.length - at) {
                break;
            }
            store.put(Cid.v1(Multicodec.RAW, hash(i)), Arrays.copyOfRange(input, at, at + (int) length.value()));
            at += (int) length.value();
        }
        return store;
    }

    /** Frames {@code blocks} as {@link #store} reads them. */
    static byte[] frame(List<byte[]> blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] block : blocks) {
            Varint.write(block.length, out);
            out.writeBytes(block);
        }
        return out.toByteArray();
    }
}
