package dev.bacalhau4j.runtime.function.internal;

import java.io.IOException;
import java.net.URI;
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
 * A path of a {@link SandboxFileSystem}: the guest's view, '/'-separated, purely lexical.
 * Nothing here touches a host file; resolution to a mount happens in the provider.
 */
final class SandboxPath implements Path {

    private final SandboxFileSystem fs;
    private final boolean absolute;
    private final List<String> names;

    SandboxPath(SandboxFileSystem fs, boolean absolute, List<String> names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    static SandboxPath parse(SandboxFileSystem fs, String text) {
        if (text.indexOf('\0') >= 0) {
            throw new InvalidPathException(text, "NUL character not allowed");
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split("/")) {
            if (!part.isEmpty()) names.add(part);
        }
        return new SandboxPath(fs, text.startsWith("/"), names);
    }

    List<String> names() {
        return names;
    }

    @Override
    public SandboxFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new SandboxPath(fs, true, List.of()) : null;
    }

    @Override
    public Path getFileName() {
        if (names.isEmpty()) return absolute ? null : this;
        return new SandboxPath(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty()) return null;
        if (names.size() == 1 && !absolute) return null;
        return new SandboxPath(fs, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        if (index < 0 || index >= names.size()) throw new IllegalArgumentException("index " + index);
        return new SandboxPath(fs, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > names.size() || beginIndex >= endIndex) {
            throw new IllegalArgumentException("subpath(" + beginIndex + ", " + endIndex + ")");
        }
        return new SandboxPath(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof SandboxPath)) return false;
        SandboxPath o = (SandboxPath) other;
        return o.absolute == absolute
                && o.names.size() <= names.size()
                && names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof SandboxPath)) return false;
        SandboxPath o = (SandboxPath) other;
        if (o.absolute) return equals(o);
        return o.names.size() <= names.size()
                && names.subList(names.size() - o.names.size(), names.size()).equals(o.names);
    }

    @Override
    public SandboxPath normalize() {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".")) continue;
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
        return new SandboxPath(fs, absolute, out);
    }

    @Override
    public Path resolve(Path other) {
        SandboxPath o = check(other);
        if (o.absolute) return o;
        if (o.names.isEmpty()) return this;
        List<String> joined = new ArrayList<>(names);
        joined.addAll(o.names);
        return new SandboxPath(fs, absolute, joined);
    }

    @Override
    public Path relativize(Path other) {
        SandboxPath o = check(other);
        if (o.absolute != absolute) throw new IllegalArgumentException("different kinds of path");
        SandboxPath a = normalize();
        SandboxPath b = o.normalize();
        int common = 0;
        while (common < a.names.size() && common < b.names.size()
                && a.names.get(common).equals(b.names.get(common))) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < a.names.size(); i++) out.add("..");
        out.addAll(b.names.subList(common, b.names.size()));
        return new SandboxPath(fs, false, out);
    }

    @Override
    public URI toUri() {
        throw new UnsupportedOperationException("sandbox paths have no URI");
    }

    @Override
    public SandboxPath toAbsolutePath() {
        if (absolute) return this;
        return new SandboxPath(fs, true, names);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        SandboxPath real = toAbsolutePath().normalize();
        fs.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events,
            WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching is not supported in the sandbox");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof SandboxPath)) return false;
        SandboxPath o = (SandboxPath) obj;
        return o.fs == fs && o.absolute == absolute && o.names.equals(names);
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

    private SandboxPath check(Path other) {
        if (!(other instanceof SandboxPath) || ((SandboxPath) other).fs != fs) {
            throw new ProviderMismatchException("not a path of this sandbox: " + other);
        }
        return (SandboxPath) other;
    }
}
