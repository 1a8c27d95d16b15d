package dev.bacalhau4j.ipfs.fuse;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FuseMount} is made: who may read it, how long the kernel may cache, how many
 * threads serve it. Immutable; build with {@link #builder()} or take {@link #defaults()}.
 *
 * <p>The mount is always read-only ({@code ro}), named {@code fsname=bacalhau4j},
 * {@code subtype=ipfs} (so mountinfo shows type {@code fuse.ipfs}), and uses
 * {@code default_permissions} (the kernel checks the mode bits the mount reports: read for all,
 * directories enterable by all).
 */
public final class FuseMountOptions {
    private final boolean allowOther;
    private final boolean kernelCache;
    private final Duration cacheTimeout;
    private final Duration negativeTimeout;
    private final int maxThreads;
    private final Duration closeTimeout;
    private final boolean debug;

    private FuseMountOptions(Builder b) {
        this.allowOther = b.allowOther;
        this.kernelCache = b.kernelCache;
        this.cacheTimeout = b.cacheTimeout;
        this.negativeTimeout = b.negativeTimeout;
        this.maxThreads = b.maxThreads;
        this.closeTimeout = b.closeTimeout;
        this.debug = b.debug;
    }

    /**
     * allow_other, kernel cache on, 1 day attribute/entry cache, no negative cache, 16 threads, 10 s close timeout.
     *
     * @return the default options
     */
    public static FuseMountOptions defaults() {
        return builder().build();
    }

    /**
     * Options starting from {@link #defaults()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to derive changed ones.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder()
                .allowOther(allowOther)
                .kernelCache(kernelCache)
                .cacheTimeout(cacheTimeout)
                .negativeTimeout(negativeTimeout)
                .maxThreads(maxThreads)
                .closeTimeout(closeTimeout)
                .debug(debug);
    }

    /**
     * Other users (e.g. a container's uid) may read the mount ({@code allow_other}).
     *
     * @return true when other users may read
     */
    public boolean allowOther() {
        return allowOther;
    }

    /**
     * File data stays in the page cache across opens ({@code kernel_cache}, {@code keep_cache}, cached readdir).
     *
     * @return true when the kernel caches file data
     */
    public boolean kernelCache() {
        return kernelCache;
    }

    /**
     * How long the kernel trusts a name lookup and attributes ({@code entry_timeout}, {@code attr_timeout}).
     *
     * @return the timeout
     */
    public Duration cacheTimeout() {
        return cacheTimeout;
    }

    /**
     * How long the kernel remembers that a name does not exist ({@code negative_timeout}).
     *
     * @return the timeout
     */
    public Duration negativeTimeout() {
        return negativeTimeout;
    }

    /**
     * Most libfuse worker threads serving requests at once.
     *
     * @return the number of threads
     */
    public int maxThreads() {
        return maxThreads;
    }

    /**
     * How long {@link FuseMount#close()} waits for the loop to stop after unmounting.
     *
     * @return the timeout
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * libfuse prints every request to stderr ({@code -d}).
     *
     * @return true when libfuse prints requests
     */
    public boolean debug() {
        return debug;
    }

    @Override
    public String toString() {
        return "FuseMountOptions{allowOther=" + allowOther + ", kernelCache=" + kernelCache + ", cacheTimeout="
                + cacheTimeout + ", negativeTimeout=" + negativeTimeout + ", maxThreads=" + maxThreads
                + ", closeTimeout=" + closeTimeout + ", debug=" + debug + "}";
    }

    /** The only mutable part; {@link #build()} checks every field. */
    public static final class Builder {
        private boolean allowOther = true;
        private boolean kernelCache = true;
        private Duration cacheTimeout = Duration.ofDays(1);
        private Duration negativeTimeout = Duration.ZERO;
        private int maxThreads = 16;
        private Duration closeTimeout = Duration.ofSeconds(10);
        private boolean debug;

        private Builder() {
        }

        /**
         * See {@link FuseMountOptions#allowOther()}.
         *
         * @param allowOther true to let other users read the mount
         * @return this builder
         */
        public Builder allowOther(boolean allowOther) {
            this.allowOther = allowOther;
            return this;
        }

        /**
         * See {@link FuseMountOptions#kernelCache()}.
         *
         * @param kernelCache true to keep file data in the page cache across opens
         * @return this builder
         */
        public Builder kernelCache(boolean kernelCache) {
            this.kernelCache = kernelCache;
            return this;
        }

        /**
         * See {@link FuseMountOptions#cacheTimeout()}.
         *
         * @param cacheTimeout how long lookups and attributes are trusted
         * @return this builder
         */
        public Builder cacheTimeout(Duration cacheTimeout) {
            this.cacheTimeout = Objects.requireNonNull(cacheTimeout, "cacheTimeout == null");
            return this;
        }

        /**
         * See {@link FuseMountOptions#negativeTimeout()}.
         *
         * @param negativeTimeout how long a missing name is remembered
         * @return this builder
         */
        public Builder negativeTimeout(Duration negativeTimeout) {
            this.negativeTimeout = Objects.requireNonNull(negativeTimeout, "negativeTimeout == null");
            return this;
        }

        /**
         * See {@link FuseMountOptions#maxThreads()}.
         *
         * @param maxThreads the most worker threads
         * @return this builder
         */
        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        /**
         * See {@link FuseMountOptions#closeTimeout()}.
         *
         * @param closeTimeout how long close waits for the loop to stop
         * @return this builder
         */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout == null");
            return this;
        }

        /**
         * See {@link FuseMountOptions#debug()}.
         *
         * @param debug true to have libfuse print every request
         * @return this builder
         */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /**
         * The options.
         *
         * @return the options, checked
         */
        public FuseMountOptions build() {
            if (cacheTimeout.isNegative()) {
                throw new IllegalArgumentException("cacheTimeout must not be negative (got " + cacheTimeout + ")");
            }
            if (negativeTimeout.isNegative()) {
                throw new IllegalArgumentException("negativeTimeout must not be negative (got " + negativeTimeout + ")");
            }
            if (maxThreads < 1 || maxThreads > 1024) {
                throw new IllegalArgumentException("maxThreads must be between 1 and 1024 (got " + maxThreads + ")");
            }
            if (closeTimeout.isNegative() || closeTimeout.isZero()) {
                throw new IllegalArgumentException("closeTimeout must be positive (got " + closeTimeout + ")");
            }
            return new FuseMountOptions(this);
        }
    }
}
