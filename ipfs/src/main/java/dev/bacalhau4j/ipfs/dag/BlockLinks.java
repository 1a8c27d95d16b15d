package dev.bacalhau4j.ipfs.dag;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIDs a block links to, by its codec: dag-pb links in order; none for raw blocks. Other
 * codecs (dag-cbor, dag-json) are treated as leaves: this module stores them but does not walk
 * into them, so a DAG walk (CAR export, GC, fetch) stops there.
 */
public final class BlockLinks {
    private BlockLinks() {}

    /**
     * The CIDs a block links to.
     *
     * @param cid the block's CID, whose codec says how to read it
     * @param block the block's bytes
     * @return the links of a dag-pb block, in order; none for other codecs
     */
    public static List<Cid> of(Cid cid, byte[] block) {
        if (cid.codec() != Multicodec.DAG_PB) {
            return List.of();
        }
        List<PbLink> links = DagPb.decode(block).links();
        List<Cid> out = new ArrayList<>(links.size());
        for (PbLink link : links) {
            out.add(link.hash());
        }
        return out;
    }

    /**
     * True when this module can decode the codec's links (dag-pb) or knows it has none (raw).
     *
     * @param cid a block's CID
     * @return true for dag-pb and raw
     */
    public static boolean isWalkable(Cid cid) {
        return cid.codec() == Multicodec.DAG_PB || cid.codec() == Multicodec.RAW;
    }
}
