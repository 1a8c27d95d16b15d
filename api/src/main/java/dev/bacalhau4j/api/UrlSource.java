package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * A file downloaded over http or https.
 *
 * @param url the address
 * @param checksum {@code sha256:<hex>} to verify the download against, empty for none
 */
public record UrlSource(String url, String checksum) implements SourceSpec {
    /** The source type as job specs name it. */
    public static final String TYPE = "urlDownload";

    /**
     * Checks the components.
     *
     * @param url the address
     * @param checksum {@code sha256:<hex>} to verify the download against, empty for none
     */
    public UrlSource {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(checksum, "checksum == null");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
