package dev.bacalhau4j.ipfs.fuse.internal;

import com.sun.jna.Pointer;

/**
 * Byte offsets of the C structures the callbacks read and write, for Linux x86_64 (glibc) and
 * libfuse 3.x with {@code FUSE_USE_VERSION 31}. Checked with {@code offsetof} against
 * {@code /usr/include/fuse3/fuse.h}, {@code fuse_common.h} and {@code <sys/stat.h>} of Debian 12
 * (fuse3 3.14.0); {@link Availability} refuses other architectures.
 */
public final class NativeLayout {
    /** {@code sizeof(struct stat)}. */
    public static final int STAT_SIZE = 144;
    static final int ST_DEV = 0;
    static final int ST_INO = 8;
    static final int ST_NLINK = 16;
    static final int ST_MODE = 24;
    static final int ST_UID = 28;
    static final int ST_GID = 32;
    static final int ST_RDEV = 40;
    static final int ST_SIZE = 48;
    static final int ST_BLKSIZE = 56;
    static final int ST_BLOCKS = 64;
    static final int ST_ATIM = 72;
    static final int ST_MTIM = 88;
    static final int ST_CTIM = 104;

    /** {@code sizeof(struct statvfs)}. */
    public static final int STATVFS_SIZE = 112;
    static final int F_BSIZE = 0;
    static final int F_FRSIZE = 8;
    static final int F_BLOCKS = 16;
    static final int F_FILES = 40;
    static final int F_FLAG = 72;
    static final int F_NAMEMAX = 80;
    static final long ST_RDONLY = 1;

    /** {@code struct fuse_file_info}: {@code int flags} at 0, a word of bit fields at 4, {@code uint64_t fh} at 16. */
    static final int FI_FLAGS = 0;
    static final int FI_BITS = 4;
    static final int FI_FH = 16;
    static final int FI_BIT_DIRECT_IO = 1 << 1;
    static final int FI_BIT_KEEP_CACHE = 1 << 2;
    static final int FI_BIT_CACHE_READDIR = 1 << 6;

    /** {@code struct fuse_args {int argc; char **argv; int allocated;}}. */
    public static final int ARGS_SIZE = 24;
    static final int ARGS_ARGC = 0;
    static final int ARGS_ARGV = 8;
    static final int ARGS_ALLOCATED = 16;

    /** {@code struct fuse_operations} for FUSE_USE_VERSION 31 is 42 function pointers. */
    public static final int OPERATIONS_SIZE = 42 * 8;

    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;

    /** {@code open(2)} flags. */
    static final int O_ACCMODE = 03;
    static final int O_RDONLY = 0;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;

    private NativeLayout() {
    }

    /** Fills a {@code struct stat} (zeroing it first). Times are seconds and nanoseconds since the epoch. */
    static void writeStat(Pointer st, int mode, long nlink, long size, int uid, int gid, long seconds, long nanos) {
        st.setMemory(0, STAT_SIZE, (byte) 0);
        st.setLong(ST_NLINK, nlink);
        st.setInt(ST_MODE, mode);
        st.setInt(ST_UID, uid);
        st.setInt(ST_GID, gid);
        st.setLong(ST_SIZE, size);
        st.setLong(ST_BLKSIZE, 4096);
        st.setLong(ST_BLOCKS, (size + 511) / 512);
        for (int off : new int[] {ST_ATIM, ST_MTIM, ST_CTIM}) {
            st.setLong(off, seconds);
            st.setLong(off + 8, nanos);
        }
    }

    static int fileInfoFlags(Pointer fi) {
        return fi.getInt(FI_FLAGS);
    }

    static long fileHandle(Pointer fi) {
        return fi.getLong(FI_FH);
    }

    static void setFileHandle(Pointer fi, long fh) {
        fi.setLong(FI_FH, fh);
    }

    /** Sets bits in the fuse_file_info bit-field word (keep_cache, cache_readdir, ...). */
    static void setFileInfoBits(Pointer fi, int bits) {
        fi.setInt(FI_BITS, fi.getInt(FI_BITS) | bits);
    }
}
