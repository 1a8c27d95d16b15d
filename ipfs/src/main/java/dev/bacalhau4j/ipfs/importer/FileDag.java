package dev.bacalhau4j.ipfs.importer;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one file's UnixFS DAG from a stream: fixed-size chunks, balanced layout. Chunks are read,
 * hashed and stored one at a time; only the pending links of each tree level are kept (at most
 * {@code maxLinks} per level), so memory does not grow with the file. Single use, not thread-safe.
 *
 * <p>The shape is the one Kubo's and the JS importer's balanced layout give: every full group of
 * {@code maxLinks} nodes at one level becomes a node of the level above; at the end each level's
 * remainder (even a single node) gets a parent, until one level holds one node: the root. A file
 * of one chunk is that chunk's leaf itself.
 */
final class FileDag {
    /** A built node as its parent links to it. */
    private record Child(Cid cid, long fileBytes, long tsize) {}

    private final ImportProfile profile;
    private final BlockSink sink;
    private final List<List<Child>> levels = new ArrayList<>();

    FileDag(ImportProfile profile, BlockSink sink) {
        this.profile = profile;
        this.sink = sink;
    }

    ImportedEntry build(InputStream in) throws IOException {
        int chunkSize = profile.chunkSize();
        byte[] buffer = profile.rawLeaves() ? null : new byte[chunkSize];
        long leaves = 0;
        while (true) {
            byte[] chunk = profile.rawLeaves() ? new byte[chunkSize] : buffer;
            int n = in.readNBytes(chunk, 0, chunkSize);
            if (n == 0 && leaves > 0) {
                break;
            }
            add(0, leaf(chunk, n));
            leaves++;
            if (n < chunkSize) {
                break;
            }
        }
        Child root = finish();
        return new ImportedEntry(root.cid, root.fileBytes, root.tsize, false);
    }

    private Child leaf(byte[] chunk, int n) throws IOException {
        if (profile.rawLeaves()) {
            byte[] block = n == chunk.length ? chunk : Arrays.copyOf(chunk, n);
            return new Child(sink.putRaw(block), n, n);
        }
        byte[] block = encodeFileLeaf(chunk, n);
        return new Child(sink.putDagPb(block), n, block.length);
    }

    /**
     * A dag-pb node holding UnixFS {Type: File, Data: chunk, filesize: n} and no links: the same
     * bytes as {@code DagPb.encode(new PbNode(List.of(), UnixFsData.file(chunk, n, List.of()).encode()))},
     * written in one pass without the intermediate copies.
     */
    static byte[] encodeFileLeaf(byte[] chunk, int n) {
        int unixFsLength = 2 + (n > 0 ? 1 + Varint.size(n) + n : 0) + 1 + Varint.size(n);
        byte[] out = new byte[1 + Varint.size(unixFsLength) + unixFsLength];
        out[0] = 0x0a;
        int at = Varint.write(unixFsLength, out, 1);
        out[at++] = 0x08;
        out[at++] = 0x02;
        if (n > 0) {
            out[at++] = 0x12;
            at = Varint.write(n, out, at);
            System.arraycopy(chunk, 0, out, at, n);
            at += n;
        }
        out[at++] = 0x18;
        Varint.write(n, out, at);
        return out;
    }

    private void add(int level, Child child) throws IOException {
        if (levels.size() == level) {
            levels.add(new ArrayList<>(profile.maxLinks()));
        }
        List<Child> nodes = levels.get(level);
        nodes.add(child);
        if (nodes.size() == profile.maxLinks()) {
            Child parent = parent(nodes);
            nodes.clear();
            add(level + 1, parent);
        }
    }

    private Child finish() throws IOException {
        for (int level = 0; ; level++) {
            List<Child> nodes = levels.get(level);
            boolean top = level == levels.size() - 1;
            if (top && nodes.size() == 1) {
                return nodes.get(0);
            }
            if (!nodes.isEmpty()) {
                Child parent = parent(nodes);
                nodes.clear();
                add(level + 1, parent);
            }
        }
    }

    private Child parent(List<Child> children) throws IOException {
        List<PbLink> links = new ArrayList<>(children.size());
        List<Long> blocksizes = new ArrayList<>(children.size());
        long fileBytes = 0;
        long childTsize = 0;
        for (Child child : children) {
            links.add(PbLink.of(child.cid, "", child.tsize));
            blocksizes.add(child.fileBytes);
            fileBytes += child.fileBytes;
            childTsize += child.tsize;
        }
        byte[] block = DagPb.encode(new PbNode(links, UnixFsData.file(null, fileBytes, blocksizes).encode()));
        return new Child(sink.putDagPb(block), fileBytes, block.length + childTsize);
    }
}
