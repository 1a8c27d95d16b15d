package dev.bacalhau4j.ipfs.fs;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.exporter.Exporter;
import dev.bacalhau4j.ipfs.exporter.NodeStat;
import dev.bacalhau4j.ipfs.exporter.Resolution;
import dev.bacalhau4j.ipfs.exporter.SymlinkInPathException;
import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A read-only {@link FileSystem} over the UnixFS DAGs of a blockstore: {@code /<cid>/a/b} is
 * entry {@code a/b} of the DAG {@code cid}, for any CID (dag-pb UnixFS or raw); the root {@code /}
 * is a directory whose listing is empty. Blocks are read lazily, when an operation needs them, so
 * a path such as {@code fs.getPath("/" + cid)} can be handed to the WASM runtime as a mount source
 * with nothing copied. A missing block fails the operation with
 * {@link dev.bacalhau4j.ipfs.block.BlockNotFoundException}, which names it.
 *
 * <p>Symbolic links are reported as links and followed only while their target stays inside their
 * own DAG (relative targets that do not climb above {@code /<cid>}); others resolve to nothing.
 * Attributes are fixed (epoch times, the CID as file key); every write is refused with
 * {@link java.nio.file.ReadOnlyFileSystemException}.
 *
 * <p>Blocks of up to 64 KiB are kept in a small shared cache ({@value #DEFAULT_CACHE_BYTES} bytes
 * by default), so that resolving paths again and again does not read the same directory blocks
 * again; a file channel also keeps a few of its file's recent blocks.
 *
 * <p>Create one with {@link #open(Blockstore)}; it is not installed among the JVM's providers.
 * The blockstore stays the caller's: {@link #close()} (idempotent) marks this file system closed
 * and leaves the blockstore open. Safe for any number of concurrent readers; it starts no threads.
 */
public final class UnixFsFileSystem extends FileSystem {
    /** Symbolic links followed while resolving one path, as Linux's ELOOP limit. */
    public static final int MAX_SYMLINKS = 40;
    /** Bytes of small blocks (directories, file roots, small leaves) kept to speed up repeated lookups. */
    public static final long DEFAULT_CACHE_BYTES = 4L << 20;

    private final UnixFsFileSystemProvider provider;
    private final Blockstore store;
    private final Exporter exporter;
    private final UnixFsFileStore fileStore = new UnixFsFileStore();
    private volatile boolean open = true;

    UnixFsFileSystem(UnixFsFileSystemProvider provider, Blockstore store, long cacheBytes) {
        this.provider = provider;
        this.store = Objects.requireNonNull(store, "store == null");
        this.exporter = new Exporter(new CachingBlockstore(store, cacheBytes));
    }

    /**
     * A new read-only file system over {@code store}, with a provider of its own.
     *
     * @param store where the blocks are; not closed with the file system
     * @return the file system; the caller closes it
     */
    public static UnixFsFileSystem open(Blockstore store) {
        return open(store, DEFAULT_CACHE_BYTES);
    }

    /**
     * As {@link #open(Blockstore)}, keeping up to {@code cacheBytes} of small blocks (none of more
     * than 64 KiB) in memory; 0 reads every block from the store each time it is needed.
     *
     * @param store where the blocks are; not closed with the file system
     * @param cacheBytes the block cache's size, at least 0
     * @return the file system; the caller closes it
     */
    public static UnixFsFileSystem open(Blockstore store, long cacheBytes) {
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes must not be negative: " + cacheBytes);
        }
        return new UnixFsFileSystemProvider().newFileSystem(store, cacheBytes);
    }

    /**
     * The blockstore read from; owned by the caller.
     *
     * @return the blockstore
     */
    public Blockstore blockstore() {
        return store;
    }

    /**
     * The path {@code /<cid>/more...}.
     *
     * @param cid the root
     * @param more names below it
     * @return the path
     */
    public Path getPath(Cid cid, String... more) {
        return getPath("/" + cid, more);
    }

    Exporter exporter() {
        return exporter;
    }

    void ensureOpen() {
        if (!open) {
            throw new ClosedFileSystemException();
        }
    }

    /** Resolves a path to its node, following links (inside their DAG) on the way and, if asked, at the end. */
    Target resolve(UnixFsPath path, boolean followLast) throws IOException {
        ensureOpen();
        UnixFsPath absolute = path.toAbsolutePath().normalize();
        List<String> names = absolute.names();
        if (names.isEmpty()) {
            return new Target(absolute, null);
        }
        Cid root = parseCid(names.get(0), absolute);
        List<String> segments = names.subList(1, names.size());
        for (int hops = 0; ; ) {
            Resolution resolution;
            try {
                resolution = exporter.resolve(root, segments);
            } catch (SymlinkInPathException e) {
                hops = countHop(hops, absolute);
                segments = follow(e.linkSegments(), e.target(), e.remaining(), absolute);
                continue;
            }
            NodeStat stat = exporter.stat(resolution.cid(), resolution.path());
            if (followLast && stat.isSymlink()) {
                hops = countHop(hops, absolute);
                segments = follow(segments, stat.symlinkTarget(), List.of(), absolute);
                continue;
            }
            List<String> real = new ArrayList<>();
            real.add(names.get(0));
            real.addAll(segments);
            return new Target(new UnixFsPath(this, true, real), stat);
        }
    }

    private static int countHop(int hops, UnixFsPath shown) throws FileSystemException {
        if (hops + 1 > MAX_SYMLINKS) {
            throw new FileSystemException(shown.toString(), null, "too many levels of symbolic links (more than "
                    + MAX_SYMLINKS + ")");
        }
        return hops + 1;
    }

    /** The segments a link at {@code link} (root first, link last) leads to, then {@code rest}. */
    private static List<String> follow(List<String> link, String target, List<String> rest, UnixFsPath shown)
            throws NoSuchFileException {
        if (target.startsWith("/") || link.isEmpty()) {
            throw new NoSuchFileException(shown.toString(), null, "symbolic link " + String.join("/", link)
                    + " to \"" + target + "\" leads outside its DAG");
        }
        List<String> out = new ArrayList<>(link.subList(0, link.size() - 1));
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (out.isEmpty()) {
                    throw new NoSuchFileException(shown.toString(), null, "symbolic link " + String.join("/", link)
                            + " to \"" + target + "\" leads outside its DAG");
                }
                out.remove(out.size() - 1);
            } else if (!Exporter.isSafeName(part)) {
                throw new NoSuchFileException(shown.toString(), null, "symbolic link target \"" + target
                        + "\" has an invalid name");
            } else {
                out.add(part);
            }
        }
        out.addAll(rest);
        return out;
    }

    private static Cid parseCid(String text, UnixFsPath shown) throws NoSuchFileException {
        try {
            return Cid.parse(text);
        } catch (IpfsFormatException e) {
            throw new NoSuchFileException(shown.toString(), null, "the first name under / must be a CID: "
                    + e.getMessage());
        }
    }

    @Override
    public UnixFsFileSystemProvider provider() {
        return provider;
    }

    /** Marks this file system closed (idempotent); the blockstore is left open. */
    @Override
    public void close() {
        if (open) {
            open = false;
            provider.closed(this);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        ensureOpen();
        return List.of(getPath("/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        ensureOpen();
        return List.of(fileStore);
    }

    FileStore fileStore() {
        return fileStore;
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String m : more) {
            if (m.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(m);
        }
        return UnixFsPath.parse(this, sb.toString());
    }

    /** Supports {@code glob:} (as the JDK's Unix file system reads globs) and {@code regex:}. */
    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected syntax:pattern, got \"" + syntaxAndPattern + "\"");
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern regex = switch (syntax.toLowerCase(java.util.Locale.ROOT)) {
            case "glob" -> Pattern.compile(Globs.toRegex(pattern));
            case "regex" -> Pattern.compile(pattern);
            default -> throw new UnsupportedOperationException("syntax '" + syntax + "' (supported: glob, regex)");
        };
        return path -> regex.matcher(path.toString()).matches();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("a UnixFS file system has no users");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("a UnixFS file system never changes: nothing to watch");
    }

    @Override
    public String toString() {
        return "UnixFsFileSystem[" + store + (open ? "" : ", closed") + "]";
    }
}
