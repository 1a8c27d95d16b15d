package dev.bacalhau4j.ipfs.fs;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The entries of one directory, listed when the stream was opened, filtered as iterated. */
final class UnixFsDirectoryStream implements DirectoryStream<Path> {
    private final List<Path> entries;
    private final Filter<? super Path> filter;
    private volatile boolean closed;
    private boolean iterated;

    UnixFsDirectoryStream(List<Path> entries, Filter<? super Path> filter) {
        this.entries = entries;
        this.filter = filter;
    }

    @Override
    public synchronized Iterator<Path> iterator() {
        if (closed) {
            throw new IllegalStateException("directory stream is closed");
        }
        if (iterated) {
            throw new IllegalStateException("directory stream already iterated");
        }
        iterated = true;
        return new Iterator<>() {
            private int next;
            private Path ahead;

            @Override
            public boolean hasNext() {
                while (ahead == null && !closed && next < entries.size()) {
                    Path candidate = entries.get(next++);
                    try {
                        if (filter.accept(candidate)) {
                            ahead = candidate;
                        }
                    } catch (IOException e) {
                        throw new DirectoryIteratorException(e);
                    }
                }
                return ahead != null;
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path out = ahead;
                ahead = null;
                return out;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
