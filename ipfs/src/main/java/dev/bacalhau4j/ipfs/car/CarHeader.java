package dev.bacalhau4j.ipfs.car;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The CAR v1 header, {@code {"roots": [CID...], "version": 1}} in dag-cbor, with the smallest
 * CBOR reader and writer that handle it. Keys are written in dag-cbor's canonical order (by
 * length, so {@code roots} first). The reader is strict about types and bounded in size.
 */
record CarHeader(List<Cid> roots) {
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int CID_TAG = 42;

    CarHeader {
        roots = List.copyOf(roots);
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(out, 5, 2);
        text(out, "roots");
        head(out, 4, roots.size());
        for (Cid root : roots) {
            head(out, 6, CID_TAG);
            byte[] cid = root.toBytes();
            head(out, 2, cid.length + 1);
            out.write(0);
            out.write(cid, 0, cid.length);
        }
        text(out, "version");
        head(out, 0, 1);
        return out.toByteArray();
    }

    static CarHeader decode(byte[] bytes) {
        Cursor in = new Cursor(bytes);
        long entries = in.expect(5, "header must be a CBOR map");
        List<Cid> roots = null;
        Long version = null;
        for (long i = 0; i < entries; i++) {
            String key = in.text();
            switch (key) {
                case "roots" -> {
                    if (roots != null) {
                        throw in.error("duplicate key \"roots\"");
                    }
                    roots = readRoots(in);
                }
                case "version" -> {
                    if (version != null) {
                        throw in.error("duplicate key \"version\"");
                    }
                    version = in.expect(0, "version must be an unsigned integer");
                }
                default -> throw in.error("unexpected key \"" + key + "\"");
            }
        }
        if (in.at != bytes.length) {
            throw in.error((bytes.length - in.at) + " trailing bytes");
        }
        if (version == null) {
            throw in.error("missing \"version\"");
        }
        if (version != 1) {
            throw in.error("version " + version + " is not supported (only CAR v1)");
        }
        if (roots == null) {
            throw in.error("missing \"roots\"");
        }
        return new CarHeader(roots);
    }

    private static List<Cid> readRoots(Cursor in) {
        long count = in.expect(4, "roots must be an array");
        if (count > 1024) {
            throw in.error("too many roots (" + count + ")");
        }
        List<Cid> roots = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (in.expect(6, "roots[" + i + "] must be a tagged CID") != CID_TAG) {
                throw in.error("roots[" + i + "] has a tag other than 42 (CID)");
            }
            int start = in.at;
            long length = in.expect(2, "roots[" + i + "] must be a byte string");
            byte[] raw = in.take(length, "roots[" + i + "] at header byte " + start);
            if (raw.length == 0 || raw[0] != 0) {
                throw in.error("roots[" + i + "] lacks the 0x00 multibase prefix");
            }
            try {
                roots.add(Cid.decode(java.util.Arrays.copyOfRange(raw, 1, raw.length)));
            } catch (IpfsFormatException e) {
                throw in.error("roots[" + i + "]: " + e.getMessage());
            }
        }
        return roots;
    }

    private static void head(ByteArrayOutputStream out, int major, long value) {
        int mt = major << 5;
        if (value < 24) {
            out.write(mt | (int) value);
        } else if (value < 0x100) {
            out.write(mt | 24);
            out.write((int) value);
        } else if (value < 0x10000) {
            out.write(mt | 25);
            out.write((int) (value >>> 8));
            out.write((int) value);
        } else {
            out.write(mt | 26);
            for (int s = 24; s >= 0; s -= 8) {
                out.write((int) (value >>> s));
            }
        }
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        head(out, 3, b.length);
        out.write(b, 0, b.length);
    }

    /** Reads CBOR heads with definite lengths only, as dag-cbor requires. */
    private static final class Cursor {
        private final byte[] in;
        private int at;

        Cursor(byte[] in) {
            this.in = in;
        }

        long expect(int major, String message) {
            if (at >= in.length) {
                throw error("truncated (" + message + ")");
            }
            int first = in[at++] & 0xFF;
            if (first >>> 5 != major) {
                throw error(message);
            }
            int info = first & 31;
            if (info < 24) {
                return info;
            }
            int bytes = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> throw error("indefinite or reserved length (" + message + ")");
            };
            long value = 0;
            for (int i = 0; i < bytes; i++) {
                if (at >= in.length) {
                    throw error("truncated (" + message + ")");
                }
                value = value << 8 | (in[at++] & 0xFF);
            }
            if (value < 0) {
                throw error("length out of range (" + message + ")");
            }
            return value;
        }

        String text() {
            int start = at;
            long length = expect(3, "map keys must be text");
            return new String(take(length, "map key at header byte " + start), java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The next {@code length} bytes; a length read from the input is checked as a long, never cast first. */
        byte[] take(long length, String what) {
            if (length > in.length - at) {
                throw error(what + " claims " + length + " bytes but only " + (in.length - at) + " remain");
            }
            byte[] out = java.util.Arrays.copyOfRange(in, at, at + (int) length);
            at += (int) length;
            return out;
        }

        IpfsFormatException error(String message) {
            return new IpfsFormatException("CAR header: " + message);
        }
    }
}
