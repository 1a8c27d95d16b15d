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

    /**
     * Reads {@code in} to its end. {@code sizeHint} is the expected length, or -1: it only sizes
     * buffers (so a tiny file does not cost a whole chunk), and a wrong hint still gives the right DAG.
     */
    ImportedEntry build(InputStream in, long sizeHint) throws IOException {
        int chunkSize = profile.chunkSize();
        long expected = sizeHint;
        long leaves = 0;
        while (true) {
            byte[] chunk = readChunk(in, expected < 0 ? chunkSize : (int) Math.min(chunkSize, expected));
            if (chunk.length == 0 && leaves > 0) {
                break;
            }
            add(0, leaf(chunk));
            leaves++;
            if (expected >= 0) {
                expected = Math.max(0, expected - chunk.length);
            }
            if (chunk.length < chunkSize) {
                break;
            }
        }
        Child root = finish();
        return new ImportedEntry(root.cid, root.fileBytes, root.tsize, false);
    }

    /**
     * Reads up to one chunk into an array of exactly the bytes read. The array starts one byte
     * above {@code expected} (so the end of the stream shows without another read) and grows to
     * the chunk size when the stream holds more than expected.
     */
    private byte[] readChunk(InputStream in, int expected) throws IOException {
        int chunkSize = profile.chunkSize();
        byte[] buffer = new byte[expected < chunkSize ? expected + 1 : chunkSize];
        int n = in.readNBytes(buffer, 0, buffer.length);
        while (n == buffer.length && buffer.length < chunkSize) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(chunkSize, 2L * buffer.length));
            n += in.readNBytes(buffer, n, buffer.length - n);
        }
        return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
    }

    private Child leaf(byte[] chunk) throws IOException {
        if (profile.rawLeaves()) {
            return new Child(sink.putRaw(chunk), chunk.length, chunk.length);
        }
        byte[] block = encodeFileLeaf(chunk, chunk.length);
        return new Child(sink.putDagPb(block), chunk.length, block.length);
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
