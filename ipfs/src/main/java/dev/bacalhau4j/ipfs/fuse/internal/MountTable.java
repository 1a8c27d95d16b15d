package dev.bacalhau4j.ipfs.fuse.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code /proc/self/mountinfo}: which file systems are mounted where, in this mount namespace. */
public final class MountTable {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /**
     * One line of mountinfo.
     *
     * @param device {@code major:minor}; for FUSE the minor names the connection under
     *               {@code /sys/fs/fuse/connections}
     * @param fsType e.g. {@code fuse.ipfs}
     * @param source e.g. {@code bacalhau4j} (the {@code fsname} option)
     */
    public record Entry(String device, Path mountPoint, String fsType, String source) {
        public boolean isFuse() {
            return fsType.equals("fuse") || fsType.startsWith("fuse.");
        }

        /** The device number as {@code /sys/fs/fuse/connections} names it. */
        public String connection() {
            int colon = device.indexOf(':');
            return colon < 0 ? device : device.substring(colon + 1);
        }
    }

    private MountTable() {
    }

    /** All mounts, in mount order (a later entry for the same point is on top). */
    public static List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
            parse(line).ifPresent(entries::add);
        }
        return entries;
    }

    /** The mounts stacked on exactly this point, bottom first. */
    public static List<Entry> at(Path mountPoint) throws IOException {
        List<Entry> found = new ArrayList<>();
        for (Entry e : read()) {
            if (e.mountPoint().equals(mountPoint)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The FUSE mount on top of this point, if the top mount there is FUSE. */
    public static Optional<Entry> fuseAt(Path mountPoint) throws IOException {
        List<Entry> stack = at(mountPoint);
        if (stack.isEmpty()) {
            return Optional.empty();
        }
        Entry top = stack.get(stack.size() - 1);
        return top.isFuse() ? Optional.of(top) : Optional.empty();
    }

    /**
     * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}:
     * id, parent, major:minor, root, mount point, options, optional fields ending with "-",
     * then type, source, super options.
     */
    static Optional<Entry> parse(String line) {
        String[] f = line.split(" ");
        if (f.length < 7) {
            return Optional.empty();
        }
        int dash = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (dash < 0 || dash + 2 >= f.length) {
            return Optional.empty();
        }
        return Optional.of(new Entry(f[2], Path.of(unescape(f[4])), unescape(f[dash + 1]), unescape(f[dash + 2])));
    }

    /** mountinfo writes space, tab, newline and backslash as {@code \ooo}. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\\' && i + 3 < in.length && isOctal(in[i + 1]) && isOctal(in[i + 2]) && isOctal(in[i + 3])) {
                out[n++] = (byte) (((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
                i += 3;
            } else {
                out[n++] = in[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
