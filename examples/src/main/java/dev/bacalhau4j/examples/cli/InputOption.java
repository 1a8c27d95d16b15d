package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.SourceSpec;
import dev.bacalhau4j.api.UrlSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code -i/--input} value, written as Bacalhau writes it: {@code URI[:TARGET]} or
 * {@code src=URI,dst=TARGET}, with {@code file:///abs/path}, {@code ipfs://CID[/path]} (or a bare
 * CID) and {@code http(s)://...} URIs. The target defaults to {@code /inputs}.
 *
 * @param input the input source for the job spec
 * @param localPath the host path of a {@code file://} input, which the CLI allow-lists for this run
 */
record InputOption(InputSource input, Optional<Path> localPath) {
    static final String DEFAULT_TARGET = "/inputs";
    static final String FORMS = "use file:///abs/path, ipfs://CID or https://host/file, optionally followed"
            + " by :/target, or src=URI,dst=/target";
    private static final Pattern BARE_CID = Pattern.compile("Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{50,}");

    /** Picocli's converter for {@code -i}; errors become usage errors (exit code 2). */
    static final class Converter implements ITypeConverter<InputOption> {
        @Override
        public InputOption convert(String value) {
            return parse(value);
        }
    }

    static InputOption parse(String text) {
        String uri;
        String target;
        String alias = "";
        if (text.startsWith("src=") || text.startsWith("source=")) {
            Map<String, String> kv = keyValues(text);
            uri = kv.getOrDefault("src", kv.getOrDefault("source", ""));
            target = kv.getOrDefault("dst", kv.getOrDefault("target", DEFAULT_TARGET));
            alias = kv.getOrDefault("alias", "");
        } else {
            int colon = text.lastIndexOf(':');
            String before = colon < 0 ? "" : text.substring(0, colon);
            String after = colon < 0 ? "" : text.substring(colon + 1);
            boolean hasTarget = after.startsWith("/") && (before.contains("://") || BARE_CID.matcher(before).matches());
            uri = hasTarget ? before : text;
            target = hasTarget ? after : DEFAULT_TARGET;
        }
        if (!target.startsWith("/")) {
            throw new TypeConversionException("target must be an absolute path (got '" + target + "' in '" + text + "')");
        }
        Optional<Path> local = Optional.empty();
        SourceSpec source;
        if (BARE_CID.matcher(uri).matches()) {
            source = new IpfsSource(uri);
        } else {
            URI parsed;
            try {
                parsed = new URI(uri);
            } catch (URISyntaxException e) {
                throw new TypeConversionException("not a URI (got '" + uri + "'; " + FORMS + ")");
            }
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(java.util.Locale.ROOT);
            switch (scheme) {
                case "file" -> {
                    Path path = localFile(parsed, text);
                    local = Optional.of(path);
                    source = new LocalSource(path.toString(), false);
                }
                case "ipfs" -> {
                    String cid = uri.substring("ipfs://".length());
                    if (cid.isEmpty()) throw new TypeConversionException("ipfs:// without a CID (got '" + text + "')");
                    source = new IpfsSource(cid);
                }
                case "http", "https" -> source = new UrlSource(uri, "");
                default -> throw new TypeConversionException((scheme.isEmpty()
                        ? "not an input URI (got '" + uri + "'; "
                        : "unsupported URI scheme '" + scheme + "' (") + FORMS + ")");
            }
        }
        return new InputOption(new InputSource(source, alias, target), local);
    }

    private static Path localFile(URI uri, String text) {
        if (uri.getAuthority() != null && !uri.getAuthority().isEmpty()) {
            throw new TypeConversionException("file URIs name an absolute path: file:///abs/path (got '" + text + "')");
        }
        Path path;
        try {
            path = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("not a file URI (got '" + text + "'; write file:///abs/path)");
        }
        if (!Files.exists(path)) {
            throw new TypeConversionException("no such file or directory: " + path);
        }
        return path;
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 1) throw new TypeConversionException("expected key=value in '" + text + "' (" + FORMS + ")");
            String key = part.substring(0, eq).strip();
            if (!key.matches("src|source|dst|target|alias|opt")) {
                throw new TypeConversionException("unknown key '" + key + "' in '" + text
                        + "' (known: src, dst, alias)");
            }
            kv.put(key, part.substring(eq + 1).strip());
        }
        return kv;
    }
}
