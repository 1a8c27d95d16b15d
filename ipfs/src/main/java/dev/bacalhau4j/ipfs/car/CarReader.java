package dev.bacalhau4j.ipfs.car;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.block.Block;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a CAR v1 stream block by block, verifying each block against its CID before handing it
 * out. A block that does not match ({@code BlockMismatchException}), a truncated section or a
 * malformed header ({@link IpfsFormatException}) stops the read; blocks already returned were
 * verified and stay valid. Sections larger than {@link #MAX_SECTION_BYTES} are refused before
 * anything is allocated. The caller owns the stream.
 */
public final class CarReader {
    /** Larger than any block an IPFS implementation produces (Kubo's limit is 2 MiB). */
    public static final int MAX_SECTION_BYTES = 4 << 20;

    private final InputStream in;
    private final List<Cid> roots;
    private long sections;
    /** Bytes consumed so far, so errors can say where in the stream a section starts. */
    private long position;

    /**
     * Reads the CAR v1 header from {@code in}.
     *
     * @param in the CAR stream; the caller closes it
     * @throws IOException when the stream cannot be read
     * @throws dev.bacalhau4j.ipfs.IpfsFormatException when the header is malformed or not version 1
     */
    public CarReader(InputStream in) throws IOException {
        this.in = in;
        long length = Varint.read(in, "CAR: header length");
        if (length < 0) {
            throw new IpfsFormatException("CAR: empty stream (no header)");
        }
        if (length == 0 || length > CarHeader.MAX_HEADER_BYTES) {
            throw new IpfsFormatException("CAR: header length " + length + " is out of range (1.."
                    + CarHeader.MAX_HEADER_BYTES + ")");
        }
        this.roots = CarHeader.decode(readFully((int) length, "header")).roots();
        this.position = Varint.size(length) + length;
    }

    /**
     * The roots the header names.
     *
     * @return the roots
     */
    public List<Cid> roots() {
        return roots;
    }

    /**
     * The next verified block, or {@code null} at a clean end of stream.
     *
     * @return the block, or {@code null}
     * @throws IOException when the stream cannot be read
     * @throws dev.bacalhau4j.ipfs.IpfsFormatException when a section is malformed or a block does not match
     *     its CID
     */
    public Block next() throws IOException {
        String where = "section " + sections + " (at byte " + position + ")";
        long length = Varint.read(in, "CAR: " + where + " length");
        if (length < 0) {
            return null;
        }
        // checked as a long before any cast: a length of 2^31 or more must not wrap to a small or negative int
        if (length == 0 || length > MAX_SECTION_BYTES) {
            throw new IpfsFormatException("CAR: " + where + " length " + length + " is out of range (1.."
                    + MAX_SECTION_BYTES + ")");
        }
        byte[] section = readFully((int) length, where);
        Cid cid;
        try {
            cid = Cid.decode(section, 0, section.length);
        } catch (IpfsFormatException e) {
            throw new IpfsFormatException("CAR: " + where + " does not start with a CID: " + e.getMessage(), e);
        }
        position += Varint.size(length) + length;
        byte[] data = java.util.Arrays.copyOfRange(section, cid.encodedLength(), section.length);
        sections++;
        return Block.verified(cid, data);
    }

    /**
     * Sections read so far.
     *
     * @return the count
     */
    public long sectionsRead() {
        return sections;
    }

    private byte[] readFully(int length, String what) throws IOException {
        byte[] buf = in.readNBytes(length);
        if (buf.length != length) {
            throw new IpfsFormatException("CAR: " + what + " truncated: expected " + length + " bytes, got "
                    + buf.length);
        }
        return buf;
    }
}
