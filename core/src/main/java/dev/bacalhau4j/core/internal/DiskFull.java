package dev.bacalhau4j.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises a full disk under the node directory, so an execution fails saying so instead of
 * with a bare I/O error, and a program that ran out of room does not get half its outputs published.
 */
final class DiskFull {
    /** Below this much free space a program's writes have been failing: not even one more block fits. */
    static final long NEARLY_FULL_BYTES = 64 * 1024;

    private DiskFull() {}

    /** True when {@code e} or one of its causes is the operating system's ENOSPC. */
    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) return true;
        }
        return false;
    }

    /** Bytes still usable on the file system holding {@code dir}, or -1 when that cannot be told. */
    static long usableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The reason given when the disk of {@code nodeDirectory} ran full while {@code doing}. */
    static String message(Path nodeDirectory, String doing) {
        return "the disk is full: no space left on device in the node directory " + nodeDirectory + " while "
                + doing + " (" + Math.max(0, usableBytes(nodeDirectory)) + " bytes free); nothing was published;"
                + " free space there and submit the job again";
    }
}
