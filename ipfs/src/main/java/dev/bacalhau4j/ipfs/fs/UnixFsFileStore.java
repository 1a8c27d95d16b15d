package dev.bacalhau4j.ipfs.fs;

import java.nio.file.FileStore;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

/** The one file store of a {@link UnixFsFileSystem}: read-only, with no space to report. */
final class UnixFsFileStore extends FileStore {
    @Override
    public String name() {
        return "ipfs";
    }

    @Override
    public String type() {
        return "unixfs";
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public long getTotalSpace() {
        return 0;
    }

    @Override
    public long getUsableSpace() {
        return 0;
    }

    @Override
    public long getUnallocatedSpace() {
        return 0;
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return name.equals("basic");
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) {
        throw new UnsupportedOperationException("file store attribute '" + attribute + "' is not supported");
    }

    @Override
    public String toString() {
        return "ipfs (unixfs, read-only)";
    }
}
