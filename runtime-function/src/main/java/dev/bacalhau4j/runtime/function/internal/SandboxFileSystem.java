package dev.bacalhau4j.runtime.function.internal;

import dev.bacalhau4j.api.runtime.Mount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only file system a guest sees: a virtual tree in which each {@link Mount} appears at its
 * target, backed by its source path (of the default or of any other {@link FileSystem}).
 *
 * <p>What it guarantees, whatever the sources are: read-only mounts refuse every write with a
 * {@link ReadOnlyMountException}; symbolic links are followed only while they stay inside their
 * mount (others look absent); directory listings are sorted by name; attributes are
 * synthetic and deterministic (inode from the guest path, fixed timestamps, fixed owner and
 * mode). Directories that are ancestors of mount targets exist as read-only virtual
 * directories listing their child mounts. One instance serves one execution and holds no
 * open resources; {@link #close()} does nothing.
 */
public final class SandboxFileSystem extends FileSystem {

    /** A mount as the sandbox keeps it. */
    static final class SandboxMount {
        final List<String> target;
        final String targetString;
        final Path source;
        final Path realRoot;
        final boolean readOnly;

        SandboxMount(List<String> target, Path source, boolean readOnly) {
            this.target = List.copyOf(target);
            this.targetString = "/" + String.join("/", target);
            this.source = source;
            this.readOnly = readOnly;
            Path real;
            try {
                real = source.toRealPath();
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                real = source.toAbsolutePath().normalize();
            }
            this.realRoot = real;
        }
    }

    /** What a guest path designates. */
    static final class Node {
        final String guestPath;
        final SandboxMount mount; // null for virtual directories
        final Path source; // null for virtual directories

        Node(String guestPath, SandboxMount mount, Path source) {
            this.guestPath = guestPath;
            this.mount = mount;
            this.source = source;
        }

        boolean isVirtual() {
            return mount == null;
        }

        boolean readOnly() {
            return mount == null || mount.readOnly;
        }

        boolean isMountPoint() {
            return mount != null && guestPath.equals(mount.targetString);
        }
    }

    private final SandboxFileSystemProvider provider;
    private final List<SandboxMount> mounts; // longest target first
    private final Set<String> virtualDirs = new TreeSet<>();
    private final FileTime fixedTime;
    private final OutputBudget budget;

    /**
     * A sandbox with no cap on what the guest writes.
     *
     * @param mounts what the guest sees; targets must be absolute and distinct
     * @param fixedTime every timestamp the guest reads
     */
    public SandboxFileSystem(List<Mount> mounts, FileTime fixedTime) {
        this(mounts, fixedTime, OutputBudget.unlimited());
    }

    /**
     * @param mounts what the guest sees; targets must be absolute and distinct
     * @param fixedTime every timestamp the guest reads
     * @param budget what the writable mounts may hold together; what they hold now is added to it
     */
    public SandboxFileSystem(List<Mount> mounts, FileTime fixedTime, OutputBudget budget) {
        this.provider = new SandboxFileSystemProvider(this);
        this.fixedTime = fixedTime;
        this.budget = budget;
        List<SandboxMount> list = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Mount m : mounts) {
            SandboxPath t = SandboxPath.parse(this, m.target()).normalize();
            SandboxMount sm = new SandboxMount(t.names(), m.source(), m.readOnly());
            if (!seen.add(sm.targetString)) {
                throw new IllegalArgumentException("two mounts at the same target " + sm.targetString);
            }
            list.add(sm);
            for (int i = 0; i < sm.target.size(); i++) {
                virtualDirs.add("/" + String.join("/", sm.target.subList(0, i)));
            }
        }
        list.sort(Comparator.comparingInt((SandboxMount sm) -> sm.target.size()).reversed());
        this.mounts = List.copyOf(list);
        for (SandboxMount m : this.mounts) {
            if (!m.readOnly) budget.record(apparentBytes(m.source));
        }
    }

    FileTime fixedTime() {
        return fixedTime;
    }

    OutputBudget budget() {
        return budget;
    }

    /** The length of {@code path} when it is a regular file (links not followed), else 0. */
    static long regularFileBytes(Path path) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a.size() : 0;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** The apparent bytes of the regular files under {@code root}; 0 when it cannot be read. */
    private static long apparentBytes(Path root) {
        try (var files = Files.walk(root)) {
            return files.mapToLong(p -> {
                try {
                    return regularFileBytes(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The sandbox path for a mount target, as given to {@code WasiOptions.withDirectory}. */
    public Path guestPath(String target) {
        return getPath(target);
    }

    Node resolve(Path path) throws IOException {
        SandboxPath p = ((SandboxPath) path).toAbsolutePath().normalize();
        List<String> names = p.names();
        String guest = p.toString();
        for (SandboxMount m : mounts) {
            if (names.size() >= m.target.size() && names.subList(0, m.target.size()).equals(m.target)) {
                List<String> rest = names.subList(m.target.size(), names.size());
                Path source = followInside(m, rest, guest);
                if (source == null) {
                    if (virtualDirs.contains(guest)) return new Node(guest, null, null);
                    throw new NoSuchFileException(guest);
                }
                return new Node(guest, m, source);
            }
        }
        if (virtualDirs.contains(guest)) return new Node(guest, null, null);
        throw new NoSuchFileException(guest);
    }

    /**
     * Resolves {@code rest} under the mount's source one name at a time, refusing symbolic
     * links that lead outside the mount. Returns null when a virtual directory should answer.
     */
    private Path followInside(SandboxMount m, List<String> rest, String guest) throws IOException {
        Path p = m.source;
        for (String name : rest) {
            p = p.resolve(name);
            if (Files.isSymbolicLink(p)) {
                Path real;
                try {
                    real = p.toRealPath();
                } catch (IOException | UnsupportedOperationException e) {
                    // dangling or unresolvable: the guest sees nothing there
                    throw new NoSuchFileException(guest, null, "symbolic link cannot be resolved");
                }
                if (!real.startsWith(m.realRoot)) {
                    throw new NoSuchFileException(guest, null, "symbolic link leads outside its mount");
                }
            }
        }
        if (rest.isEmpty() || !virtualDirs.contains(guest) || Files.exists(p)) return p;
        return null;
    }

    /** Sorted names of the entries of a directory node, including child mounts. */
    List<String> list(Node dir) throws IOException {
        Set<String> names = new TreeSet<>();
        if (!dir.isVirtual()) {
            try (var stream = Files.newDirectoryStream(dir.source)) {
                for (Path entry : stream) {
                    names.add(entry.getFileName().toString());
                }
            }
        }
        String prefix = dir.guestPath.equals("/") ? "/" : dir.guestPath + "/";
        for (SandboxMount m : mounts) {
            addChild(names, prefix, m.targetString);
        }
        for (String v : virtualDirs) {
            addChild(names, prefix, v);
        }
        List<String> out = new ArrayList<>(names);
        Collections.sort(out);
        return out;
    }

    private static void addChild(Set<String> names, String prefix, String candidate) {
        if (candidate.length() > prefix.length() && candidate.startsWith(prefix)) {
            String rest = candidate.substring(prefix.length());
            int slash = rest.indexOf('/');
            names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
    }

    /** A stable, positive inode number for a guest path. */
    static long inode(String guestPath) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(guestPath.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xFF);
            return (v & Long.MAX_VALUE) | 1L;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void refuseWrite(Node node, String what) throws IOException {
        if (node.readOnly()) {
            throw new ReadOnlyMountException(node.guestPath, what);
        }
    }

    static AccessDeniedException denied(Node node, String reason) {
        return new AccessDeniedException(node.guestPath, null, reason);
    }

    static LinkOption[] noOptions() {
        return new LinkOption[0];
    }

    // --- FileSystem ---

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {}

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(getPath("/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic", "posix", "unix");
    }

    @Override
    public Path getPath(String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String m : more) {
            if (m.isEmpty()) continue;
            if (sb.length() > 0) sb.append('/');
            sb.append(m);
        }
        return SandboxPath.parse(this, sb.toString());
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        throw new UnsupportedOperationException("path matchers are not supported in the sandbox");
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("no principals in the sandbox");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("watching is not supported in the sandbox");
    }
}
