package dev.bacalhau4j.ipfs.importer;

import java.io.InputStream;

/**
 * {@code size} pseudo-random bytes from a seeded xorshift32 (13, 17, 5), four little-endian bytes
 * per step: the same stream as {@code xorshiftChunks} in {@code src/test/vectors/make-vectors.mjs}.
 */
final class XorShiftInputStream extends InputStream {
    private long left;
    private int x;
    private int word;
    private int wordBytesLeft;

    XorShiftInputStream(long size, int seed) {
        if (seed == 0) {
            throw new IllegalArgumentException("seed must not be 0");
        }
        this.left = size;
        this.x = seed;
    }

    static byte[] bytes(int size, int seed) {
        byte[] out = new byte[size];
        new XorShiftInputStream(size, seed).read(out, 0, size);
        return out;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left == 0) {
            return len == 0 ? 0 : -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
            if (wordBytesLeft == 0) {
                x ^= x << 13;
                x ^= x >>> 17;
                x ^= x << 5;
                word = x;
                wordBytesLeft = 4;
            }
            b[off + i] = (byte) word;
            word >>>= 8;
            wordBytesLeft--;
        }
        left -= n;
        return n;
    }
}
