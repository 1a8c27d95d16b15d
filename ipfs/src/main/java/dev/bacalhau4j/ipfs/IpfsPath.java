package dev.bacalhau4j.ipfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CID and an optional path inside its DAG: {@code CID}, {@code CID/a/b}, {@code /ipfs/CID/a/b}
 * or {@code ipfs://CID/a/b}. Segments are names inside UnixFS directories; {@code .}, {@code ..},
 * empty segments (other than a trailing slash) and control characters are refused, so a path can
 * never climb out of its root. Immutable.
 *
 * @param root the DAG's root
 * @param segments names inside UnixFS directories, from the root down
 */
public record IpfsPath(Cid root, List<String> segments) {
    /**
     * Checks the segments and copies them.
     *
     * @param root the DAG's root
     * @param segments names inside UnixFS directories, from the root down
     * @throws IpfsFormatException for an empty, {@code .}, {@code ..} or control-character segment
     */
    public IpfsPath {
        Objects.requireNonNull(root, "root == null");
        segments = List.copyOf(segments);
        for (String segment : segments) {
            checkSegment(segment);
        }
    }

    /**
     * The root itself, with no path.
     *
     * @param root the DAG's root
     * @return the path
     */
    public static IpfsPath of(Cid root) {
        return new IpfsPath(root, List.of());
    }

    /**
     * Parses {@code CID}, {@code CID/a/b}, {@code /ipfs/CID/a/b} or {@code ipfs://CID/a/b}.
     *
     * @param text the path
     * @return the path
     * @throws IpfsFormatException when the CID or a segment is malformed, quoting {@code text}
     */
    public static IpfsPath parse(String text) {
        Objects.requireNonNull(text, "text == null");
        String rest = text.strip();
        if (rest.startsWith("ipfs://")) {
            rest = rest.substring("ipfs://".length());
        } else if (rest.startsWith("/ipfs/")) {
            rest = rest.substring("/ipfs/".length());
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String[] parts = rest.split("/", -1);
        Cid cid = Cid.parse(parts[0]);
        List<String> segments = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            segments.add(parts[i]);
        }
        try {
            return new IpfsPath(cid, segments);
        } catch (IpfsFormatException e) {
            throw new IpfsFormatException("bad IPFS path \"" + text + "\": " + e.getMessage(), e);
        }
    }

    private static void checkSegment(String segment) {
        if (segment.isEmpty()) {
            throw new IpfsFormatException("empty path segment");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new IpfsFormatException("path segment \"" + segment + "\" is not allowed");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IpfsFormatException("control character in path segment at position " + i);
            }
        }
    }

    /**
     * Whether the path names something below the root.
     *
     * @return true when there are segments
     */
    public boolean hasPath() {
        return !segments.isEmpty();
    }

    /**
     * The path after the CID, e.g. {@code a/b}, empty for the root itself.
     *
     * @return the segments joined by {@code /}
     */
    public String pathString() {
        return String.join("/", segments);
    }

    /** {@code CID} or {@code CID/a/b}. */
    @Override
    public String toString() {
        return segments.isEmpty() ? root.toString() : root + "/" + pathString();
    }
}
