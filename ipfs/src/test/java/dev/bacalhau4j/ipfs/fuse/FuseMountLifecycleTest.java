package dev.bacalhau4j.ipfs.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real FUSE: mounting, closing (also while busy), and cleaning up after a killed JVM. */
class FuseMountLifecycleTest {
    @TempDir
    Path tmp;
    Path src;
    Path mnt;

    @BeforeEach
    void tree() throws IOException {
        FuseTestSupport.requireFuse();
        src = Files.createDirectories(tmp.resolve("src"));
        mnt = Files.createDirectories(tmp.resolve("mnt"));
        Files.writeString(src.resolve("hello.txt"), "hello\n");
        byte[] big = new byte[4 * 1024 * 1024];
        new Random(1).nextBytes(big);
        Files.write(src.resolve("big.bin"), big);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldUnmountOnCloseAndLeaveTheMountPointEmpty() throws IOException {
        FuseMount mount = FuseMount.mount(src, mnt);
        assertThat(names(mnt)).containsExactly("big.bin", "hello.txt");
        assertThat(FuseTestSupport.mountsAt(mnt)).hasSize(1);

        mount.close();

        assertThat(FuseTestSupport.mountsAt(mnt)).isEmpty();
        assertThat(names(mnt)).isEmpty();
        assertThat(mount.isServing()).isFalse();
        mount.close(); // idempotent
    }

    @Test
    void shouldCloseQuicklyWhileAFileIsStillOpenOnTheMount() throws IOException {
        FuseMount mount = FuseMount.mount(src, mnt, FuseMountOptions.builder().closeTimeout(Duration.ofSeconds(120)).build());
        FileChannel open = FileChannel.open(mnt.resolve("big.bin"), StandardOpenOption.READ);
        try {
            assertThat(open.read(ByteBuffer.allocate(10), 0)).isEqualTo(10);

            long start = System.nanoTime();
            mount.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // far below the 120 s close timeout: close did not wait for the open file
            assertThat(millis).as("close took %d ms", millis).isLessThan(30_000);
            assertThat(mount.isServing()).isFalse();
            assertThat(FuseTestSupport.mountsAt(mnt)).isEmpty();
            assertThat(names(mnt)).isEmpty();
            // bytes never read were never cached; the server is gone, so this read fails
            assertThatThrownBy(() -> open.read(ByteBuffer.allocate(10), 3 * 1024 * 1024))
                    .isInstanceOf(IOException.class).hasMessageContaining("Transport endpoint is not connected");
        } finally {
            try {
                open.close();
            } catch (IOException expected) {
                // close(2) flushes through the dead connection: ENOTCONN
            }
        }
    }

    @Test
    void shouldNotLeaveThreadsBehindAfterRepeatedMounts() throws Exception {
        for (int i = 0; i < 4; i++) {
            try (FuseMount mount = FuseMount.mount(src, mnt)) {
                assertThat(Files.readString(mount.mountPoint().resolve("hello.txt"))).isEqualTo("hello\n");
                assertThat(Files.readAllBytes(mount.mountPoint().resolve("big.bin"))).hasSize(4 * 1024 * 1024);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("bacalhau4j-fuse")).toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(left).isEmpty();
    }

    @Test
    void shouldUnmountAtJvmExitWithoutClose() throws Exception {
        Process child = startChild("exit");
        try {
            awaitMounted(child);
            assertThat(names(mnt)).containsExactly("big.bin", "hello.txt");
            child.getOutputStream().write('\n');
            child.getOutputStream().flush();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
        assertThat(FuseTestSupport.mountsAt(mnt)).isEmpty();
        assertThat(names(mnt)).isEmpty();
    }

    private Process startChild(String... extra) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), FuseMountMain.class.getName(), src.toString(), mnt.toString()));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitMounted(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null && !line.startsWith("MOUNTED")) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("child output: %s", seen).startsWith("MOUNTED");
    }

    @Test
    void shouldMountAgainAfterCleanupStaleWhenTheServingJvmWasKilled() throws Exception {
        Process child = startChild();
        try {
            awaitMounted(child);
            assertThat(names(mnt)).containsExactly("big.bin", "hello.txt");
        } finally {
            child.destroyForcibly(); // SIGKILL: no close, no shutdown hook
            child.waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(FuseTestSupport.mountsAt(mnt)).as("a killed server leaves its mount").hasSize(1);
        assertThatThrownBy(() -> names(mnt)).hasMessageContaining("Transport endpoint is not connected");
        assertThatThrownBy(() -> FuseMount.mount(src, mnt)).isInstanceOf(FuseException.class)
                .hasMessageContaining("cleanupStale");

        assertThat(FuseMount.cleanupStale(mnt)).isEqualTo(1);
        assertThat(FuseTestSupport.mountsAt(mnt)).isEmpty();
        assertThat(FuseMount.cleanupStale(mnt)).isZero();

        try (FuseMount again = FuseMount.mount(src, mnt)) {
            assertThat(Files.readString(again.mountPoint().resolve("hello.txt"))).isEqualTo("hello\n");
        }
        assertThat(FuseTestSupport.mountsAt(mnt)).isEmpty();
    }

    /** Surefire may hide the class path behind a manifest-only jar; it also publishes it here. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @Test
    void shouldRejectARootThatIsNotADirectoryAndAMissingMountPoint() {
        assertThatThrownBy(() -> FuseMount.mount(src.resolve("hello.txt"), mnt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> FuseMount.mount(src, tmp.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an existing directory");
    }

    @Test
    void shouldSayWhyWhenUnavailableAndNothingWhenAvailable() {
        assertThat(FuseMount.available()).isTrue();
        assertThat(FuseMount.unavailableReason()).isEmpty();
    }
}
