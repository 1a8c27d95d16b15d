package dev.bacalhau4j.ipfs.fuse.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Optional;

/** The libc calls the mount needs: identity, {@code umount2}, and {@code vsnprintf} for libfuse's log lines. */
public final class LibC {
    /** {@code umount2} flag: detach now, finish when the last user is gone. */
    public static final int MNT_DETACH = 2;

    /** {@code open(2)} flags: a handle on the mount's root that never asks the file system. */
    public static final int O_PATH_DIRECTORY = 010000000 | 0200000;

    /** libc, through JNA. */
    public interface Api extends Library {
        int geteuid();

        int getegid();

        int umount2(String target, int flags) throws LastErrorException;

        int open(String path, int flags);

        int close(int fd);

        int fstatfs(int fd, Pointer buf);

        int vsnprintf(byte[] buffer, long size, Pointer format, Pointer args);
    }

    private LibC() {
    }

    /** libc, or the reason it cannot be loaded (only when JNA itself cannot load). */
    public static Api get() {
        if (Holder.ERROR != null) {
            throw new UnsatisfiedLinkError(Holder.ERROR);
        }
        return Holder.INSTANCE;
    }

    public static Optional<String> loadError() {
        return Optional.ofNullable(Holder.ERROR);
    }

    private static final class Holder {
        static final Api INSTANCE;
        static final String ERROR;

        static {
            Api api = null;
            String error = null;
            try {
                api = Native.load("c", Api.class);
            } catch (LinkageError | RuntimeException e) {
                error = "cannot load libc through JNA: " + e;
            }
            INSTANCE = api;
            ERROR = error;
        }
    }
}
