package dev.bacalhau4j.ipfs.fuse.internal;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code struct fuse_operations} table of a mount and the JNA callbacks it points to, over a
 * {@link ReadOnlyTree}. Every callback catches everything and returns a negated errno: no Java
 * exception ever unwinds into libfuse. Write operations answer {@code -EROFS}. The callback
 * objects and the table are held by this object, which must stay reachable for as long as
 * libfuse may call in (the mount holds it until its loop has ended); a collected callback would
 * crash the process.
 */
public final class FuseCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(FuseCallbacks.class);

    /** Slots of {@code struct fuse_operations} (FUSE_USE_VERSION 31), in header order. */
    enum Slot {
        GETATTR, READLINK, MKNOD, MKDIR, UNLINK, RMDIR, SYMLINK, RENAME, LINK, CHMOD, CHOWN, TRUNCATE,
        OPEN, READ, WRITE, STATFS, FLUSH, RELEASE, FSYNC, SETXATTR, GETXATTR, LISTXATTR, REMOVEXATTR,
        OPENDIR, READDIR, RELEASEDIR, FSYNCDIR, INIT, DESTROY, ACCESS, CREATE, LOCK, UTIMENS, BMAP,
        IOCTL, POLL, WRITE_BUF, READ_BUF, FLOCK, FALLOCATE, COPY_FILE_RANGE, LSEEK;

        long offset() {
            return ordinal() * 8L;
        }
    }

    /** {@code int (*getattr)(const char *, struct stat *, struct fuse_file_info *)}. */
    public interface GetAttr extends Callback {
        int invoke(Pointer path, Pointer stat, Pointer fi);
    }

    /** {@code int (*readlink)(const char *, char *, size_t)}. */
    public interface ReadLink extends Callback {
        int invoke(Pointer path, Pointer buf, long size);
    }

    /** {@code int (*op)(const char *, struct fuse_file_info *)}: open, release, opendir, releasedir. */
    public interface PathFileInfo extends Callback {
        int invoke(Pointer path, Pointer fi);
    }

    /** {@code int (*read)(const char *, char *, size_t, off_t, struct fuse_file_info *)}. */
    public interface Read extends Callback {
        int invoke(Pointer path, Pointer buf, long size, long offset, Pointer fi);
    }

    /** {@code int (*statfs)(const char *, struct statvfs *)}. */
    public interface StatFs extends Callback {
        int invoke(Pointer path, Pointer statvfs);
    }

    /** {@code int (*readdir)(const char *, void *, fuse_fill_dir_t, off_t, struct fuse_file_info *, enum fuse_readdir_flags)}. */
    public interface ReadDir extends Callback {
        int invoke(Pointer path, Pointer buf, Pointer filler, long offset, Pointer fi, int flags);
    }

    /**
     * Every write operation. All of them take the path first and return int; the x86_64 calling
     * convention lets a callee ignore the arguments after the ones it declares.
     */
    public interface Refuse extends Callback {
        int invoke(Pointer path);
    }

    private final ReadOnlyTree tree;
    private final int uid;
    private final int gid;
    private final boolean keepCache;
    private final Memory operations = new Memory(NativeLayout.OPERATIONS_SIZE);
    private final List<Callback> callbacks = new ArrayList<>();

    public FuseCallbacks(ReadOnlyTree tree, int uid, int gid, boolean keepCache, String threadName) {
        this.tree = tree;
        this.uid = uid;
        this.gid = gid;
        this.keepCache = keepCache;
        operations.clear();
        CallbackThreadInitializer init = new CallbackThreadInitializer(true, false, threadName);
        set(Slot.GETATTR, (GetAttr) this::getattr, init);
        set(Slot.READLINK, (ReadLink) this::readlink, init);
        set(Slot.OPEN, (PathFileInfo) this::open, init);
        set(Slot.READ, (Read) this::read, init);
        set(Slot.STATFS, (StatFs) this::statfs, init);
        set(Slot.RELEASE, (PathFileInfo) this::release, init);
        set(Slot.OPENDIR, (PathFileInfo) this::opendir, init);
        set(Slot.READDIR, (ReadDir) this::readdir, init);
        Refuse refuse = path -> -Errno.EROFS;
        for (Slot s : new Slot[] {Slot.MKNOD, Slot.MKDIR, Slot.UNLINK, Slot.RMDIR, Slot.SYMLINK, Slot.RENAME,
                Slot.LINK, Slot.CHMOD, Slot.CHOWN, Slot.TRUNCATE, Slot.WRITE, Slot.SETXATTR, Slot.REMOVEXATTR,
                Slot.CREATE, Slot.UTIMENS, Slot.FALLOCATE}) {
            set(s, refuse, init);
        }
    }

    private void set(Slot slot, Callback cb, CallbackThreadInitializer init) {
        if (!callbacks.contains(cb)) {
            callbacks.add(cb);
            // worker threads stay attached to the JVM between calls (attaching costs more than a read)
            Native.setCallbackThreadInitializer(cb, init);
        }
        operations.setPointer(slot.offset(), CallbackReference.getFunctionPointer(cb));
    }

    /** The {@code struct fuse_operations} to give {@code fuse_new}. */
    public Pointer operations() {
        return operations;
    }

    public ReadOnlyTree tree() {
        return tree;
    }

    private static String path(Pointer p) {
        return p.getString(0, StandardCharsets.UTF_8.name());
    }

    private int fail(String op, Pointer path, Throwable t) {
        int errno = Errno.of(t);
        if (errno == Errno.EIO) {
            String where = "?";
            try {
                where = path(path);
            } catch (Throwable ignored) {
                // keep "?"
            }
            LOG.warn("FUSE {} {} under {} failed: {}", op, where, tree.root(), t.toString());
        }
        return -errno;
    }

    private int getattr(Pointer path, Pointer stat, Pointer fi) {
        try {
            ReadOnlyTree.Attributes a = tree.attributes(path(path));
            NativeLayout.writeStat(stat, a.mode(), a.nlink(), a.size(), uid, gid, a.seconds(), a.nanos());
            return 0;
        } catch (Throwable t) {
            return fail("getattr", path, t);
        }
    }

    private int readlink(Pointer path, Pointer buf, long size) {
        try {
            if (size <= 0) {
                return -Errno.EINVAL;
            }
            byte[] target = tree.readLink(path(path)).getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, size - 1);
            buf.write(0, target, 0, n);
            buf.setByte(n, (byte) 0);
            return 0;
        } catch (Throwable t) {
            return fail("readlink", path, t);
        }
    }

    private int open(Pointer path, Pointer fi) {
        try {
            int flags = NativeLayout.fileInfoFlags(fi);
            if ((flags & NativeLayout.O_ACCMODE) != NativeLayout.O_RDONLY
                    || (flags & (NativeLayout.O_TRUNC | NativeLayout.O_APPEND | NativeLayout.O_CREAT)) != 0) {
                return -Errno.EROFS;
            }
            long fh = tree.open(path(path));
            NativeLayout.setFileHandle(fi, fh);
            if (keepCache) {
                NativeLayout.setFileInfoBits(fi, NativeLayout.FI_BIT_KEEP_CACHE);
            }
            return 0;
        } catch (Throwable t) {
            return fail("open", path, t);
        }
    }

    private int read(Pointer path, Pointer buf, long size, long offset, Pointer fi) {
        try {
            if (size <= 0) {
                return 0;
            }
            ByteBuffer dst = buf.getByteBuffer(0, size); // the kernel's reply buffer itself: no copy
            int n = tree.read(NativeLayout.fileHandle(fi), dst, offset);
            return n < 0 ? -Errno.EBADF : n;
        } catch (Throwable t) {
            return fail("read", path, t);
        }
    }

    private int release(Pointer path, Pointer fi) {
        try {
            tree.release(NativeLayout.fileHandle(fi));
            return 0;
        } catch (Throwable t) {
            return fail("release", path, t);
        }
    }

    private int statfs(Pointer path, Pointer st) {
        try {
            st.setMemory(0, NativeLayout.STATVFS_SIZE, (byte) 0);
            st.setLong(NativeLayout.F_BSIZE, 4096);
            st.setLong(NativeLayout.F_FRSIZE, 4096);
            st.setLong(NativeLayout.F_FLAG, NativeLayout.ST_RDONLY);
            st.setLong(NativeLayout.F_NAMEMAX, 255);
            return 0;
        } catch (Throwable t) {
            return fail("statfs", path, t);
        }
    }

    private int opendir(Pointer path, Pointer fi) {
        try {
            tree.checkDirectory(path(path));
            if (keepCache) {
                NativeLayout.setFileInfoBits(fi, NativeLayout.FI_BIT_KEEP_CACHE | NativeLayout.FI_BIT_CACHE_READDIR);
            }
            return 0;
        } catch (Throwable t) {
            return fail("opendir", path, t);
        }
    }

    private int readdir(Pointer path, Pointer buf, Pointer filler, long offset, Pointer fi, int flags) {
        try {
            List<String> names = tree.list(path(path));
            Function fill = Function.getFunction(filler);
            // offset 0 for every entry: libfuse collects the whole listing and pages it to the kernel;
            // no struct stat, so the type is DT_UNKNOWN and listing never touches the children
            fill(fill, buf, ".");
            fill(fill, buf, "..");
            for (String name : names) {
                if (fill(fill, buf, name) != 0) {
                    return -Errno.EIO; // libfuse could not grow its buffer
                }
            }
            return 0;
        } catch (Throwable t) {
            return fail("readdir", path, t);
        }
    }

    private static int fill(Function fill, Pointer buf, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] cString = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, cString, 0, utf8.length);
        return fill.invokeInt(new Object[] {buf, cString, null, 0L, 0});
    }
}
