package dev.bacalhau4j.ipfs.importer;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.block.Blockstore;
import java.io.IOException;
import java.security.MessageDigest;

/** Hashes encoded blocks into CIDs of the profile's version and puts them in the store; one per import call, not thread-safe. */
final class BlockSink {
    private final Blockstore store;
    private final int cidVersion;
    private final MessageDigest sha256 = Multihash.newSha256();

    BlockSink(Blockstore store, int cidVersion) {
        this.store = store;
        this.cidVersion = cidVersion;
    }

    /** Stores a dag-pb node; its CID has the profile's version. */
    Cid putDagPb(byte[] block) throws IOException {
        Multihash mh = Multihash.ofSha256Digest(sha256.digest(block));
        Cid cid = cidVersion == 0 ? Cid.v0(mh) : Cid.v1(Multicodec.DAG_PB, mh);
        store.put(cid, block);
        return cid;
    }

    /** Stores a raw leaf; raw blocks always have CIDv1, as in Kubo and the JS importer. */
    Cid putRaw(byte[] block) throws IOException {
        Cid cid = Cid.v1(Multicodec.RAW, Multihash.ofSha256Digest(sha256.digest(block)));
        store.put(cid, block);
        return cid;
    }
}
