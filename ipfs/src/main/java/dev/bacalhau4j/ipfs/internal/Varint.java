package dev.bacalhau4j.ipfs.internal;

import dev.bacalhau4j.ipfs.IpfsFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Unsigned LEB128 varints as the multiformats spec defines them: at most 9 bytes (63 bits), and
 * minimally encoded (a trailing zero byte is refused, so each number has one encoding).
 */
public final class Varint {
    public static final int MAX_BYTES = 9;

    private Varint() {}

    /** A decoded value and the number of bytes it took. */
    public record Decoded(long value, int length) {}

    public static int size(long value) {
        checkEncodable(value);
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        write(value, out, 0);
        return out;
    }

    /** Writes {@code value} at {@code offset}; returns the offset after it. */
    public static int write(long value, byte[] out, int offset) {
        checkEncodable(value);
        while ((value & ~0x7FL) != 0) {
            out[offset++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[offset++] = (byte) value;
        return offset;
    }

    public static void write(long value, ByteArrayOutputStream out) {
        checkEncodable(value);
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    public static Decoded decode(byte[] in, int offset, int limit, String what) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= limit) {
                throw new IpfsFormatException(what + ": varint truncated at byte " + (offset + i));
            }
            int b = in[offset + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new IpfsFormatException(what + ": varint at byte " + offset + " is not minimally encoded");
                }
                return new Decoded(value, i + 1);
            }
        }
        throw new IpfsFormatException(what + ": varint at byte " + offset + " is longer than " + MAX_BYTES + " bytes");
    }

    /**
     * Reads one varint from a stream; returns -1 on a clean end of stream before its first byte and
     * throws {@link IpfsFormatException} when the stream ends inside it.
     */
    public static long read(InputStream in, String what) throws IOException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            int b = in.read();
            if (b < 0) {
                if (i == 0) {
                    return -1;
                }
                throw new IpfsFormatException(what + ": stream ended inside a varint");
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new IpfsFormatException(what + ": varint is not minimally encoded");
                }
                return value;
            }
        }
        throw new IpfsFormatException(what + ": varint is longer than " + MAX_BYTES + " bytes");
    }

    private static void checkEncodable(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint value must be in [0, 2^63): " + value);
        }
    }
}
