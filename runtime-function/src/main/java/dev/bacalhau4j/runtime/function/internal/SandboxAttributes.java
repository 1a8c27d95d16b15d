package dev.bacalhau4j.runtime.function.internal;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic attributes of a sandbox entry: the real type and size, everything else
 * synthetic (inode from the guest path, fixed timestamps, uid/gid 0, mode 0755/0644 or
 * 0555/0444 on read-only mounts). Never reports a symbolic link.
 */
final class SandboxAttributes implements PosixFileAttributes {

    private static final Principal ROOT = new Principal("root");

    private final String guestPath;
    private final boolean directory;
    private final boolean regular;
    private final long size;
    private final boolean readOnly;
    private final FileTime time;

    SandboxAttributes(String guestPath, boolean directory, boolean regular, long size,
            boolean readOnly, FileTime time) {
        this.guestPath = guestPath;
        this.directory = directory;
        this.regular = regular;
        this.size = directory ? 0L : size;
        this.readOnly = readOnly;
        this.time = time;
    }

    @Override
    public FileTime lastModifiedTime() {
        return time;
    }

    @Override
    public FileTime lastAccessTime() {
        return time;
    }

    @Override
    public FileTime creationTime() {
        return time;
    }

    @Override
    public boolean isRegularFile() {
        return regular;
    }

    @Override
    public boolean isDirectory() {
        return directory;
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return !regular && !directory;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Object fileKey() {
        return guestPath;
    }

    @Override
    public UserPrincipal owner() {
        return ROOT;
    }

    @Override
    public GroupPrincipal group() {
        return ROOT;
    }

    @Override
    public Set<PosixFilePermission> permissions() {
        return PosixFilePermissions.fromString(permissionString());
    }

    private String permissionString() {
        if (directory) return readOnly ? "r-xr-xr-x" : "rwxr-xr-x";
        return readOnly ? "r--r--r--" : "rw-r--r--";
    }

    int mode() {
        int type = directory ? 0040000 : regular ? 0100000 : 0;
        int perm = directory ? (readOnly ? 0555 : 0755) : (readOnly ? 0444 : 0644);
        return type | perm;
    }

    /** The attributes of view {@code basic}, {@code posix} or {@code unix}, by name. */
    Map<String, Object> toMap(String view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastModifiedTime", time);
        m.put("lastAccessTime", time);
        m.put("creationTime", time);
        m.put("size", size);
        m.put("isRegularFile", regular);
        m.put("isDirectory", directory);
        m.put("isSymbolicLink", false);
        m.put("isOther", isOther());
        m.put("fileKey", guestPath);
        if (view.equals("posix") || view.equals("unix")) {
            m.put("permissions", permissions());
            m.put("owner", ROOT);
            m.put("group", ROOT);
        }
        if (view.equals("unix")) {
            m.put("mode", mode());
            m.put("ino", SandboxFileSystem.inode(guestPath));
            m.put("dev", 1L);
            m.put("rdev", 0L);
            m.put("nlink", 1);
            m.put("uid", 0);
            m.put("gid", 0);
            m.put("ctime", time);
        }
        return m;
    }

    private static final class Principal implements GroupPrincipal {
        private final String name;

        Principal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
