package dev.bacalhau4j.ipfs.fs;

import dev.bacalhau4j.ipfs.exporter.NodeStat;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Basic attributes of a UnixFS node: its type and size, epoch timestamps, and its CID as the
 * file key (content addressing: equal keys are equal contents). The root {@code /} is a directory
 * whose key is the string "/".
 */
final class UnixFsAttributes implements BasicFileAttributes {
    static final FileTime EPOCH = FileTime.fromMillis(0);

    private final NodeStat stat;

    UnixFsAttributes(NodeStat stat) {
        this.stat = stat;
    }

    @Override
    public FileTime lastModifiedTime() {
        return EPOCH;
    }

    @Override
    public FileTime lastAccessTime() {
        return EPOCH;
    }

    @Override
    public FileTime creationTime() {
        return EPOCH;
    }

    @Override
    public boolean isRegularFile() {
        return stat != null && stat.isFile();
    }

    @Override
    public boolean isDirectory() {
        return stat == null || stat.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return stat != null && stat.isSymlink();
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public long size() {
        return stat == null ? 0 : stat.size();
    }

    @Override
    public Object fileKey() {
        return stat == null ? "/" : stat.cid();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastModifiedTime", lastModifiedTime());
        m.put("lastAccessTime", lastAccessTime());
        m.put("creationTime", creationTime());
        m.put("size", size());
        m.put("isRegularFile", isRegularFile());
        m.put("isDirectory", isDirectory());
        m.put("isSymbolicLink", isSymbolicLink());
        m.put("isOther", isOther());
        m.put("fileKey", fileKey());
        return m;
    }
}
