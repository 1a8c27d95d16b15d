package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blockstore in a directory: one file per block under {@code blocks/}, in Kubo's flatfs layout
 * ({@code next-to-last/2} shards keyed on the multihash, so CIDv0 and CIDv1 of the same bytes
 * share a file), with its {@link PinSet} in {@code pins}.
 *
 * <p>A put writes a temporary file in the block's shard folder, fsyncs it, renames it over the
 * final name and fsyncs the folder, so a reader sees the whole block or none, and a crash leaves
 * at most temporary files, which {@link #open} removes. Puts are idempotent; concurrent puts of
 * the same block write it once. Puts are verified against their CID ({@code BlockMismatchException}
 * refuses the block), and so are reads unless turned off: a file whose bytes no longer match is
 * logged once, deleted, and reported absent.
 *
 * <p>One process at a time: {@link #open} takes an exclusive lock on {@code LOCK} and fails when
 * another process or another open store in this JVM holds it. Safe for concurrent use by many
 * threads. Whoever opens it closes it; {@link #close()} is idempotent and releases the lock.
 */
public final class FileBlockstore implements PinningBlockstore {
    private static final Logger log = LoggerFactory.getLogger(FileBlockstore.class);

    private final Path directory;
    private final FlatFsLayout layout;
    private final boolean verifyReads;
    private final boolean fsync;
    private final AtomicFiles.TempWriter writer;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SweepGuard guard = new SweepGuard();
    private final PinSet pins;
    private final GarbageCollector collector;
    private final Set<Multihash> reportedCorrupt = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileBlockstore(Builder builder, FileChannel lockChannel, FileLock lock) throws IOException {
        this.directory = builder.directory;
        this.layout = new FlatFsLayout(directory.resolve("blocks"));
        this.verifyReads = builder.verifyReads;
        this.fsync = builder.fsync;
        this.writer = builder.writer;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pins = new PinSet(new PinFile(directory.resolve("pins"), fsync), guard);
        this.collector = new GarbageCollector(new CollectorTarget());
    }

    /**
     * Opens (creating if needed) the store in {@code directory} with the default options.
     *
     * @param directory where the block files live
     * @return the store
     * @throws IOException when the directory cannot be created or read
     */
    public static FileBlockstore open(Path directory) throws IOException {
        return builder(directory).open();
    }

    /**
     * Options for a store in {@code directory}.
     *
     * @param directory where the block files live
     * @return a builder with the defaults
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Options for {@link FileBlockstore}; {@link #open()} validates and opens. */
    public static final class Builder {
        private final Path directory;
        private boolean verifyReads = true;
        private boolean fsync = true;
        private AtomicFiles.TempWriter writer = AtomicFiles.CHANNEL_WRITER;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath();
        }

        /**
         * Whether {@code get} hashes each block it reads (default true). Turning it off trusts the
         * disk: a corrupt file is then returned as it is.
         *
         * @param verify false to trust the disk
         * @return this builder
         */
        public Builder verifyReads(boolean verify) {
            this.verifyReads = verify;
            return this;
        }

        /**
         * Whether writes are fsynced before they are renamed into place (default true). Without it
         * a power loss may leave an empty or partial block file, which reads then detect as corrupt
         * (when verifying) and delete.
         *
         * @param fsync false to skip the fsync
         * @return this builder
         */
        public Builder fsync(boolean fsync) {
            this.fsync = fsync;
            return this;
        }

        Builder writer(AtomicFiles.TempWriter writer) {
            this.writer = Objects.requireNonNull(writer, "writer == null");
            return this;
        }

        /**
         * Opens (creating if needed) the store with these options.
         *
         * @return the store
         * @throws IOException when the directory cannot be created or read
         */
        public FileBlockstore open() throws IOException {
            Files.createDirectories(directory.resolve("blocks"));
            Path lockFile = directory.resolve("LOCK");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new IOException("blockstore " + directory + " is already open in this JVM; share that instance");
            } catch (IOException e) {
                channel.close();
                throw new IOException("cannot lock " + lockFile + ": " + e, e);
            }
            if (lock == null) {
                channel.close();
                throw new IOException("blockstore " + directory + " is in use by another process (it holds "
                        + lockFile + ")");
            }
            try {
                checkSharding(directory.resolve("blocks").resolve("SHARDING"));
                removeTempFiles(directory);
                return new FileBlockstore(this, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        private void checkSharding(Path file) throws IOException {
            if (Files.exists(file)) {
                String found = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!found.equals(FlatFsLayout.SHARDING)) {
                    throw new IOException(file + " says \"" + found + "\"; this store only reads "
                            + FlatFsLayout.SHARDING);
                }
            } else {
                AtomicFiles.write(file, (FlatFsLayout.SHARDING + "\n").getBytes(StandardCharsets.UTF_8), fsync,
                        AtomicFiles.CHANNEL_WRITER);
            }
        }

        /** Temporary files are only ever left by a crash: nothing else writes here while we hold LOCK. */
        private static void removeTempFiles(Path directory) throws IOException {
            int removed = deleteTemps(directory);
            try (DirectoryStream<Path> shards = Files.newDirectoryStream(directory.resolve("blocks"),
                    Files::isDirectory)) {
                for (Path shard : shards) {
                    removed += deleteTemps(shard);
                }
            }
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted write in {}", removed, directory);
            }
        }

        private static int deleteTemps(Path folder) throws IOException {
            int removed = 0;
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "*" + AtomicFiles.TEMP_SUFFIX)) {
                for (Path temp : temps) {
                    if (Files.deleteIfExists(temp)) {
                        removed++;
                    }
                }
            }
            return removed;
        }
    }

    /**
     * The directory the block files live in.
     *
     * @return the absolute path
     */
    public Path directory() {
        return directory;
    }

    /**
     * Where the block with this multihash is (or would be) stored.
     *
     * @param cid the block's CID
     * @return the block file's path
     */
    public Path pathOf(Cid cid) {
        return layout.pathOf(cid.multihash());
    }

    @Override
    public boolean has(Cid cid) {
        checkOpen();
        return cid.isIdentity() || Files.exists(layout.pathOf(cid.multihash()));
    }

    @Override
    public Optional<byte[]> get(Cid cid) throws IOException {
        checkOpen();
        if (cid.isIdentity()) {
            return Optional.of(cid.identityData());
        }
        Path path = layout.pathOf(cid.multihash());
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (verifyReads && !cid.matches(data)) {
            dropCorrupt(cid, path);
            return Optional.empty();
        }
        return Optional.of(data);
    }

    /** Deletes a block file that does not hash to its name, unless a put has repaired it meanwhile. */
    private void dropCorrupt(Cid cid, Path path) throws IOException {
        guard.locked(cid.multihash(), () -> {
            byte[] again;
            try {
                again = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                return null;
            }
            if (cid.matches(again)) {
                return null;
            }
            boolean deleted = false;
            try {
                deleted = Files.deleteIfExists(path);
            } catch (IOException e) {
                deleted = false;
            }
            if (reportedCorrupt.add(cid.multihash())) {
                log.warn("Block file {} ({} bytes) does not hash to {}; {}", path, again.length, cid,
                        deleted ? "deleted it" : "could not delete it, treating it as absent");
            }
            return null;
        });
    }

    @Override
    public long size(Cid cid) throws IOException {
        checkOpen();
        if (cid.isIdentity()) {
            return cid.identityData().length;
        }
        try {
            return Files.size(layout.pathOf(cid.multihash()));
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /**
     * Stores a block after checking that it hashes to {@code cid} ({@code BlockMismatchException}
     * otherwise). When the write fails (disk full, say) no partial file is left and the
     * {@link IOException} names the block's path.
     */
    @Override
    public void put(Cid cid, byte[] data) throws IOException {
        checkOpen();
        cid.verify(data);
        if (cid.isIdentity()) {
            return;
        }
        Multihash key = cid.multihash();
        Path path = layout.pathOf(key);
        guard.locked(key, () -> {
            if (!Files.exists(path)) {
                Files.createDirectories(path.getParent());
                AtomicFiles.write(path, data, fsync, writer);
                reportedCorrupt.remove(key);
            }
            guard.recordPut(key);
            return null;
        });
    }

    @Override
    public boolean delete(Cid cid) throws IOException {
        checkOpen();
        if (cid.isIdentity()) {
            return false;
        }
        Path path = layout.pathOf(cid.multihash());
        return guard.locked(cid.multihash(), () -> Files.deleteIfExists(path));
    }

    /**
     * Every stored block, as a CIDv1 with the raw codec: files are keyed on the multihash alone,
     * so the codec a block was put under is not kept (Kubo does the same). The stream reads the
     * folders lazily; close it.
     */
    @Override
    public Stream<Cid> cids() throws IOException {
        checkOpen();
        Stream<Path> shards = Files.list(layout.blocks()).filter(Files::isDirectory);
        return shards.flatMap(shard -> {
            try {
                return Files.list(shard);
            } catch (NoSuchFileException e) {
                return Stream.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + shard, e);
            }
        }).flatMap(file -> FlatFsLayout.keyOf(file).stream()).map(mh -> Cid.v1(Multicodec.RAW, mh));
    }

    @Override
    public PinSet pins() {
        checkOpen();
        return pins;
    }

    @Override
    public GcReport collectGarbage() throws IOException {
        checkOpen();
        return collector.collect();
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    @Override
    public String toString() {
        return "FileBlockstore[" + directory + "]";
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    GarbageCollector collector() {
        return collector;
    }

    private final class CollectorTarget implements GarbageCollector.Target {
        @Override
        public PinSet pins() {
            return pins;
        }

        @Override
        public SweepGuard guard() {
            return guard;
        }

        @Override
        public Stream<Cid> cids() throws IOException {
            return FileBlockstore.this.cids();
        }

        @Override
        public Optional<byte[]> get(Cid cid) throws IOException {
            return FileBlockstore.this.get(cid);
        }

        @Override
        public long deleteUnlessProtected(Cid cid) throws IOException {
            if (guard.wasPutWhileProtected(cid.multihash())) {
                return -1;
            }
            Path path = layout.pathOf(cid.multihash());
            long size;
            try {
                size = Files.size(path);
            } catch (NoSuchFileException e) {
                return -1;
            }
            return Files.deleteIfExists(path) ? size : -1;
        }
    }
}
