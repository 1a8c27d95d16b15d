package dev.bacalhau4j.runtime.function.internal;

import java.util.Random;

/**
 * A {@link Random} whose bits come from SplitMix64 (Steele, Lea, Flood 2014) over a seed: the
 * same seed gives the same bytes on every JVM and version, unlike {@code SplittableRandom}
 * whose algorithm the JDK does not specify. Used for WASI {@code random_get}. Not thread-safe;
 * one per execution.
 */
final class SplitMix64Random extends Random {
    private static final long serialVersionUID = 1L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64Random(long seed) {
        super(0L);
        this.state = seed;
    }

    long nextLongMix() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    protected int next(int bits) {
        return (int) (nextLongMix() >>> (64 - bits));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            long v = nextLongMix();
            for (int k = 0; k < 8 && i < bytes.length; k++, v >>>= 8) {
                bytes[i++] = (byte) v;
            }
        }
    }

    @Override
    public synchronized void setSeed(long seed) {
        // called by Random's constructor; the state is set in ours
    }
}
