package dev.bacalhau4j.ipfs.fuse.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;

/** Linux errno values (x86_64) and the mapping from Java exceptions to the negated errno FUSE expects. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int EROFS = 30;
    public static final int ENAMETOOLONG = 36;
    public static final int ENOSYS = 38;
    public static final int ELOOP = 40;
    public static final int ENODATA = 61;
    public static final int ENOTCONN = 107;

    private Errno() {
    }

    /**
     * The errno for a failure of the tree's file system: {@link NoSuchFileException} → ENOENT,
     * {@link NotDirectoryException} → ENOTDIR, {@link AccessDeniedException} → EACCES, loops →
     * ELOOP, {@link NotLinkException} → EINVAL, writes → EROFS, anything else → EIO.
     */
    public static int of(Throwable t) {
        if (t instanceof NoSuchFileException) {
            return ENOENT;
        }
        if (t instanceof NotDirectoryException) {
            return ENOTDIR;
        }
        if (t instanceof AccessDeniedException || t instanceof SecurityException) {
            return EACCES;
        }
        if (t instanceof FileSystemLoopException) {
            return ELOOP;
        }
        if (t instanceof NotLinkException) {
            return EINVAL;
        }
        if (t instanceof ReadOnlyFileSystemException) {
            return EROFS;
        }
        return EIO;
    }
}
