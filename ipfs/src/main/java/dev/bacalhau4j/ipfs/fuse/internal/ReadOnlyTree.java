package dev.bacalhau4j.ipfs.fuse.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file-system side of the mount, free of native types: resolves FUSE paths ({@code /a/b})
 * under a {@code java.nio} root, reports attributes without following symbolic links, lists
 * directories, and keeps the channels of open files in a handle table keyed by FUSE's {@code fh}.
 * Thread-safe; the channels it opens are closed by {@link #release(long)} or {@link #closeAll()}.
 */
public final class ReadOnlyTree {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** What {@code getattr} reports. */
    public record Attributes(int mode, long nlink, long size, long seconds, long nanos) {
    }

    private final Path root;
    private final boolean posix;
    private final AtomicLong nextHandle = new AtomicLong(1);
    private final ConcurrentHashMap<Long, OpenFile> handles = new ConcurrentHashMap<>();

    public ReadOnlyTree(Path root) {
        this.root = root;
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public Path root() {
        return root;
    }

    /** Maps a FUSE path ({@code /} or {@code /a/b}) to a path under the root; never climbs out of it. */
    public Path resolve(String fusePath) throws NoSuchFileException {
        Path p = root;
        int start = 0;
        int n = fusePath.length();
        while (start < n) {
            int slash = fusePath.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            if (end > start) {
                String name = fusePath.substring(start, end);
                if (name.equals(".") || name.equals("..")) {
                    throw new NoSuchFileException(fusePath, null, "'.' and '..' are resolved by the kernel, not here");
                }
                p = p.resolve(name);
            }
            start = end + 1;
        }
        return p;
    }

    /**
     * Attributes of the entry itself (a symbolic link is reported as a link, never followed).
     * Modes: directories {@code 0555}; files {@code 0444} plus the source's execute bits (the
     * content is public: everyone may read it); links {@code 0777}. Times: the source's
     * last-modified time for all three (the UnixFS file system reports a fixed one).
     */
    public Attributes attributes(String fusePath) throws IOException {
        Path p = resolve(fusePath);
        BasicFileAttributes a;
        int permissions = -1;
        if (posix) {
            PosixFileAttributes pa = Files.readAttributes(p, PosixFileAttributes.class, NOFOLLOW);
            permissions = bits(pa.permissions());
            a = pa;
        } else {
            a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        }
        int type;
        long nlink = 1;
        long size = a.size();
        if (a.isDirectory()) {
            type = NativeLayout.S_IFDIR;
            nlink = 2;
            size = 0;
        } else if (a.isSymbolicLink()) {
            type = NativeLayout.S_IFLNK;
            permissions = 0777;
        } else if (a.isRegularFile()) {
            type = NativeLayout.S_IFREG;
            permissions = permissions < 0 ? 0 : permissions;
        } else {
            // devices, sockets, fifos: nothing an input tree should contain; hide them
            throw new NoSuchFileException(fusePath, null, "not a file, directory or symbolic link");
        }
        if (type == NativeLayout.S_IFDIR) {
            permissions = 0555; // everyone may list and enter: the content is public and immutable
        } else if (type == NativeLayout.S_IFREG) {
            permissions = (permissions & 0111) | 0444; // everyone may read; keep execute bits
        }
        FileTime t = a.lastModifiedTime();
        long seconds = 0;
        long nanos = 0;
        if (t != null) {
            seconds = t.to(TimeUnit.SECONDS);
            nanos = t.to(TimeUnit.NANOSECONDS) - TimeUnit.SECONDS.toNanos(seconds);
        }
        return new Attributes(type | permissions, nlink, size, seconds, nanos);
    }

    private static int bits(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= 0400 >> p.ordinal(); // OWNER_READ, OWNER_WRITE, OWNER_EXECUTE, GROUP_READ, ... in order
        }
        return m;
    }

    /** Fails unless the path is a directory (not following a final symbolic link). */
    public void checkDirectory(String fusePath) throws IOException {
        Path p = resolve(fusePath);
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        if (!a.isDirectory()) {
            throw new NotDirectoryException(fusePath);
        }
    }

    /** The names in a directory, sorted. */
    public List<String> list(String fusePath) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(resolve(fusePath))) {
            for (Path e : entries) {
                Path name = e.getFileName();
                if (name != null) {
                    names.add(name.toString());
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /** The target of a symbolic link, as stored; it is never resolved here. */
    public String readLink(String fusePath) throws IOException {
        return Files.readSymbolicLink(resolve(fusePath)).toString();
    }

    /** Opens a file for reading and returns its handle. */
    public long open(String fusePath) throws IOException {
        SeekableByteChannel ch = Files.newByteChannel(resolve(fusePath), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        long fh = nextHandle.getAndIncrement();
        handles.put(fh, new OpenFile(ch));
        return fh;
    }

    /**
     * Reads up to {@code dst.remaining()} bytes at {@code offset} (pread semantics: short only at
     * end of file); returns the count, or -1 when the handle is unknown. {@code dst} may wrap
     * native memory that is valid only during this call: it is never kept.
     */
    public int read(long fh, ByteBuffer dst, long offset) throws IOException {
        OpenFile f = handles.get(fh);
        if (f == null) {
            return -1;
        }
        return f.read(dst, offset);
    }

    public void release(long fh) throws IOException {
        OpenFile f = handles.remove(fh);
        if (f != null) {
            f.channel.close();
        }
    }

    public int openFiles() {
        return handles.size();
    }

    /** Closes every channel still open (the mount is gone). */
    public void closeAll() {
        for (Long fh : List.copyOf(handles.keySet())) {
            try {
                release(fh);
            } catch (IOException | RuntimeException ignored) {
                // closing after unmount: nothing left to report to
            }
        }
    }

    private static final class OpenFile {
        final SeekableByteChannel channel;

        OpenFile(SeekableByteChannel channel) {
            this.channel = channel;
        }

        int read(ByteBuffer dst, long offset) throws IOException {
            int total = 0;
            if (channel instanceof FileChannel fc) {
                while (dst.hasRemaining()) {
                    int n = fc.read(dst, offset + total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
                return total;
            }
            synchronized (this) { // a plain SeekableByteChannel has one position
                channel.position(offset);
                while (dst.hasRemaining()) {
                    int n = channel.read(dst);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            }
            return total;
        }
    }
}
