package dev.bacalhau4j.ipfs.fuse;

import static dev.bacalhau4j.ipfs.fuse.FuseTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real FUSE: one temp tree mounted once, then read from this JVM and from child processes
 * ({@code ls}, {@code stat}, {@code cat}, {@code sha256sum}, {@code dd}, a non-root reader).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuseMountTest {
    private static final int BIG = 8 * 1024 * 1024 + 12_345;
    private static final int MEDIUM = 3_000_001;

    @TempDir
    static Path tmp;
    Path src;
    Path mnt;
    FuseMount mount;

    @BeforeAll
    void mountTree() throws IOException {
        FuseTestSupport.requireFuse();
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x")); // let 'nobody' reach the mount
        src = Files.createDirectories(tmp.resolve("src"));
        mnt = Files.createDirectories(tmp.resolve("mnt"));
        Random random = new Random(42);
        Files.write(src.resolve("empty"), new byte[0]);
        Files.writeString(src.resolve("hello.txt"), "hello\n");
        Files.write(src.resolve("medium.bin"), bytes(random, MEDIUM));
        Files.createDirectories(src.resolve("a/b/c"));
        Files.write(src.resolve("a/b/c/big.bin"), bytes(random, BIG));
        Files.writeString(src.resolve("a/b/note with spaces é.txt"), "spaces and accents\n");
        Files.writeString(src.resolve("a/run.sh"), "#!/bin/sh\necho ran\n");
        Files.setPosixFilePermissions(src.resolve("a/run.sh"), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(src.resolve("emptydir"));
        Files.createSymbolicLink(src.resolve("link-in"), Path.of("a/b/c/big.bin"));
        Files.createSymbolicLink(src.resolve("link-out"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(src.resolve("link-dangling"), Path.of("/nonexistent/secret"));
        mount = FuseMount.mount(src, mnt, FuseMountOptions.builder().maxThreads(8).build());
    }

    @AfterAll
    void unmount() throws IOException {
        if (mount != null) {
            mount.close();
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void shouldListLikeTheSourceWhenListedFromJava() throws IOException {
        assertThat(names(mnt)).containsExactlyElementsOf(names(src));
        assertThat(names(mnt.resolve("a/b"))).containsExactly("c", "note with spaces é.txt");
        assertThat(names(mnt.resolve("emptydir"))).isEmpty();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldReportSizesTypesAndReadOnlyModes() throws IOException {
        for (String f : List.of("empty", "hello.txt", "medium.bin", "a/b/c/big.bin", "a/b/note with spaces é.txt")) {
            assertThat(Files.size(mnt.resolve(f))).as(f).isEqualTo(Files.size(src.resolve(f)));
            assertThat(Files.isRegularFile(mnt.resolve(f), LinkOption.NOFOLLOW_LINKS)).as(f).isTrue();
        }
        assertThat(Files.isDirectory(mnt.resolve("a/b/c"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mnt.resolve("hello.txt"))))
                .isEqualTo("r--r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mnt.resolve("a/run.sh"))))
                .isEqualTo("r-xr--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mnt.resolve("a"))))
                .isEqualTo("r-xr-xr-x");
        assertThatThrownBy(() -> Files.size(mnt.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldReadTheSameBytesFromJava() throws Exception {
        for (String f : List.of("empty", "hello.txt", "medium.bin", "a/b/c/big.bin", "link-in")) {
            assertThat(sha256(Files.readAllBytes(mnt.resolve(f)))).as(f).isEqualTo(sha256(Files.readAllBytes(src.resolve(f))));
        }
    }

    @Test
    void shouldServeChildProcesses() throws Exception {
        FuseTestSupport.Result ls = run("ls", "-la", mnt.toString());
        assertThat(ls.exit()).as(ls.err()).isZero();
        assertThat(ls.out()).contains("hello.txt").contains("link-out -> /etc/passwd").contains("emptydir");

        FuseTestSupport.Result stat = run("stat", "-c", "%s %F %a", mnt.resolve("medium.bin").toString(),
                mnt.resolve("empty").toString(), mnt.resolve("a").toString(), mnt.resolve("link-out").toString());
        assertThat(stat.out().lines()).containsExactly(MEDIUM + " regular file 444", "0 regular empty file 444",
                "0 directory 555", "11 symbolic link 777");

        FuseTestSupport.Result cat = run("cat", mnt.resolve("hello.txt").toString());
        assertThat(cat.out()).isEqualTo("hello\n");

        FuseTestSupport.Result sums = run("sha256sum", mnt.resolve("a/b/c/big.bin").toString(),
                mnt.resolve("medium.bin").toString(), mnt.resolve("a/b/note with spaces é.txt").toString());
        assertThat(sums.exit()).as(sums.err()).isZero();
        assertThat(sums.out()).contains(sha256(Files.readAllBytes(src.resolve("a/b/c/big.bin"))))
                .contains(sha256(Files.readAllBytes(src.resolve("medium.bin"))))
                .contains(sha256(Files.readAllBytes(src.resolve("a/b/note with spaces é.txt"))));

        FuseTestSupport.Result sh = run("sh", mnt.resolve("a/run.sh").toString());
        assertThat(sh.out()).isEqualTo("ran\n");
    }

    @Test
    void shouldReadRandomRangesWithDd() throws Exception {
        byte[] big = Files.readAllBytes(src.resolve("a/b/c/big.bin"));
        for (int[] r : new int[][] {{4096, 123, 7}, {1, 5_000_001, 3}, {65536, 100, 2}, {4096, 2051, 10}}) {
            int bs = r[0];
            FuseTestSupport.Result dd = run("dd", "if=" + mnt.resolve("a/b/c/big.bin"), "bs=" + bs, "skip=" + r[1],
                    "count=" + r[2], "status=none");
            assertThat(dd.exit()).as(dd.err()).isZero();
            int from = Math.min(bs * r[1], big.length);
            int to = Math.min(from + bs * r[2], big.length);
            assertThat(dd.stdout()).as("dd bs=%d skip=%d count=%d", bs, r[1], r[2])
                    .isEqualTo(java.util.Arrays.copyOfRange(big, from, to));
        }
    }

    @Test
    void shouldReadRandomRangesFromJava() throws IOException {
        byte[] big = Files.readAllBytes(src.resolve("a/b/c/big.bin"));
        Random random = new Random(7);
        try (FileChannel ch = FileChannel.open(mnt.resolve("a/b/c/big.bin"), StandardOpenOption.READ)) {
            for (int i = 0; i < 200; i++) {
                int off = random.nextInt(big.length + 100);
                int len = 1 + random.nextInt(300_000);
                ByteBuffer buf = ByteBuffer.allocate(len);
                int n = ch.read(buf, off);
                int expected = Math.max(0, Math.min(len, big.length - off));
                if (expected == 0) {
                    assertThat(n).isEqualTo(-1);
                    continue;
                }
                // a short read is allowed; its bytes must match
                assertThat(n).isPositive().isLessThanOrEqualTo(expected);
                assertThat(java.util.Arrays.copyOf(buf.array(), n))
                        .isEqualTo(java.util.Arrays.copyOfRange(big, off, off + n));
            }
        }
    }

    @Test
    void shouldServeConcurrentReadersAtDifferentOffsets() throws Exception {
        byte[] big = Files.readAllBytes(src.resolve("a/b/c/big.bin"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(id);
                    int checked = 0;
                    try (FileChannel ch = FileChannel.open(mnt.resolve("a/b/c/big.bin"), StandardOpenOption.READ)) {
                        for (int i = 0; i < 100; i++) {
                            int off = random.nextInt(big.length);
                            ByteBuffer buf = ByteBuffer.allocate(Math.min(1 + random.nextInt(200_000), big.length - off));
                            while (buf.hasRemaining()) {
                                if (ch.read(buf, off + buf.position()) < 0) {
                                    break;
                                }
                            }
                            assertThat(buf.array()).isEqualTo(java.util.Arrays.copyOfRange(big, off, off + buf.capacity()));
                            checked += buf.capacity();
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseWritesWithReadOnlyFileSystem() throws Exception {
        String file = mnt.resolve("hello.txt").toString();
        List<String[]> writes = List.of(
                new String[] {"touch", mnt.resolve("new").toString()},
                new String[] {"touch", file},
                new String[] {"sh", "-c", "echo x > '" + file + "'"},
                new String[] {"sh", "-c", "echo x >> '" + file + "'"},
                new String[] {"mkdir", mnt.resolve("newdir").toString()},
                new String[] {"rm", "-f", file},
                new String[] {"rmdir", mnt.resolve("emptydir").toString()},
                new String[] {"mv", file, mnt.resolve("moved").toString()},
                new String[] {"chmod", "777", file},
                new String[] {"ln", "-s", "x", mnt.resolve("newlink").toString()},
                new String[] {"truncate", "-s", "0", file});
        for (String[] w : writes) {
            FuseTestSupport.Result r = run(w);
            assertThat(r.exit()).as(String.join(" ", w)).isNotZero();
            assertThat(r.err()).as(String.join(" ", w)).contains("Read-only file system");
        }
        assertThatThrownBy(() -> Files.writeString(mnt.resolve("hello.txt"), "x"))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("Read-only file system");
        assertThatThrownBy(() -> Files.createFile(mnt.resolve("created")))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("Read-only file system");
        assertThat(Files.readString(mnt.resolve("hello.txt"))).isEqualTo("hello\n");
        assertThat(Files.readString(src.resolve("hello.txt"))).isEqualTo("hello\n");
    }

    @Test
    void shouldShowSymlinksAsLinksWithoutFollowingThem() throws Exception {
        assertThat(Files.isSymbolicLink(mnt.resolve("link-out"))).isTrue();
        assertThat(Files.readSymbolicLink(mnt.resolve("link-out"))).isEqualTo(Path.of("/etc/passwd"));
        assertThat(Files.readSymbolicLink(mnt.resolve("link-dangling"))).isEqualTo(Path.of("/nonexistent/secret"));
        assertThat(Files.readSymbolicLink(mnt.resolve("link-in"))).isEqualTo(Path.of("a/b/c/big.bin"));
        // the mount reports the link itself (size = target length), never what it points to
        assertThat(Files.readAttributes(mnt.resolve("link-out"), "size", LinkOption.NOFOLLOW_LINKS).get("size"))
                .isEqualTo(11L);
        FuseTestSupport.Result readlink = run("readlink", mnt.resolve("link-dangling").toString());
        assertThat(readlink.out()).isEqualTo("/nonexistent/secret\n");
        FuseTestSupport.Result cat = run("cat", mnt.resolve("link-dangling").toString());
        assertThat(cat.exit()).isNotZero(); // the kernel resolves it on the host, where it does not exist
        assertThat(Files.exists(mnt.resolve("link-in"))).isTrue();
    }

    @Test
    void shouldLetOtherUsersReadThroughAllowOther() throws Exception {
        FuseTestSupport.Result r = run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "cat", mnt.resolve("hello.txt").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello\n");
        FuseTestSupport.Result w = run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "touch", mnt.resolve("hello.txt").toString());
        assertThat(w.exit()).isNotZero();
    }

    @Test
    void shouldListTheMountInMountinfoAsFuseIpfs() throws IOException {
        assertThat(FuseTestSupport.mountsAt(mnt)).anySatisfy(e -> {
            assertThat(e.fsType()).isEqualTo("fuse.ipfs");
            assertThat(e.source()).isEqualTo("bacalhau4j");
        });
        assertThat(mount.isServing()).isTrue();
        assertThat(new String(Files.readAllBytes(mnt.resolve("hello.txt")), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }
}
