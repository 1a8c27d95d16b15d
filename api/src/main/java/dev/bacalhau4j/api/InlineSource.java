package dev.bacalhau4j.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Bytes carried in the spec itself, as a {@code data:} URL (RFC 2397), or plain text.
 *
 * @param url a {@code data:} URL, or literal text when it does not start with {@code data:}
 */
public record InlineSource(String url) implements SourceSpec {
    /** The source type as job specs name it. */
    public static final String TYPE = "inline";

    /**
     * Checks the components.
     *
     * @param url a {@code data:} URL, or literal text when it does not start with {@code data:}
     */
    public InlineSource {
        Objects.requireNonNull(url, "url == null");
    }

    /**
     * An inline source holding {@code bytes}, base64 encoded.
     *
     * @param bytes the content
     * @return a source with a {@code data:} URL
     */
    public static InlineSource of(byte[] bytes) {
        return new InlineSource("data:application/octet-stream;base64,"
                + Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * An inline source holding {@code text} as UTF-8.
     *
     * @param text the content
     * @return a source with a {@code data:} URL
     */
    public static InlineSource ofText(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
