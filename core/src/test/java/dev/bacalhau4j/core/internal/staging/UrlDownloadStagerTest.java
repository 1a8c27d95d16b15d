package dev.bacalhau4j.core.internal.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.UrlSource;
import dev.bacalhau4j.core.internal.staging.url.UrlDownloadStager;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlDownloadStagerTest {
    @TempDir Path tmp;
    private HttpServer server;
    private String base;
    private static final byte[] BODY = "hello from the gateway\n".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data.txt", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // no length: the cap must be enforced while streaming
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) out.write(new byte[1024]);
            }
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Path stage(UrlDownloadStager stager, String url, String checksum) throws Exception {
        return stager.stage(new InputSource(new UrlSource(url, checksum), "", "/inputs/data.txt"),
                "Tasks[0].InputSources[0]", tmp);
    }

    @Test
    void shouldDownloadAndVerifyChecksum() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        Path file = stage(new UrlDownloadStager(1 << 20, Duration.ofSeconds(10)), base + "/data.txt", "sha256:" + sha);
        assertThat(file).hasBinaryContent(BODY).hasFileName("data.txt");
    }

    @Test
    void shouldRefuseChecksumMismatchAndLeaveNoFile() throws Exception {
        String wrong = "sha256:" + "0".repeat(64);
        assertThatThrownBy(() -> stage(new UrlDownloadStager(1 << 20, Duration.ofSeconds(10)),
                base + "/data.txt", wrong))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("Tasks[0].InputSources[0].Source.Params.Checksum")
                .hasMessageContaining("expected " + wrong);
        try (var files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void shouldRefuseBodiesOverTheCap() {
        UrlDownloadStager small = new UrlDownloadStager(10, Duration.ofSeconds(10));
        assertThatThrownBy(() -> stage(small, base + "/data.txt", "")).hasMessageContaining("over this node's download cap");
        assertThatThrownBy(() -> stage(small, base + "/chunked", "")).hasMessageContaining("sent more than this node's download cap");
    }

    @Test
    void shouldReportHttpErrorsAndBadUrls() {
        UrlDownloadStager stager = new UrlDownloadStager(1 << 20, Duration.ofSeconds(10));
        assertThatThrownBy(() -> stage(stager, base + "/missing", "")).hasMessageContaining("answered HTTP 404");
        assertThatThrownBy(() -> stage(stager, "ftp://example.org/x", "")).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> stage(stager, base + "/data.txt", "md5:abc"))
                .hasMessageContaining("expected sha256:<64 hex digits>");
    }
}
