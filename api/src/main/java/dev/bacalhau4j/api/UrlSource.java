package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * A file downloaded over http or https.
 *
 * @param url the address
 * @param checksum {@code sha256:<hex>} to verify the download against, empty for none
 */
public record UrlSource(String url, String checksum) implements SourceSpec {
    public static final String TYPE = "urlDownload";

    public UrlSource {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(checksum, "checksum == null");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
