package dev.bacalhau4j.core.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds what a program left in its result paths that is never published: device files, FIFOs,
 * sockets (a copy would block, read a host device or mean nothing) and regular files with the
 * set-uid or set-gid bit (a published set-uid binary is a privilege handed to whoever runs it
 * later). Links are not followed: like every other link they are published as links. A set-gid
 * directory is ordinary (new files inherit its group) and is not refused.
 */
final class UnpublishableFiles {
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHAR_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;
    private static final int SET_UID = 04000;
    private static final int SET_GID = 02000;

    private UnpublishableFiles() {}

    /** Why nothing was published when {@link #find} found {@code found} (not empty): the first few, and how many. */
    static String refusal(List<String> found) {
        int shown = Math.min(3, found.size());
        return "the program left " + (found.size() == 1 ? "a file" : found.size() + " files")
                + " in its result paths that cannot be published: " + String.join(", ", found.subList(0, shown))
                + (found.size() > shown ? " and " + (found.size() - shown) + " more" : "")
                + "; device files, FIFOs, sockets and set-uid/set-gid files are refused; nothing was published";
    }

    /**
     * The unpublishable files under {@code outputs} (result name to host path), each as
     * {@code <name>/<relative path> (<what it is>)}, sorted; empty when all can be published.
     */
    static List<String> find(Map<String, Path> outputs) throws IOException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            Path root = output.getValue();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink()) return FileVisitResult.CONTINUE;
                    String what = what((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS));
                    if (what != null) {
                        String relative = root.relativize(file).toString();
                        found.add(output.getKey() + (relative.isEmpty() ? "" : "/" + relative) + " (" + what + ")");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        found.sort(null);
        return found;
    }

    /** What a file of {@code mode} is when it cannot be published, else null. */
    static String what(int mode) {
        return switch (mode & TYPE_MASK) {
            case FIFO -> "a FIFO";
            case CHAR_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> (mode & SET_UID) != 0 ? "set-uid" : (mode & SET_GID) != 0 ? "set-gid" : null;
        };
    }
}
