package dev.bacalhau4j.ipfs.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** The bytes {@code [offset, end)} of a file, read block by block as the caller consumes them. */
final class RangeInputStream extends InputStream {
    private final UnixFsFileReader reader;
    private final long end;
    private long position;
    private boolean closed;

    RangeInputStream(UnixFsFileReader reader, long offset, long end) {
        this.reader = reader;
        this.position = offset;
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = reader.read(position, b, off, (int) Math.min(len, end - position));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
