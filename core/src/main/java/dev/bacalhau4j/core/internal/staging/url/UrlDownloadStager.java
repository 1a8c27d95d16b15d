package dev.bacalhau4j.core.internal.staging.url;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.UrlSource;
import dev.bacalhau4j.core.internal.staging.InputStager;
import dev.bacalhau4j.core.internal.staging.StagedNames;
import dev.bacalhau4j.core.internal.staging.StagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads http and https inputs to a file, refusing bodies over a size cap and checking a
 * {@code sha256:} checksum when the spec gives one. A partial or refused download is deleted.
 */
public final class UrlDownloadStager implements InputStager {
    private final HttpClient client;
    private final long maxBytes;
    private final Duration timeout;

    /**
     * @param maxBytes the largest body accepted
     * @param timeout the longest one download may take
     */
    public UrlDownloadStager(long maxBytes, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    @Override
    public String sourceType() {
        return UrlSource.TYPE;
    }

    @Override
    public Path stage(InputSource input, String where, Path area) throws IOException {
        UrlSource source = (UrlSource) input.source();
        String field = where + ".Source.Params.URL";
        URI uri = parse(source.url(), field);
        String expected = expectedSha256(source.checksum(), where + ".Source.Params.Checksum");
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new StagingException(field + ": download of " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("download of " + uri + " interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new StagingException(field + ": " + uri + " answered HTTP " + response.statusCode());
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw new StagingException(field + ": " + uri + " is " + declared
                        + " bytes, over this node's download cap of " + maxBytes + " bytes");
            }
            String name = StagedNames.sanitize(StagedNames.lastSegment(uri.getPath() == null ? "" : uri.getPath()),
                    "download");
            Path file = StagedNames.fileFor(input, name, area);
            try {
                String actual = copyCapped(body, file, uri, field);
                if (!expected.isEmpty() && !expected.equals(actual)) {
                    throw new StagingException(where + ".Source.Params.Checksum: " + uri
                            + " has sha256:" + actual + ", expected sha256:" + expected);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        }
    }

    private String copyCapped(InputStream body, Path file, URI uri, String field) throws IOException {
        MessageDigest sha256 = sha256();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new StagingException(field + ": " + uri + " sent more than this node's download cap of "
                            + maxBytes + " bytes");
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static URI parse(String url, String field) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new StagingException(field + ": not a URL (got \"" + url + "\"): " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new StagingException(field + ": only http and https URLs can be downloaded (got \"" + url + "\")");
        }
        if (uri.getHost() == null) {
            throw new StagingException(field + ": URL has no host (got \"" + url + "\")");
        }
        return uri;
    }

    private static String expectedSha256(String checksum, String field) {
        if (checksum.isEmpty()) return "";
        String lower = checksum.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("sha256:") || !lower.substring(7).matches("[0-9a-f]{64}")) {
            throw new StagingException(field + ": expected sha256:<64 hex digits> (got \"" + checksum + "\")");
        }
        return lower.substring(7);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
