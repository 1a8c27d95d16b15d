package dev.bacalhau4j.api.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.SourceSpec;
import dev.bacalhau4j.api.UrlSource;
import java.util.Locale;

/**
 * Decodes {@code InputSource{Source{Type, Params}, Alias, Target}}. Source types match
 * case-insensitively, as Bacalhau's {@code SpecConfig.IsType} does; {@code localDirectory}, Bacalhau's
 * deprecated name for {@code local}, is read as {@code local}.
 */
final class SourceDecoder {
    static final String SUPPORTED = "inline, ipfs, local, urlDownload";

    private SourceDecoder() {}

    static InputSource inputSource(JsonNode node, String path) {
        Fields f = Fields.of(node, path, "Source", "Alias", "Target");
        if (!f.has("Source")) {
            throw new InvalidJobException(f.child("Source"), "missing; an input needs a Source{Type, Params}");
        }
        SourceSpec source = source(f.raw("Source"), f.child("Source"));
        return new InputSource(source, f.string("Alias", ""), f.string("Target", ""));
    }

    static SourceSpec source(JsonNode node, String path) {
        Fields f = Fields.of(node, path, "Type", "Params");
        String type = f.string("Type", "").strip();
        String paramsPath = f.child("Params");
        JsonNode params = f.raw("Params");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "ipfs" -> {
                Fields p = params(params, paramsPath, "CID");
                yield new IpfsSource(p.string("CID", ""));
            }
            case "urldownload" -> {
                Fields p = params(params, paramsPath, "URL", "Checksum");
                yield new UrlSource(p.string("URL", ""), p.string("Checksum", ""));
            }
            case "local", "localdirectory" -> {
                Fields p = params(params, paramsPath, "SourcePath", "ReadWrite", "CreateAs");
                String createAs = p.string("CreateAs", "");
                if (!createAs.isEmpty() && !createAs.equalsIgnoreCase("noCreate")) {
                    throw new InvalidJobException(p.child("CreateAs"),
                            "unsupported (got " + Fields.quote(createAs) + "; inputs are never created, use noCreate or leave it out)");
                }
                yield new LocalSource(p.string("SourcePath", ""), p.bool("ReadWrite", false));
            }
            case "inline" -> {
                Fields p = params(params, paramsPath, "URL");
                yield new InlineSource(p.longString("URL", ""));
            }
            case "" -> throw new InvalidJobException(f.child("Type"), "missing (supported: " + SUPPORTED + ")");
            default -> throw new InvalidJobException(f.child("Type"),
                    "unsupported type '" + type + "' (supported: " + SUPPORTED + ")");
        };
    }

    private static Fields params(JsonNode params, String path, String... known) {
        return params == null ? Fields.of(Jackson.EMPTY, path, known) : Fields.of(params, path, known);
    }
}
