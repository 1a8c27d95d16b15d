package dev.bacalhau4j.ipfs.fs;

import dev.bacalhau4j.ipfs.block.BlockNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.exporter.CorruptDagException;
import dev.bacalhau4j.ipfs.exporter.CountingBlockstore;
import dev.bacalhau4j.ipfs.exporter.Dags;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixFsFileSystemTest {
    private final MemoryBlockstore memory = new MemoryBlockstore();
    private final CountingBlockstore store = new CountingBlockstore(memory);
    private final Dags dags = new Dags(store);
    private final UnixFsFileSystem fs = UnixFsFileSystem.open(store, 0);
    private final byte[] big = random(50_000, 11);
    private final Cid bigCid = dags.file(big, 1_000, 8);
    private final Cid hello = dags.text("hello\n");
    private final Cid raw = dags.putRaw("raw bytes".getBytes(StandardCharsets.UTF_8));
    private final Cid sharded;
    private final Cid root;

    @TempDir
    Path tmp;

    UnixFsFileSystemTest() {
        Map<String, Cid> many = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("e" + i, dags.text("entry " + i));
        }
        sharded = dags.hamt(many, 256);
        Cid sub = dags.dir(Map.of(
                "b.txt", dags.text("bee"),
                "up", dags.symlink("../hello.txt"),
                "escape", dags.symlink("../../other"),
                "abs", dags.symlink("/etc/passwd"),
                "loop", dags.symlink("loop")));
        root = dags.dir(Map.of("hello.txt", hello, "big.bin", bigCid, "raw", raw, "sub", sub, "many", sharded,
                "link-to-sub", dags.symlink("sub")));
    }

    @AfterEach
    void close() {
        fs.close();
    }

    private static byte[] random(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }

    private Path p(String more) {
        return fs.getPath("/" + root + more);
    }

    @Test
    void shouldReadFilesDirectoriesAndRawBlocksThroughFilesApi() throws Exception {
        assertThat(Files.readString(p("/hello.txt"))).isEqualTo("hello\n");
        assertThat(Files.readAllBytes(p("/big.bin"))).isEqualTo(big);
        assertThat(Files.readString(fs.getPath(raw))).isEqualTo("raw bytes");
        assertThat(Files.readString(fs.getPath(sharded, "e42"))).isEqualTo("entry 42");
        assertThat(Files.isDirectory(p(""))).isTrue();
        assertThat(Files.isRegularFile(p("/raw"))).isTrue();
        assertThat(Files.size(p("/big.bin"))).isEqualTo(50_000);
        assertThat(Files.exists(p("/nope"))).isFalse();
        assertThat(Files.notExists(p("/nope"))).isTrue();
        assertThatThrownBy(() -> Files.readString(p("/sub/nope"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no entry \"nope\"");
        assertThatThrownBy(() -> Files.readString(fs.getPath("/not-a-cid/x"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("must be a CID");
        assertThatThrownBy(() -> Files.readString(p(""))).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void shouldGiveStableBasicAttributes() throws Exception {
        BasicFileAttributes file = Files.readAttributes(p("/big.bin"), BasicFileAttributes.class);
        assertThat(file.isRegularFile()).isTrue();
        assertThat(file.isDirectory()).isFalse();
        assertThat(file.size()).isEqualTo(50_000);
        assertThat(file.lastModifiedTime()).isEqualTo(FileTime.fromMillis(0));
        assertThat(file.creationTime()).isEqualTo(FileTime.fromMillis(0));
        assertThat(file.fileKey()).isEqualTo(bigCid);
        assertThat(Files.readAttributes(fs.getPath(bigCid), BasicFileAttributes.class).fileKey()).isEqualTo(bigCid);
        BasicFileAttributes dir = Files.readAttributes(p("/many"), BasicFileAttributes.class);
        assertThat(dir.isDirectory()).isTrue();
        assertThat(dir.size()).isZero();
        BasicFileAttributes rootAttrs = Files.readAttributes(fs.getPath("/"), BasicFileAttributes.class);
        assertThat(rootAttrs.isDirectory()).isTrue();
        assertThat(Files.readAttributes(p("/hello.txt"), "basic:size,isDirectory"))
                .containsEntry("size", 6L).containsEntry("isDirectory", false);
        assertThat(Files.readAttributes(p("/hello.txt"), "*")).containsKeys("fileKey", "lastAccessTime");
        assertThat(Files.getLastModifiedTime(p("/sub"))).isEqualTo(FileTime.fromMillis(0));
    }

    @Test
    void shouldListDirectoriesSortedAndRootEmpty() throws Exception {
        try (Stream<Path> s = Files.list(p(""))) {
            assertThat(s.map(x -> x.getFileName().toString()))
                    .containsExactly("big.bin", "hello.txt", "link-to-sub", "many", "raw", "sub");
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p("/many"), "e1*")) {
            List<String> names = new ArrayList<>();
            s.forEach(x -> names.add(x.getFileName().toString()));
            assertThat(names).containsExactly("e1", "e10", "e11", "e12", "e13", "e14", "e15", "e16", "e17", "e18", "e19");
        }
        try (Stream<Path> s = Files.list(fs.getPath("/"))) {
            assertThat(s).isEmpty();
        }
        try (Stream<Path> s = Files.list(p("/link-to-sub"))) {
            assertThat(s.map(Path::toString)).first().isEqualTo("/" + root + "/link-to-sub/abs");
        }
        assertThatThrownBy(() -> Files.newDirectoryStream(p("/hello.txt"))).isInstanceOf(NotDirectoryException.class);
        try (Stream<Path> walk = Files.walk(p(""))) {
            // hello, big, raw, sub/b.txt, sub/up (a link to hello.txt), 100 in many
            assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(5 + 100);
        }
    }

    @Test
    void shouldSeekAndReadLazilyThroughChannels() throws Exception {
        store.reset();
        try (SeekableByteChannel ch = Files.newByteChannel(fs.getPath(bigCid))) {
            int opened = store.gets();
            assertThat(opened).as("stat, then the reader's root").isEqualTo(2);
            assertThat(ch.size()).isEqualTo(50_000);
            ByteBuffer buf = ByteBuffer.allocate(100);
            ch.position(31_950);
            assertThat(ch.read(buf)).isEqualTo(100);
            assertThat(buf.array()).isEqualTo(Arrays.copyOfRange(big, 31_950, 32_050));
            assertThat(ch.position()).isEqualTo(32_050);
            // leaves 31 and 32 of 50, under inner nodes 3 and 4 (8 leaves each) of the root
            assertThat(store.gets() - opened).isEqualTo(4);
            ch.position(60_000);
            assertThat(ch.read(buf.clear())).isEqualTo(-1);
        }
        try (FileChannel ch = FileChannel.open(p("/big.bin"), StandardOpenOption.READ)) {
            ByteBuffer direct = ByteBuffer.allocateDirect(10);
            assertThat(ch.read(direct, 49_995)).isEqualTo(5);
            direct.flip();
            byte[] got = new byte[5];
            direct.get(got);
            assertThat(got).isEqualTo(Arrays.copyOfRange(big, 49_995, 50_000));
            assertThat(ch.position()).isZero();
            assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> ch.lock()).isInstanceOf(NonWritableChannelException.class);
            assertThat(ch.lock(0, 10, true).isShared()).isTrue();
            Path copy = tmp.resolve("copy");
            try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                assertThat(ch.transferTo(100, 200_000, out)).isEqualTo(49_900);
            }
            assertThat(Files.readAllBytes(copy)).isEqualTo(Arrays.copyOfRange(big, 100, 50_000));
        }
    }

    @Test
    void shouldNotReadABlockTwiceWhenTheSmallBlockCacheIsOn() throws Exception {
        try (UnixFsFileSystem cached = UnixFsFileSystem.open(store)) {
            Path file = cached.getPath(root, "sub", "b.txt");
            store.reset();
            for (int i = 0; i < 5; i++) {
                assertThat(Files.readString(file)).isEqualTo("bee");
                assertThat(Files.isSymbolicLink(file)).isFalse();
            }
            // root, sub, b.txt
            assertThat(store.gets()).isEqualTo(3);
        }
    }

    @Test
    void shouldRefuseEveryWrite() throws Exception {
        Path file = p("/hello.txt");
        assertThat(fs.isReadOnly()).isTrue();
        assertThatThrownBy(() -> Files.writeString(file, "x")).isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> Files.newOutputStream(p("/new"))).isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> Files.createDirectory(p("/d"))).isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> Files.delete(file)).isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> Files.copy(file, p("/c"))).isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> Files.move(file, p("/c"))).isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> Files.setLastModifiedTime(file, FileTime.fromMillis(5)))
                .isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> Files.createSymbolicLink(p("/l"), file)).isInstanceOf(ReadOnlyFileSystemException.class);
        assertThatThrownBy(() -> fs.provider().checkAccess(file, AccessMode.WRITE)).isInstanceOf(AccessDeniedException.class);
        assertThat(Files.isWritable(file)).isFalse();
        assertThat(Files.isReadable(file)).isTrue();
        assertThat(Files.isExecutable(file)).isFalse();
        assertThat(Files.isExecutable(p("/sub"))).isTrue();
        assertThat(fs.getFileStores().iterator().next().isReadOnly()).isTrue();
        // copying out to the default file system works
        Files.copy(p("/big.bin"), tmp.resolve("out.bin"));
        assertThat(Files.readAllBytes(tmp.resolve("out.bin"))).isEqualTo(big);
    }

    @Test
    void shouldFollowSymlinksOnlyInsideTheirDag() throws Exception {
        assertThat(Files.isSymbolicLink(p("/sub/up"))).isTrue();
        assertThat(Files.readString(p("/sub/up"))).isEqualTo("hello\n");
        assertThat(Files.readSymbolicLink(p("/sub/up"))).hasToString("../hello.txt");
        assertThat(p("/sub/up").toRealPath()).isEqualTo(p("/hello.txt"));
        assertThat(p("/sub/up").toRealPath(LinkOption.NOFOLLOW_LINKS)).isEqualTo(p("/sub/up"));
        assertThat(Files.readString(p("/link-to-sub/b.txt"))).isEqualTo("bee");
        assertThat(Files.size(p("/sub/up"))).isEqualTo(6);
        assertThat(Files.readAttributes(p("/sub/up"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size())
                .isEqualTo(12);
        assertThatThrownBy(() -> Files.readString(p("/sub/escape"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("leads outside its DAG");
        assertThatThrownBy(() -> Files.readString(p("/sub/abs"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("leads outside its DAG");
        assertThatThrownBy(() -> p("/sub/escape").toRealPath()).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.readString(p("/sub/loop"))).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("too many levels of symbolic links");
        assertThat(Files.exists(p("/sub/escape"))).isFalse();
        assertThat(Files.exists(p("/sub/escape"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThatThrownBy(() -> Files.newByteChannel(p("/sub/up"), LinkOption.NOFOLLOW_LINKS))
                .hasMessageContaining("is a symbolic link");
    }

    @Test
    void shouldReportASymlinkTargetHoldingNulAsACorruptDagNamingTheEntry() throws Exception {
        Cid nul = dags.symlink("sub/a\0b");
        Cid dir = dags.dir(Map.of("bad", nul, "ok", dags.text("ok")));
        Path bad = fs.getPath(dir, "bad");
        assertThat(Files.isSymbolicLink(bad)).isTrue();
        assertThatThrownBy(() -> Files.readSymbolicLink(bad))
                .isInstanceOfSatisfying(CorruptDagException.class, e -> assertThat(e.cid()).isEqualTo(nul))
                .hasMessageContaining("/" + dir + "/bad")
                .hasMessageContaining("\"sub/a\\u0000b\"");
        assertThatThrownBy(() -> Files.readString(bad)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("invalid name");
        assertThat(Files.readString(fs.getPath(dir, "ok"))).isEqualTo("ok");
    }

    @Test
    void shouldReportAMissingBlockByCid() throws Exception {
        Cid absent = Cid.raw("absent".getBytes(StandardCharsets.UTF_8));
        Cid dir = dags.dir(Map.of("gone", absent));
        assertThat(Files.isDirectory(fs.getPath(dir))).isTrue();
        assertThatThrownBy(() -> Files.readAllBytes(fs.getPath(dir, "gone")))
                .isInstanceOfSatisfying(BlockNotFoundException.class, e -> assertThat(e.cid()).isEqualTo(absent));
    }

    @Test
    void shouldCloseIdempotentlyAndLeaveTheBlockstoreOpen() throws Exception {
        boolean[] closed = {false};
        MemoryBlockstore inner = new MemoryBlockstore();
        var watched = new dev.bacalhau4j.ipfs.block.Blockstore() {
            public boolean has(Cid cid) { return inner.has(cid); }
            public java.util.Optional<byte[]> get(Cid cid) { return inner.get(cid); }
            public long size(Cid cid) { return inner.size(cid); }
            public void put(Cid cid, byte[] data) { inner.put(cid, data); }
            public boolean delete(Cid cid) { return inner.delete(cid); }
            public Stream<Cid> cids() { return inner.cids(); }
            @Override public void close() { closed[0] = true; }
        };
        UnixFsFileSystem other = UnixFsFileSystem.open(watched);
        Path path = other.getPath(new Dags(watched).text("x"));
        SeekableByteChannel ch = Files.newByteChannel(path);
        other.close();
        other.close();
        assertThat(other.isOpen()).isFalse();
        assertThat(closed[0]).isFalse();
        assertThatThrownBy(() -> Files.readString(path)).isInstanceOf(ClosedFileSystemException.class);
        assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedFileSystemException.class);
    }

    @Test
    void shouldServeManyConcurrentReaders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FileChannel shared = FileChannel.open(fs.getPath(bigCid))) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 200; i++) {
                        int at = r.nextInt(big.length);
                        int len = Math.min(big.length - at, 1 + r.nextInt(3_000));
                        ByteBuffer buf = ByteBuffer.allocate(len);
                        FileChannel ch = seed % 2 == 0 ? shared : FileChannel.open(fs.getPath(bigCid));
                        while (buf.hasRemaining()) {
                            ch.read(buf, at + buf.position());
                        }
                        if (ch != shared) {
                            ch.close();
                        }
                        assertThat(buf.array()).isEqualTo(Arrays.copyOfRange(big, at, at + len));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldCreateFileSystemsFromAUriAndEnvironment() throws Exception {
        UnixFsFileSystemProvider provider = new UnixFsFileSystemProvider();
        assertThatThrownBy(() -> provider.newFileSystem(URI.create("ipfs:/"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockstore");
        try (UnixFsFileSystem made = provider.newFileSystem(URI.create("ipfs:/"), Map.of("blockstore", store))) {
            assertThat(provider.getFileSystem(URI.create("ipfs:/"))).isSameAs(made);
            Path path = made.getPath(root, "hello.txt");
            assertThat(path.toUri()).hasToString("ipfs:/" + root + "/hello.txt");
            assertThat(provider.getPath(path.toUri())).isEqualTo(path);
            assertThat(provider.getPath(URI.create("ipfs://" + root + "/hello.txt"))).isEqualTo(path);
            assertThat(Files.readString(provider.getPath(path.toUri()))).isEqualTo("hello\n");
        }
        assertThatThrownBy(() -> provider.getFileSystem(URI.create("ipfs:/")))
                .isInstanceOf(java.nio.file.FileSystemNotFoundException.class);
    }

    @Test
    void shouldHandlePathsLikeTheJdk() throws IOException {
        Path a = fs.getPath("/x/y/../z/./w");
        assertThat(a.normalize()).hasToString("/x/z/w");
        assertThat(fs.getPath("/..").normalize()).hasToString("/");
        assertThat(fs.getPath("../a").normalize()).hasToString("../a");
        assertThat(fs.getPath("/a/b").relativize(fs.getPath("/a/c/d"))).hasToString("../c/d");
        assertThat(fs.getPath("/a").resolve("b/c")).hasToString("/a/b/c");
        assertThat(fs.getPath("/a").resolve("/q")).hasToString("/q");
        assertThat(fs.getPath("/a/b").startsWith("/a")).isTrue();
        assertThat(fs.getPath("/a/bc").startsWith("/a/b")).isFalse();
        assertThat(fs.getPath("/a/b").endsWith("b")).isTrue();
        assertThat(fs.getPath("/a/b").getParent()).hasToString("/a");
        assertThat(fs.getPath("/").getParent()).isNull();
        assertThat(fs.getPath("/").getFileName()).isNull();
        assertThat(fs.getPath("a", "b", "c").getNameCount()).isEqualTo(3);
        assertThat(fs.getPath("a/b").toAbsolutePath()).hasToString("/a/b");
        assertThat(fs.getPath("").getNameCount()).isEqualTo(1);
        assertThat(fs.getPath("a/b").getRoot()).isNull();
        assertThat(fs.getPath("/a/b/c").subpath(1, 3)).hasToString("b/c");
        assertThat(fs.getPath("/a/b").resolveSibling("x")).hasToString("/a/x");
        assertThat(fs.getPathMatcher("glob:/*/**.txt").matches(p("/sub/b.txt"))).isTrue();
        assertThat(fs.getPathMatcher("glob:*.{txt,bin}").matches(fs.getPath("a.bin"))).isTrue();
        assertThat(fs.getPathMatcher("regex:.*b\\.txt").matches(p("/sub/b.txt"))).isTrue();
        assertThat(p("/sub/../hello.txt").toRealPath()).isEqualTo(p("/hello.txt"));
        assertThat(fs.getPath("/").toRealPath()).hasToString("/");
        assertThat(Files.isSameFile(p("/hello.txt"), fs.getPath(hello))).isTrue();
        assertThat(Files.isSameFile(p("/hello.txt"), p("/raw"))).isFalse();
        assertThatThrownBy(() -> fs.getPath("a\0b")).isInstanceOf(java.nio.file.InvalidPathException.class);
    }
}
