package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Path strings of the exporter: splitting, checking and writing {@code <root-cid>/a/b}. */
final class PathNames {
    private PathNames() {}

    static String describe(Cid root, List<String> segments) {
        return segments.isEmpty() ? root.toString() : root + "/" + String.join("/", segments);
    }

    /** Splits {@code "a/b/c"} (leading, trailing and doubled slashes ignored) into checked segments. */
    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        check(out, path);
        return out;
    }

    static void check(List<String> segments, Object shown) {
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("path " + quote(shown) + ": segment " + quote(s)
                        + " is not an entry name (empty, \".\", \"..\", or contains '/' or NUL); normalize the path first");
            }
        }
    }

    /** True when {@code name} can be a file name in a directory: not empty, ".", "..", no '/' or NUL. */
    static boolean isSafeName(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\0') < 0;
    }

    /**
     * {@code target}, the stored target of the symbolic link {@code cid} at {@code where}, as a path of
     * {@code fileSystem}. No path can hold an empty target or a NUL, and a file system may refuse more
     * (characters its name encoding cannot map): each is a {@link CorruptDagException}, never the
     * unchecked {@link InvalidPathException}.
     */
    static Path symlinkTarget(Cid cid, String target, String where, FileSystem fileSystem) throws CorruptDagException {
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new CorruptDagException(where, cid, "symbolic link target " + quote(target)
                    + " is empty or contains NUL, which no path can hold");
        }
        try {
            return fileSystem.getPath(target);
        } catch (InvalidPathException e) {
            throw new CorruptDagException(where, cid, "symbolic link target " + quote(target)
                    + " is not a path on this file system: " + e.getReason(), e);
        }
    }

    static String quote(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
