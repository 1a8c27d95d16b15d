package dev.bacalhau4j.core.internal.staging.inline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes RFC 2397 {@code data:} URLs; a string that is not one is taken as literal UTF-8 text. */
final class DataUrl {
    private DataUrl() {}

    static byte[] decode(String url) {
        if (!url.regionMatches(true, 0, "data:", 0, 5)) {
            return url.getBytes(StandardCharsets.UTF_8);
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("malformed data URL: no ',' before the data");
        }
        String header = url.substring(5, comma);
        String data = url.substring(comma + 1);
        if (header.toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
            try {
                // strict: the MIME decoder would silently skip junk characters
                return Base64.getDecoder().decode(data.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed data URL: bad base64 (" + e.getMessage() + ")");
            }
        }
        return percentDecode(data);
    }

    private static byte[] percentDecode(String data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length());
        byte[] raw = data.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed data URL: bad escape at offset " + i);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (raw[i] == '%') {
                throw new IllegalArgumentException("malformed data URL: truncated escape at offset " + i);
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }
}
