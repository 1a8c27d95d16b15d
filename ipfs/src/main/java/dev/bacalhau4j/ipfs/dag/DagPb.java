package dev.bacalhau4j.ipfs.dag;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.internal.ProtoReader;
import dev.bacalhau4j.ipfs.internal.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The dag-pb codec in its canonical form (the IPLD dag-pb spec): links first, each with Hash, Name,
 * Tsize in that order, then Data. Decoding is strict — fields out of order, repeated, of the wrong
 * wire type or unknown are refused with {@link IpfsFormatException} — so every node has one
 * encoding and re-encoding a decoded node gives back the same bytes.
 */
public final class DagPb {
    private static final int NODE_DATA = 1;
    private static final int NODE_LINKS = 2;
    private static final int LINK_HASH = 1;
    private static final int LINK_NAME = 2;
    private static final int LINK_TSIZE = 3;

    private DagPb() {}

    /**
     * Encodes a node in dag-pb's canonical form (links first, then data).
     *
     * @param node the node
     * @return the block's bytes
     */
    public static byte[] encode(PbNode node) {
        ProtoWriter out = new ProtoWriter(64 + node.links().size() * 48);
        for (PbLink link : node.links()) {
            byte[] linkBytes = encodeLink(link);
            out.bytesField(NODE_LINKS, linkBytes);
        }
        if (node.hasData()) {
            out.bytesField(NODE_DATA, node.data());
        }
        return out.toByteArray();
    }

    private static byte[] encodeLink(PbLink link) {
        ProtoWriter out = new ProtoWriter(48);
        out.bytesField(LINK_HASH, link.hash().toBytes());
        if (link.name() != null) {
            out.stringField(LINK_NAME, link.name());
        }
        if (link.tsize() != null) {
            out.varintField(LINK_TSIZE, link.tsize());
        }
        return out.toByteArray();
    }

    /**
     * Decodes a dag-pb block.
     *
     * @param block the block's bytes
     * @return the node
     * @throws dev.bacalhau4j.ipfs.IpfsFormatException when the bytes are not dag-pb
     */
    public static PbNode decode(byte[] block) {
        ProtoReader in = new ProtoReader(block, 0, block.length, "dag-pb node");
        List<PbLink> links = new ArrayList<>();
        byte[] data = null;
        while (in.hasMore()) {
            int key = in.readKey();
            int field = key >>> 3;
            if (field == NODE_LINKS) {
                if (data != null) {
                    throw in.error("link after Data (Links must come first)");
                }
                in.expectWireType(key, ProtoReader.WIRE_BYTES, "Links[" + links.size() + "]");
                int start = in.readLengthDelimited("Links[" + links.size() + "]");
                links.add(decodeLink(block, start, in.position(), links.size()));
            } else if (field == NODE_DATA) {
                if (data != null) {
                    throw in.error("Data appears twice");
                }
                in.expectWireType(key, ProtoReader.WIRE_BYTES, "Data");
                data = in.readBytes("Data");
            } else {
                throw in.error("unknown field " + field + " at byte " + in.position());
            }
        }
        return new PbNode(links, data);
    }

    private static PbLink decodeLink(byte[] block, int start, int end, int index) {
        ProtoReader in = new ProtoReader(block, start, end, "dag-pb Links[" + index + "]");
        Cid hash = null;
        String name = null;
        Long tsize = null;
        int lastField = 0;
        while (in.hasMore()) {
            int key = in.readKey();
            int field = key >>> 3;
            if (field <= lastField) {
                throw in.error("field " + field + " out of order or repeated");
            }
            lastField = field;
            switch (field) {
                case LINK_HASH -> {
                    in.expectWireType(key, ProtoReader.WIRE_BYTES, "Hash");
                    int s = in.readLengthDelimited("Hash");
                    byte[] cidBytes = java.util.Arrays.copyOfRange(block, s, in.position());
                    try {
                        hash = Cid.decode(cidBytes);
                    } catch (IpfsFormatException e) {
                        throw in.error("Hash is not a CID: " + e.getMessage());
                    }
                }
                case LINK_NAME -> {
                    in.expectWireType(key, ProtoReader.WIRE_BYTES, "Name");
                    name = in.readString("Name");
                }
                case LINK_TSIZE -> {
                    in.expectWireType(key, ProtoReader.WIRE_VARINT, "Tsize");
                    long v = in.readVarint("Tsize");
                    if (v < 0) {
                        throw in.error("Tsize out of range");
                    }
                    tsize = v;
                }
                default -> throw in.error("unknown field " + field);
            }
        }
        if (hash == null) {
            throw in.error("missing Hash");
        }
        return new PbLink(hash, name, tsize);
    }
}
