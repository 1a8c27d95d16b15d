package dev.bacalhau4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which real files in result paths are refused, made with the host's own tools. */
class UnpublishableFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldFindFifosSocketsAndSetIdFilesButNotLinksOrSetGidDirectories() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("sub/shared"));
        Files.writeString(out.resolve("plain.txt"), "ok");
        run("mkfifo", out.resolve("sub/pipe").toString());
        Files.writeString(out.resolve("suid"), "#!/bin/sh\n");
        run("chmod", "4755", out.resolve("suid").toString());
        Files.writeString(out.resolve("sgid"), "x");
        run("chmod", "2755", out.resolve("sgid").toString());
        run("chmod", "2775", out.resolve("sub/shared").toString());
        Files.createSymbolicLink(out.resolve("null-link"), Path.of("/dev/null"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(out.resolve("sock")));

            List<String> found = UnpublishableFiles.find(Map.of("outputs", out));

            assertThat(found).containsExactly("outputs/sgid (set-gid)", "outputs/sock (a socket)",
                    "outputs/sub/pipe (a FIFO)", "outputs/suid (set-uid)");
        }
    }

    @Test
    void shouldFindAResultPathThatIsItselfADevice() throws Exception {
        assertThat(UnpublishableFiles.find(Map.of("null", Path.of("/dev/null")))).containsExactly("null (a character device)");
    }

    @Test
    void shouldFindNothingInOrdinaryFiles() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/a"));
        Files.writeString(out.resolve("f"), "x");
        run("chmod", "0777", out.resolve("f").toString());

        assertThat(UnpublishableFiles.find(Map.of("outputs", dir.resolve("out")))).isEmpty();
    }

    @Test
    void shouldNameTheFirstThreeAndCountTheRest() {
        String message = UnpublishableFiles.refusal(List.of("o/a (a FIFO)", "o/b (a FIFO)", "o/c (set-uid)", "o/d (a socket)"));

        assertThat(message).isEqualTo("the program left 4 files in its result paths that cannot be published:"
                + " o/a (a FIFO), o/b (a FIFO), o/c (set-uid) and 1 more; device files, FIFOs, sockets and"
                + " set-uid/set-gid files are refused; nothing was published");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
