package dev.bacalhau4j.ipfs.fs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path of a {@link UnixFsFileSystem}: '/'-separated names, purely lexical like the JDK's Unix
 * paths ({@code /<cid>/a/b}; relative paths are taken against {@code /}). Only
 * {@link #toRealPath} reads blocks. Immutable.
 */
final class UnixFsPath implements Path {
    private final UnixFsFileSystem fs;
    private final boolean absolute;
    private final List<String> names;

    UnixFsPath(UnixFsFileSystem fs, boolean absolute, List<String> names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    static UnixFsPath parse(UnixFsFileSystem fs, String text) {
        if (text.indexOf('\0') >= 0) {
            throw new InvalidPathException(text, "NUL character not allowed");
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split("/")) {
            if (!part.isEmpty()) {
                names.add(part);
            }
        }
        return new UnixFsPath(fs, text.startsWith("/"), names);
    }

    List<String> names() {
        return names;
    }

    private boolean isEmptyPath() {
        return !absolute && names.isEmpty();
    }

    @Override
    public UnixFsFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public UnixFsPath getRoot() {
        return absolute ? new UnixFsPath(fs, true, List.of()) : null;
    }

    @Override
    public UnixFsPath getFileName() {
        if (isEmptyPath()) {
            return this;
        }
        return names.isEmpty() ? null : new UnixFsPath(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public UnixFsPath getParent() {
        if (names.isEmpty() || (names.size() == 1 && !absolute)) {
            return null;
        }
        return new UnixFsPath(fs, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return isEmptyPath() ? 1 : names.size();
    }

    @Override
    public UnixFsPath getName(int index) {
        if (isEmptyPath() && index == 0) {
            return this;
        }
        if (index < 0 || index >= names.size()) {
            throw new IllegalArgumentException("name index " + index + " of a path with " + names.size() + " names");
        }
        return new UnixFsPath(fs, false, List.of(names.get(index)));
    }

    @Override
    public UnixFsPath subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > names.size() || beginIndex >= endIndex) {
            throw new IllegalArgumentException("subpath(" + beginIndex + ", " + endIndex + ") of " + names.size()
                    + " names");
        }
        return new UnixFsPath(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof UnixFsPath o) || o.fs != fs) {
            return false;
        }
        if (o.isEmptyPath()) {
            return isEmptyPath();
        }
        return o.absolute == absolute && o.names.size() <= names.size()
                && names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof UnixFsPath o) || o.fs != fs) {
            return false;
        }
        if (o.absolute) {
            return equals(o);
        }
        if (o.isEmptyPath()) {
            return isEmptyPath();
        }
        return o.names.size() <= names.size()
                && names.subList(names.size() - o.names.size(), names.size()).equals(o.names);
    }

    @Override
    public UnixFsPath normalize() {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!absolute) {
                    out.add(name);
                }
                continue;
            }
            out.add(name);
        }
        return new UnixFsPath(fs, absolute, out);
    }

    @Override
    public UnixFsPath resolve(Path other) {
        UnixFsPath o = check(other);
        if (o.absolute) {
            return o;
        }
        if (o.isEmptyPath()) {
            return this;
        }
        if (isEmptyPath()) {
            return o;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(o.names);
        return new UnixFsPath(fs, absolute, joined);
    }

    @Override
    public UnixFsPath relativize(Path other) {
        UnixFsPath o = check(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + o + " against " + this
                    + ": one is absolute, the other relative");
        }
        UnixFsPath a = normalize();
        UnixFsPath b = o.normalize();
        int common = 0;
        while (common < a.names.size() && common < b.names.size() && a.names.get(common).equals(b.names.get(common))) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < a.names.size(); i++) {
            out.add("..");
        }
        out.addAll(b.names.subList(common, b.names.size()));
        return new UnixFsPath(fs, false, out);
    }

    /** {@code ipfs:/<cid>/a/b}, percent-encoded where needed; {@link UnixFsFileSystemProvider#getPath(URI)} reads it back. */
    @Override
    public URI toUri() {
        try {
            return new URI(UnixFsFileSystemProvider.SCHEME, null, toAbsolutePath().toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot write " + this + " as a URI", e);
        }
    }

    @Override
    public UnixFsPath toAbsolutePath() {
        return absolute ? this : new UnixFsPath(fs, true, names);
    }

    /**
     * The absolute, normalized path of the existing node, with symbolic links resolved unless
     * {@link LinkOption#NOFOLLOW_LINKS} is given (links are followed only while they stay inside
     * their DAG).
     */
    @Override
    public UnixFsPath toRealPath(LinkOption... options) throws IOException {
        return fs.resolve(this, UnixFsFileSystemProvider.followLinks(options)).path();
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("a UnixFS file system never changes: nothing to watch");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(check(other).toString());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof UnixFsPath o && o.fs == fs && o.absolute == absolute && o.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(absolute, names);
    }

    @Override
    public String toString() {
        String joined = String.join("/", names);
        return absolute ? "/" + joined : joined;
    }

    private UnixFsPath check(Path other) {
        Objects.requireNonNull(other, "other == null");
        if (!(other instanceof UnixFsPath o) || o.fs != fs) {
            throw new ProviderMismatchException("not a path of this UnixFS file system: " + other);
        }
        return o;
    }
}
