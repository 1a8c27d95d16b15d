package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One block decoded for reading: its kind, links and bytes, and for file nodes the offsets of its
 * children. Immutable; the byte arrays are never handed out.
 */
final class UnixFsNode {
    enum Kind { RAW_BLOCK, FILE, DIRECTORY, HAMT, SYMLINK }

    final Cid cid;
    final Kind kind;
    final List<PbLink> links;
    /** Inline file bytes, the raw block, or the symlink target. */
    final byte[] content;
    /** For FILE: the start of each child within this node's bytes, then the total. */
    final long[] childOffsets;
    final long fanout;

    private UnixFsNode(Cid cid, Kind kind, List<PbLink> links, byte[] content, long[] childOffsets, long fanout) {
        this.cid = cid;
        this.kind = kind;
        this.links = links;
        this.content = content;
        this.childOffsets = childOffsets;
        this.fanout = fanout;
    }

    /** Reads and decodes {@code cid}; {@code where} names the path for messages. */
    static UnixFsNode load(Blockstore store, Cid cid, String where) throws IOException {
        if (cid.codec() != Multicodec.RAW && cid.codec() != Multicodec.DAG_PB) {
            throw new UnsupportedNodeException(where, cid, "codec " + cid.codecName()
                    + " is not UnixFS (supported: dag-pb, raw)");
        }
        byte[] block = store.get(cid).orElseThrow(() -> new BlockNotFoundException(cid, where));
        if (cid.codec() == Multicodec.RAW) {
            return new UnixFsNode(cid, Kind.RAW_BLOCK, List.of(), block, new long[] {block.length}, 0);
        }
        PbNode pb;
        UnixFsData data;
        try {
            pb = DagPb.decode(block);
            data = UnixFsData.decode(pb.data());
        } catch (IpfsFormatException e) {
            throw new CorruptDagException(where, cid, "not a UnixFS node: " + e.getMessage(), e);
        }
        return switch (data.type()) {
            case FILE, RAW -> file(cid, where, pb, data);
            case DIRECTORY -> new UnixFsNode(cid, Kind.DIRECTORY, pb.links(), new byte[0], null, 0);
            case HAMT_SHARD -> hamt(cid, where, pb, data);
            case SYMLINK -> new UnixFsNode(cid, Kind.SYMLINK, List.of(), nonNull(data.data()), null, 0);
            case METADATA -> throw new UnsupportedNodeException(where, cid, "UnixFS Metadata nodes are not supported");
        };
    }

    private static UnixFsNode file(Cid cid, String where, PbNode pb, UnixFsData data) throws CorruptDagException {
        byte[] inline = nonNull(data.data());
        List<PbLink> links = pb.links();
        List<Long> sizes = data.blocksizes();
        if (data.type() == UnixFsType.RAW && !links.isEmpty()) {
            throw new CorruptDagException(where, cid, "a UnixFS Raw node must not have links (has " + links.size() + ")");
        }
        if (sizes.size() != links.size()) {
            throw new CorruptDagException(where, cid, "file node has " + links.size() + " links but "
                    + sizes.size() + " blocksizes");
        }
        long[] offsets = new long[links.size() + 1];
        long at = inline.length;
        try {
            for (int i = 0; i < sizes.size(); i++) {
                offsets[i] = at;
                at = Math.addExact(at, sizes.get(i));
            }
        } catch (ArithmeticException e) {
            throw new CorruptDagException(where, cid, "blocksizes add up to more than 2^63 bytes");
        }
        offsets[links.size()] = at;
        if (data.filesize() != null && data.filesize() != at) {
            throw new CorruptDagException(where, cid, "filesize " + data.filesize() + " disagrees with "
                    + inline.length + " inline bytes + blocksizes " + (at - inline.length));
        }
        return new UnixFsNode(cid, Kind.FILE, links, inline, offsets, 0);
    }

    private static UnixFsNode hamt(Cid cid, String where, PbNode pb, UnixFsData data) throws CorruptDagException {
        if (data.hashType() == null || data.hashType() != HamtShard.MURMUR3_X64_64) {
            throw new CorruptDagException(where, cid, "sharded directory uses hash type "
                    + (data.hashType() == null ? "(none)" : "0x" + Long.toHexString(data.hashType()))
                    + "; only murmur3-x64-64 (0x22) is supported");
        }
        Long fanout = data.fanout();
        if (fanout == null || fanout < 2 || fanout > HamtShard.MAX_FANOUT || Long.bitCount(fanout) != 1) {
            throw new CorruptDagException(where, cid, "sharded directory fanout " + fanout
                    + " is not a power of two between 2 and " + HamtShard.MAX_FANOUT);
        }
        return new UnixFsNode(cid, Kind.HAMT, pb.links(), new byte[0], null, fanout);
    }

    private static byte[] nonNull(byte[] data) {
        return data == null ? new byte[0] : data;
    }

    /** The file's byte count (FILE, RAW_BLOCK). */
    long fileSize() {
        return childOffsets[childOffsets.length - 1];
    }

    EntryType type() {
        return switch (kind) {
            case RAW_BLOCK -> EntryType.RAW;
            case FILE -> EntryType.FILE;
            case DIRECTORY, HAMT -> EntryType.DIRECTORY;
            case SYMLINK -> EntryType.SYMLINK;
        };
    }

    boolean isDirectory() {
        return kind == Kind.DIRECTORY || kind == Kind.HAMT;
    }

    String symlinkTarget() {
        return new String(content, StandardCharsets.UTF_8);
    }

    NodeStat stat() {
        return switch (kind) {
            case RAW_BLOCK, FILE -> new NodeStat(cid, type(), fileSize(), false, null);
            case DIRECTORY, HAMT -> new NodeStat(cid, EntryType.DIRECTORY, 0, kind == Kind.HAMT, null);
            case SYMLINK -> new NodeStat(cid, EntryType.SYMLINK, content.length, false, symlinkTarget());
        };
    }
}
