package dev.bacalhau4j.ipfs.fs;

import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.exporter.Exporter;
import dev.bacalhau4j.ipfs.exporter.UnixFsFileReader;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The provider, scheme {@value #SCHEME}, of read-only {@link UnixFsFileSystem}s. Each provider
 * instance serves at most one open file system: {@link UnixFsFileSystem#open(Blockstore)} makes a
 * provider per file system, and {@link #newFileSystem(URI, Map)} takes the blockstore from the
 * environment key {@value #BLOCKSTORE}. It is not registered in {@code META-INF/services}, so
 * {@code FileSystems.newFileSystem(URI.create("ipfs:/"), env)} does not find it: construct it.
 *
 * <p>Every operation that would write throws {@link ReadOnlyFileSystemException}. It holds no
 * threads; the blockstore stays the caller's.
 */
public final class UnixFsFileSystemProvider extends FileSystemProvider {
    /** The URI scheme of these file systems. */
    public static final String SCHEME = "ipfs";
    /** The {@code env} key of {@link #newFileSystem(URI, Map)}: a {@link Blockstore}. */
    public static final String BLOCKSTORE = "blockstore";

    private static final Set<OpenOption> WRITE_OPTIONS = Set.of(StandardOpenOption.WRITE,
            StandardOpenOption.APPEND, StandardOpenOption.DELETE_ON_CLOSE);

    private final AtomicReference<UnixFsFileSystem> current = new AtomicReference<>();

    /** A provider with no file systems yet; {@link #newFileSystem(java.net.URI, java.util.Map)} makes them. */
    public UnixFsFileSystemProvider() {}

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /**
     * A new file system over {@code env.get("blockstore")}; {@code uri} must be {@code ipfs:/}
     * (or any {@code ipfs:} URI). Fails with {@link FileSystemAlreadyExistsException} while one
     * made by this provider is open.
     */
    @Override
    public UnixFsFileSystem newFileSystem(URI uri, Map<String, ?> env) {
        checkScheme(uri);
        Object store = env.get(BLOCKSTORE);
        if (!(store instanceof Blockstore blockstore)) {
            throw new IllegalArgumentException("env[\"" + BLOCKSTORE + "\"] must be a Blockstore (got "
                    + (store == null ? "nothing" : store.getClass().getName()) + ")");
        }
        return newFileSystem(blockstore, UnixFsFileSystem.DEFAULT_CACHE_BYTES);
    }

    UnixFsFileSystem newFileSystem(Blockstore store, long cacheBytes) {
        UnixFsFileSystem fs = new UnixFsFileSystem(this, store, cacheBytes);
        if (!current.compareAndSet(null, fs)) {
            throw new FileSystemAlreadyExistsException("this provider already serves an open UnixFS file system");
        }
        return fs;
    }

    void closed(UnixFsFileSystem fs) {
        current.compareAndSet(fs, null);
    }

    @Override
    public UnixFsFileSystem getFileSystem(URI uri) {
        checkScheme(uri);
        UnixFsFileSystem fs = current.get();
        if (fs == null) {
            throw new FileSystemNotFoundException("no open UnixFS file system for " + uri);
        }
        return fs;
    }

    /** Reads {@code ipfs:/<cid>/a/b} (as {@link Path#toUri()} writes it) or {@code ipfs://<cid>/a/b}. */
    @Override
    public Path getPath(URI uri) {
        UnixFsFileSystem fs = getFileSystem(uri);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (uri.getAuthority() != null) {
            path = "/" + uri.getAuthority() + path;
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("URI " + uri + " has no path (expected ipfs:/<cid>/path)");
        }
        return fs.getPath(path);
    }

    private static void checkScheme(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("URI scheme must be '" + SCHEME + "' (got " + uri + ")");
        }
    }

    static UnixFsPath check(Path path) {
        if (!(path instanceof UnixFsPath p)) {
            throw new ProviderMismatchException("not a UnixFS path: " + path);
        }
        return p;
    }

    static boolean followLinks(LinkOption... options) {
        return !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
    }

    private static Target resolve(Path path, boolean follow) throws IOException {
        UnixFsPath p = check(path);
        return p.getFileSystem().resolve(p, follow);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        return newFileChannel(path, options, attrs);
    }

    /** A read-only channel; options that write ({@code WRITE}, {@code APPEND}, {@code DELETE_ON_CLOSE}) are refused. */
    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        UnixFsPath p = check(path);
        for (OpenOption option : options) {
            if (WRITE_OPTIONS.contains(option)) {
                throw new ReadOnlyFileSystemException();
            }
        }
        if (attrs.length > 0) {
            throw new ReadOnlyFileSystemException();
        }
        Target target = p.getFileSystem().resolve(p, !options.contains(LinkOption.NOFOLLOW_LINKS));
        if (target.isDirectory()) {
            throw new FileSystemException(p.toString(), null, "is a directory");
        }
        if (target.stat().isSymlink()) {
            throw new FileSystemException(p.toString(), null, "is a symbolic link (opened with NOFOLLOW_LINKS)");
        }
        UnixFsFileReader reader = p.getFileSystem().exporter().open(target.stat().cid(), target.path().toString());
        return new UnixFsFileChannel(p.getFileSystem(), reader);
    }

    /** The entries of a directory, in name order (UTF-8 bytes); names no file system could hold are left out. */
    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        UnixFsPath p = check(dir);
        Target target = p.getFileSystem().resolve(p, true);
        if (!target.isDirectory()) {
            throw new NotDirectoryException(p.toString());
        }
        List<Path> entries = new ArrayList<>();
        if (!target.isRoot()) {
            Exporter exporter = p.getFileSystem().exporter();
            List<String> names = new ArrayList<>();
            for (PbLink link : exporter.links(target.stat().cid(), target.path().toString())) {
                if (Exporter.isSafeName(link.nameOrEmpty())) {
                    names.add(link.nameOrEmpty());
                }
            }
            names.sort(UnixFsFileSystemProvider::compareUtf8);
            String previous = null;
            for (String name : names) {
                if (!name.equals(previous)) {
                    entries.add(p.resolve(name));
                }
                previous = name;
            }
        }
        return new UnixFsDirectoryStream(entries, filter);
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        check(dir);
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) {
        check(link);
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void createLink(Path link, Path existing) {
        check(link);
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void delete(Path path) {
        check(path);
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        check(target);
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        check(source);
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        check(path);
        throw new ReadOnlyFileSystemException();
    }

    /**
     * The link's target as stored, as a path of this file system (not checked to exist); a target no
     * path can hold (empty, or with a NUL) is a {@code CorruptDagException} naming the link.
     */
    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        UnixFsPath p = check(link);
        Target target = resolve(p, false);
        if (target.isRoot() || !target.stat().isSymlink()) {
            throw new NotLinkException(p.toString());
        }
        return Exporter.symlinkTarget(target.stat(), target.path().toString(), p.getFileSystem());
    }

    /** Equal paths, or paths that resolve to the same CID (same contents: nodes are immutable). */
    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        UnixFsPath p = check(path);
        if (p.equals(path2)) {
            return true;
        }
        if (!(path2 instanceof UnixFsPath p2) || p2.getFileSystem() != p.getFileSystem()) {
            return false;
        }
        Target a = resolve(p, true);
        Target b = resolve(p2, true);
        return a.isRoot() ? b.isRoot() : !b.isRoot() && a.stat().cid().equals(b.stat().cid());
    }

    /** As on Unix: names starting with a dot. */
    @Override
    public boolean isHidden(Path path) {
        UnixFsPath name = check(path).getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        UnixFsPath p = check(path);
        resolve(p, true);
        return p.getFileSystem().fileStore();
    }

    /**
     * Succeeds for READ on anything that exists and for EXECUTE on directories (search); WRITE is
     * denied with {@link AccessDeniedException}, and EXECUTE on files as well.
     */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        UnixFsPath p = check(path);
        Target target = resolve(p, true);
        for (AccessMode mode : modes) {
            if (mode == AccessMode.WRITE) {
                throw new AccessDeniedException(p.toString(), null, "read-only file system");
            }
            if (mode == AccessMode.EXECUTE && !target.isDirectory()) {
                throw new AccessDeniedException(p.toString(), null, "UnixFS files are not executable here");
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        UnixFsPath p = check(path);
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        boolean follow = followLinks(options);
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return new UnixFsAttributes(resolve(p, follow).stat());
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
                throw new ReadOnlyFileSystemException();
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        UnixFsPath p = check(path);
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException("attributes " + type.getName()
                    + " are not supported (supported: BasicFileAttributes)");
        }
        return (A) new UnixFsAttributes(resolve(p, followLinks(options)).stat());
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        UnixFsPath p = check(path);
        String names = attributes;
        int colon = attributes.indexOf(':');
        if (colon >= 0) {
            String view = attributes.substring(0, colon);
            if (!view.equals("basic")) {
                throw new UnsupportedOperationException("view '" + view + "' is not supported (supported: basic)");
            }
            names = attributes.substring(colon + 1);
        }
        Map<String, Object> all = new UnixFsAttributes(resolve(p, followLinks(options)).stat()).toMap();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            if (name.equals("*")) {
                out.putAll(all);
            } else if (all.containsKey(name)) {
                out.put(name, all.get(name));
            } else {
                throw new IllegalArgumentException("attribute '" + name + "' not recognized (view basic)");
            }
        }
        return out;
    }
}
