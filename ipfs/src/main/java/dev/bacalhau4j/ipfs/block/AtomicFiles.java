package dev.bacalhau4j.ipfs.block;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file writes that readers see entirely or not at all: write a temporary file beside the
 * target, optionally fsync it, rename it over the target, optionally fsync the directory.
 * Temporary files end in {@value #TEMP_SUFFIX} so that {@link FileBlockstore} can remove the ones
 * a crash left behind. Stateless.
 */
final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";

    /** Writes the temporary file; a seam so tests can make the disk fill up. */
    @FunctionalInterface
    interface TempWriter {
        void write(Path temp, byte[] data, boolean fsync) throws IOException;
    }

    static final TempWriter CHANNEL_WRITER = (temp, data, fsync) -> {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            if (fsync) {
                out.force(true);
            }
        }
    };

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with {@code data}. On failure nothing is left behind but what was
     * there before, and the {@link IOException} names {@code target}.
     */
    static void write(Path target, byte[] data, boolean fsync, TempWriter writer) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            writer.write(temp, data, fsync);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException) {
                throw new IOException("cannot write " + target + " (" + data.length + " bytes): " + e, e);
            }
            throw e;
        }
        if (fsync) {
            syncDirectory(target.getParent());
        }
    }

    /** Makes a rename in {@code dir} durable (Linux and macOS allow fsync on a directory). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw new IOException("cannot fsync directory " + dir + ": " + e, e);
            }
        }
    }
}
