package dev.bacalhau4j.ipfs.importer;

import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one directory node from already-imported children: a flat UnixFS directory while its
 * size estimate is at most the profile's threshold, a HAMT shard above it. Links are sorted by the
 * names' UTF-8 bytes. Single use, not thread-safe.
 *
 * <p>The estimate counts every child, subdirectories included, as Kubo does. (The JS importer
 * leaves subdirectories out of the estimate while it builds a tree, so the two can differ for a
 * directory of many subdirectories right at the threshold; they agree on directories of files.)
 */
final class DirectoryDag {
    /** The Data field of a directory without mode or mtime: tag, length, {Type: Directory}. */
    private static final int DIRECTORY_DATA_FIELD_SIZE = 4;

    private final ImportProfile profile;
    private final BlockSink sink;

    DirectoryDag(ImportProfile profile, BlockSink sink) {
        this.profile = profile;
        this.sink = sink;
    }

    /** {@code entries} must be sorted by {@link DirectoryEntry#BY_NAME_BYTES} with unique names. */
    ImportedEntry build(List<DirectoryEntry> entries) throws IOException {
        if (estimate(entries) > profile.hamtThresholdBytes()) {
            return new HamtShard(sink).build(entries);
        }
        List<PbLink> links = new ArrayList<>(entries.size());
        long size = 0;
        long childTsize = 0;
        for (DirectoryEntry e : entries) {
            links.add(PbLink.of(e.entry().cid(), e.name(), e.entry().tsize()));
            size += e.entry().size();
            childTsize += e.entry().tsize();
        }
        byte[] block = DagPb.encode(new PbNode(links, UnixFsData.directory().encode()));
        return new ImportedEntry(sink.putDagPb(block), size, block.length + childTsize, true);
    }

    private long estimate(List<DirectoryEntry> entries) {
        long estimate = profile.hamtSizeEstimate() == ImportProfile.HamtSizeEstimate.BLOCK_BYTES
                ? DIRECTORY_DATA_FIELD_SIZE : 0;
        for (DirectoryEntry e : entries) {
            int cidLength = e.entry().cid().encodedLength();
            estimate += switch (profile.hamtSizeEstimate()) {
                case LINK_BYTES -> e.nameBytes().length + cidLength;
                case BLOCK_BYTES -> linkSerializedSize(e.nameBytes().length, cidLength, e.entry().tsize());
            };
        }
        return estimate;
    }

    /** The bytes one link adds to an encoded dag-pb node: Hash, Name, Tsize, in a Links field. */
    static int linkSerializedSize(int nameLength, int cidLength, long tsize) {
        int link = 1 + Varint.size(cidLength) + cidLength + 1 + Varint.size(nameLength) + nameLength + 1 + Varint.size(tsize);
        return 1 + Varint.size(link) + link;
    }
}
