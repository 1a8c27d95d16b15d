package dev.bacalhau4j.runtime.function.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel on a writable mount whose every growth is checked against the execution's
 * {@link OutputBudget} before it happens: the guest's write fails at the cap, exactly, instead
 * of the node's disk filling. Growth is measured by the file's length (position plus bytes past
 * the current size), so a far seek and one byte counts the whole hole.
 */
final class CappedFileChannel extends FileChannel {
    private final FileChannel delegate;
    private final OutputBudget budget;
    private final String guestPath;
    private final boolean append;

    CappedFileChannel(FileChannel delegate, OutputBudget budget, String guestPath, boolean append) {
        this.delegate = delegate;
        this.budget = budget;
        this.guestPath = guestPath;
        this.append = append;
    }

    /** Runs {@code write}, which may extend the file to {@code end}, within the budget. */
    private <T> T grow(long end, IoCall<T> write) throws IOException {
        synchronized (budget) {
            long before = delegate.size();
            budget.check(guestPath, end < 0 ? Long.MAX_VALUE : end - before); // end < 0: past Long.MAX_VALUE
            try {
                return write.call();
            } finally {
                budget.record(delegate.size() - before);
            }
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        synchronized (budget) {
            long start = append ? delegate.size() : delegate.position();
            return grow(start + src.remaining(), () -> delegate.write(src));
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long bytes = 0;
        for (int i = offset; i < offset + length; i++) bytes += srcs[i].remaining();
        long count = bytes;
        synchronized (budget) {
            long start = append ? delegate.size() : delegate.position();
            return grow(start + count, () -> delegate.write(srcs, offset, length));
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return grow(position + src.remaining(), () -> delegate.write(src, position));
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return grow(position + count, () -> delegate.transferFrom(src, position, count));
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        if (mode != MapMode.READ_WRITE) return delegate.map(mode, position, size);
        return grow(position + size, () -> delegate.map(mode, position, size));
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        synchronized (budget) {
            long before = delegate.size();
            delegate.truncate(size);
            budget.record(delegate.size() - before);
        }
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition); // a seek alone writes nothing; the write after it is checked
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public void force(boolean metaData) throws IOException {
        delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }

    /** An I/O call that returns a value. */
    @FunctionalInterface
    private interface IoCall<T> {
        T call() throws IOException;
    }
}
