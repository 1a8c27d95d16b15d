package dev.bacalhau4j.runtime.function.internal;

import dev.bacalhau4j.runtime.function.internal.SandboxFileSystem.Node;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider of one {@link SandboxFileSystem}: every operation resolves the guest path to a
 * mount's source and applies the sandbox rules (read-only mounts, no escape, sorted listings,
 * synthetic attributes). Not installed in {@link FileSystemProvider#installedProviders()}.
 */
final class SandboxFileSystemProvider extends FileSystemProvider {

    private static final Set<? extends OpenOption> WRITE_OPTIONS = Set.of(
            StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.DELETE_ON_CLOSE);

    private final SandboxFileSystem fs;

    SandboxFileSystemProvider(SandboxFileSystem fs) {
        this.fs = fs;
    }

    @Override
    public String getScheme() {
        return "bacalhau4j-wasm-sandbox";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("sandbox file systems are created by the runtime");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("sandbox file systems have no URI");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("sandbox file systems have no URI");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        boolean writes = options.stream().anyMatch(WRITE_OPTIONS::contains);
        Node node = writes ? resolveForCreate(path) : fs.resolve(path);
        if (writes) SandboxFileSystem.refuseWrite(node, "open for writing");
        if (node.isVirtual()) throw SandboxFileSystem.denied(node, "is a directory");
        FileSystemProvider source = node.source.getFileSystem().provider();
        // host file attributes (permissions) are not the guest's to choose
        if (writes) {
            OutputBudget budget = fs.budget();
            synchronized (budget) {
                long before = SandboxFileSystem.regularFileBytes(node.source); // TRUNCATE_EXISTING gives it back
                FileChannel channel = source.newFileChannel(node.source, options);
                budget.record(channel.size() - before);
                return new CappedFileChannel(channel, budget, node.guestPath, options.contains(StandardOpenOption.APPEND));
            }
        }
        try {
            return source.newFileChannel(node.source, options);
        } catch (UnsupportedOperationException e) {
            return new ByteChannelFileChannel(source.newByteChannel(node.source, options));
        }
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Node node = fs.resolve(dir);
        if (!attributes(node).isDirectory()) throw new NotDirectoryException(node.guestPath);
        List<Path> entries = new ArrayList<>();
        for (String name : fs.list(node)) {
            Path entry = dir.resolve(name);
            try {
                fs.resolve(entry); // hides entries that would escape
            } catch (NoSuchFileException e) {
                continue;
            }
            if (filter.accept(entry)) entries.add(entry);
        }
        return new DirectoryStream<>() {
            private boolean iterated;

            @Override
            public Iterator<Path> iterator() {
                if (iterated) throw new IllegalStateException("already iterated");
                iterated = true;
                return entries.iterator();
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Node node = resolveForCreate(dir);
        if (node.isVirtual() || node.isMountPoint()) throw new FileAlreadyExistsException(node.guestPath);
        SandboxFileSystem.refuseWrite(node, "mkdir");
        Files.createDirectory(node.source);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) {
        throw new UnsupportedOperationException("symbolic links cannot be created in the sandbox");
    }

    @Override
    public void createLink(Path link, Path existing) {
        throw new UnsupportedOperationException("hard links cannot be created in the sandbox");
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        Node node = fs.resolve(link);
        throw new NotLinkException(node.guestPath);
    }

    @Override
    public void delete(Path path) throws IOException {
        Node node = fs.resolve(path);
        SandboxFileSystem.refuseWrite(node, "delete");
        if (node.isMountPoint()) throw SandboxFileSystem.denied(node, "is a mount point");
        synchronized (fs.budget()) {
            long bytes = SandboxFileSystem.regularFileBytes(node.source);
            Files.delete(node.source);
            fs.budget().record(-bytes);
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        Node from = fs.resolve(source);
        Node to = resolveForCreate(target);
        SandboxFileSystem.refuseWrite(to, "copy");
        if (from.isVirtual()) throw SandboxFileSystem.denied(from, "is a directory");
        List<CopyOption> kept = new ArrayList<>();
        for (CopyOption o : options) {
            if (o == StandardCopyOption.REPLACE_EXISTING) kept.add(o);
        }
        synchronized (fs.budget()) {
            long growth = SandboxFileSystem.regularFileBytes(from.source) - SandboxFileSystem.regularFileBytes(to.source);
            fs.budget().check(to.guestPath, growth);
            Files.copy(from.source, to.source, kept.toArray(new CopyOption[0]));
            fs.budget().record(growth);
        }
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Node from = fs.resolve(source);
        Node to = resolveForCreate(target);
        SandboxFileSystem.refuseWrite(from, "rename");
        SandboxFileSystem.refuseWrite(to, "rename");
        if (from.isMountPoint() || to.isMountPoint()) {
            throw SandboxFileSystem.denied(from, "mount points cannot be renamed");
        }
        if (from.source.getFileSystem() != to.source.getFileSystem()) {
            throw new AtomicMoveNotSupportedException(from.guestPath, to.guestPath, "different file systems");
        }
        List<CopyOption> kept = new ArrayList<>();
        for (CopyOption o : options) {
            if (o == StandardCopyOption.REPLACE_EXISTING || o == StandardCopyOption.ATOMIC_MOVE) kept.add(o);
        }
        synchronized (fs.budget()) {
            // both ends are writable mounts: the bytes stay in the outputs, a replaced file's leave
            boolean same = Files.exists(to.source, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(from.source, to.source);
            long replaced = same ? 0 : SandboxFileSystem.regularFileBytes(to.source);
            Files.move(from.source, to.source, kept.toArray(new CopyOption[0]));
            fs.budget().record(-replaced);
        }
    }

    /** Resolves a path that may be created: inside a virtual directory that is a read-only error. */
    private Node resolveForCreate(Path path) throws IOException {
        try {
            return fs.resolve(path);
        } catch (NoSuchFileException e) {
            Path parent = path.toAbsolutePath().normalize().getParent();
            if (parent != null) {
                Node p;
                try {
                    p = fs.resolve(parent);
                } catch (NoSuchFileException e2) {
                    throw e;
                }
                if (p.isVirtual()) throw new ReadOnlyMountException(path.toString(), "create");
            }
            throw e;
        }
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        if (path.equals(path2)) return true;
        if (!(path2 instanceof SandboxPath) || path2.getFileSystem() != fs) return false;
        return fs.resolve(path).guestPath.equals(fs.resolve(path2).guestPath);
    }

    @Override
    public boolean isHidden(Path path) {
        return false;
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("no file stores in the sandbox");
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        Node node = fs.resolve(path);
        for (AccessMode mode : modes) {
            if (mode == AccessMode.WRITE) SandboxFileSystem.refuseWrite(node, "write access");
        }
        if (!node.isVirtual()) {
            node.source.getFileSystem().provider().checkAccess(node.source);
        }
    }

    SandboxAttributes attributes(Node node) throws IOException {
        if (node.isVirtual()) {
            return new SandboxAttributes(node.guestPath, true, false, 0, true, fs.fixedTime());
        }
        BasicFileAttributes real = Files.readAttributes(node.source, BasicFileAttributes.class);
        return new SandboxAttributes(node.guestPath, real.isDirectory(), real.isRegularFile(),
                real.size(), node.readOnly(), fs.fixedTime());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class && type != PosixFileAttributeView.class) return null;
        return (V) new View(path);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class && type != PosixFileAttributes.class) {
            throw new UnsupportedOperationException("attributes " + type.getName() + " are not supported");
        }
        return (A) attributes(fs.resolve(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        String view = "basic";
        String names = attributes;
        int colon = attributes.indexOf(':');
        if (colon >= 0) {
            view = attributes.substring(0, colon);
            names = attributes.substring(colon + 1);
        }
        if (!fs.supportedFileAttributeViews().contains(view)) {
            throw new UnsupportedOperationException("view '" + view + "' is not supported");
        }
        Map<String, Object> all = attributes(fs.resolve(path)).toMap(view);
        if (names.equals("*")) return all;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            if (name.equals("*")) {
                out.putAll(all);
            } else if (all.containsKey(name)) {
                out.put(name, all.get(name));
            } else {
                throw new IllegalArgumentException("'" + name + "' not recognized");
            }
        }
        return out;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
            throws IOException {
        Node node = fs.resolve(path);
        SandboxFileSystem.refuseWrite(node, "set attribute");
        // timestamps and ownership are synthetic in the sandbox: accepted and ignored
    }

    /** Reads synthetic attributes; setting times is accepted and ignored (times are fixed). */
    private final class View implements PosixFileAttributeView {
        private final Path path;

        View(Path path) {
            this.path = path;
        }

        @Override
        public String name() {
            return "posix";
        }

        @Override
        public PosixFileAttributes readAttributes() throws IOException {
            return attributes(fs.resolve(path));
        }

        @Override
        public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime)
                throws IOException {
            SandboxFileSystem.refuseWrite(fs.resolve(path), "set times");
        }

        @Override
        public void setPermissions(Set<PosixFilePermission> perms) throws IOException {
            SandboxFileSystem.refuseWrite(fs.resolve(path), "chmod");
        }

        @Override
        public void setGroup(GroupPrincipal group) throws IOException {
            SandboxFileSystem.refuseWrite(fs.resolve(path), "chgrp");
        }

        @Override
        public UserPrincipal getOwner() throws IOException {
            return readAttributes().owner();
        }

        @Override
        public void setOwner(UserPrincipal owner) throws IOException {
            SandboxFileSystem.refuseWrite(fs.resolve(path), "chown");
        }
    }
}
