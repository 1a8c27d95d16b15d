package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ipfs} commands, {@code serve}, and fetching between two node directories through a gateway. */
class IpfsCliTest {
    private static final String HELLO_V0 = "QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN";

    @TempDir
    Path work;

    @Test
    void shouldAddCatListAndGetWithKubosCids() throws IOException {
        Path nodeDir = work.resolve("node");
        Path file = Files.writeString(work.resolve("hello.txt"), "hello\n");
        CliRun add = CliRun.run(nodeDir, "ipfs", "add", "-q", file.toString());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out().strip()).isEqualTo(HELLO_V0);

        CliRun raw = CliRun.run(nodeDir, "ipfs", "add", "-q", "--profile", "kubo-v1-raw", file.toString());
        assertThat(raw.out().strip()).startsWith("bafkrei");
        CliRun onlyHash = CliRun.run(work.resolve("other"), "ipfs", "add", "-q", "-n", file.toString());
        assertThat(onlyHash.out().strip()).isEqualTo(HELLO_V0);
        assertThat(CliRun.run(work.resolve("other"), "ipfs", "cat", HELLO_V0).exitCode()).isEqualTo(1);

        Path tree = Files.createDirectories(work.resolve("tree/sub"));
        Files.writeString(tree.resolve("a.txt"), "alpha");
        Files.copy(file, tree.getParent().resolve("hello.txt"));
        String dir = CliRun.run(nodeDir, "ipfs", "add", "-q", tree.getParent().toString()).out().strip();

        Path out = work.resolve("out.txt");
        CliRun cat = CliRun.run(nodeDir, "ipfs", "cat", dir + "/sub/a.txt", "--offset", "1", "--length", "3",
                "-o", out.toString());
        assertThat(cat.exitCode()).as(cat.toString()).isZero();
        assertThat(out).hasContent("lph");

        CliRun ls = CliRun.run(nodeDir, "ipfs", "ls", dir);
        assertThat(ls.out()).containsPattern(HELLO_V0 + " +6 +file +hello.txt").containsPattern("directory +sub");

        CliRun get = CliRun.run(nodeDir, "ipfs", "get", dir, work.resolve("copy").toString());
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(work.resolve("copy/sub/a.txt")).hasContent("alpha");

        CliRun bad = CliRun.run(nodeDir, "ipfs", "cat", "Qmnope");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errorLines()).singleElement().asString().contains("not a CID");
        CliRun missing = CliRun.run(nodeDir, "ipfs", "cat", dir + "/nope.txt");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errorLines()).singleElement().asString().contains("nope.txt");
    }

    @Test
    void shouldMoveADagBetweenNodesAsACar() throws IOException {
        Path a = work.resolve("a");
        Path b = work.resolve("b");
        Files.writeString(work.resolve("data.txt"), "x".repeat(300_000));
        String cid = CliRun.run(a, "ipfs", "add", "-q", work.resolve("data.txt").toString()).out().strip();
        Path car = work.resolve("data.car");
        CliRun export = CliRun.run(a, "ipfs", "car", "export", cid, car.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).contains("exported 3 blocks");

        CliRun imported = CliRun.run(b, "ipfs", "car", "import", car.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("imported and pinned " + cid);
        Path out = work.resolve("back.txt");
        assertThat(CliRun.run(b, "ipfs", "cat", cid, "-o", out.toString()).exitCode()).isZero();
        assertThat(out).hasContent("x".repeat(300_000));

        byte[] bytes = Files.readAllBytes(car);
        bytes[bytes.length - 1] ^= 1;
        Files.write(car, bytes);
        CliRun corrupt = CliRun.run(work.resolve("c"), "ipfs", "car", "import", car.toString());
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.errorLines()).singleElement().asString().contains("does not match its CID");
    }

    @Test
    void shouldServeAGatewayThatAnotherNodeFetchesFrom() throws Exception {
        Path server = work.resolve("server");
        Files.writeString(work.resolve("shared.txt"), "shared over the gateway\n");
        String cid = CliRun.run(server, "ipfs", "add", "-q", work.resolve("shared.txt").toString()).out().strip();
        int port = freePort();
        AtomicReference<CliRun> served = new AtomicReference<>();
        Thread serving = new Thread(() -> served.set(CliRun.run(server, "serve", "--gateway-port", String.valueOf(port))));
        serving.start();
        try {
            URI gateway = URI.create("http://127.0.0.1:" + port);
            awaitGateway(gateway, cid);
            Path out = work.resolve("fetched.txt");
            CliRun cat = CliRun.run(work.resolve("client"), "--gateway", gateway.toString(), "ipfs", "cat", cid,
                    "-o", out.toString());
            assertThat(cat.exitCode()).as(cat.toString()).isZero();
            assertThat(out).hasContent("shared over the gateway\n");
            CliRun offline = CliRun.run(work.resolve("client2"), "ipfs", "cat", cid);
            assertThat(offline.exitCode()).isEqualTo(1);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(served.get().out()).contains("Gateway: http://127.0.0.1:" + port);
    }

    private static void awaitGateway(URI gateway, String cid) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/ipfs/" + cid + "?format=raw"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gateway " + gateway + " did not come up");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
