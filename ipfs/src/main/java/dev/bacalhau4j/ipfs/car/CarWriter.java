package dev.bacalhau4j.ipfs.car;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a CAR v1 stream: the header with its roots, then one section per block. The caller
 * owns the stream; {@link #flush()} flushes it, nothing here closes it.
 */
public final class CarWriter {
    private final OutputStream out;
    private final byte[] lengthBuffer = new byte[Varint.MAX_BYTES];

    /**
     * Writes the CAR v1 header naming {@code roots} to {@code out}.
     *
     * @param out where to write; the caller closes it
     * @param roots the roots the header names
     * @throws IOException when {@code out} fails
     */
    public CarWriter(OutputStream out, List<Cid> roots) throws IOException {
        this.out = out;
        byte[] header = new CarHeader(roots).encode();
        writeVarint(header.length);
        out.write(header);
    }

    /**
     * Writes one block section; the caller vouches that {@code data} hashes to {@code cid}.
     *
     * @param cid the block's CID
     * @param data the block's bytes
     * @throws IOException when the stream fails
     */
    public void write(Cid cid, byte[] data) throws IOException {
        byte[] cidBytes = cid.toBytes();
        writeVarint((long) cidBytes.length + data.length);
        out.write(cidBytes);
        out.write(data);
    }

    /**
     * Flushes the stream underneath.
     *
     * @throws IOException when it fails
     */
    public void flush() throws IOException {
        out.flush();
    }

    private void writeVarint(long value) throws IOException {
        int n = Varint.write(value, lengthBuffer, 0);
        out.write(lengthBuffer, 0, n);
    }
}
