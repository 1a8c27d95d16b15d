package dev.bacalhau4j.ipfs.fs;

import dev.bacalhau4j.ipfs.exporter.UnixFsFileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * A read-only channel over one UnixFS file. Blocks are loaded as reads reach them; the channel
 * keeps the file's root and a few recent blocks ({@link UnixFsFileReader}), never the file.
 * Positional reads may run concurrently with each other and with relative reads (they are
 * serialized on the reader). Closing it releases nothing but the cached blocks.
 */
final class UnixFsFileChannel extends FileChannel {
    private static final int COPY_BUFFER = 64 * 1024;

    private final UnixFsFileSystem fs;
    private final UnixFsFileReader reader;
    private long position;

    UnixFsFileChannel(UnixFsFileSystem fs, UnixFsFileReader reader) {
        this.fs = fs;
        this.reader = reader;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
        fs.ensureOpen();
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        int n = readAt(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        ensureOpen();
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = readAt(dsts[i], position);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            position += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        ensureOpen();
        return readAt(dst, position);
    }

    private int readAt(ByteBuffer dst, long at) throws IOException {
        if (!dst.hasRemaining()) {
            return at >= reader.size() ? -1 : 0;
        }
        int n;
        if (dst.hasArray()) {
            n = reader.read(at, dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
        } else {
            byte[] buf = new byte[Math.min(dst.remaining(), COPY_BUFFER)];
            n = reader.read(at, buf, 0, buf.length);
            if (n > 0) {
                dst.put(buf, 0, n);
            }
        }
        return n;
    }

    @Override
    public synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("position must not be negative: " + newPosition);
        }
        ensureOpen();
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return reader.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        ensureOpen();
        long done = 0;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(COPY_BUFFER, Math.max(1, count)));
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int n = readAt(buf, position + done);
            if (n <= 0) {
                break;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                int w = target.write(buf);
                if (w == 0) {
                    return done + n - buf.remaining();
                }
            }
            done += n;
        }
        return done;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("UnixFS files cannot be memory-mapped; read them");
    }

    /** Shared locks are granted (nothing can write); exclusive ones need a writable channel. */
    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return tryLock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        ensureOpen();
        if (!shared) {
            throw new NonWritableChannelException();
        }
        return new FileLock(this, position, size, true) {
            private volatile boolean valid = true;

            @Override
            public boolean isValid() {
                return valid && channel().isOpen();
            }

            @Override
            public void release() {
                valid = false;
            }
        };
    }

    @Override
    protected void implCloseChannel() {
        // nothing held but the reader's cached blocks, released with this object
    }
}
