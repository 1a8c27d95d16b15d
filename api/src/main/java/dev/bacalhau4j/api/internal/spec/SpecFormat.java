package dev.bacalhau4j.api.internal.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bacalhau4j.api.InvalidJobException;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The two spec syntaxes: parsing text into a tree (errors carry line and column) and printing a
 * tree in a stable layout. Immutable and thread-safe.
 */
public enum SpecFormat {
    JSON("JSON", jsonMapper()),
    YAML("YAML", yamlMapper());

    /** Inline WASM modules can be large; allow up to 64 MiB of spec text. */
    public static final int MAX_SPEC_CHARS = 64 * 1024 * 1024;
    /**
     * SnakeYAML scans about a megabyte a second on a busy machine, so YAML text is held to less:
     * 16 Mi characters, and no line over 4 Mi (a long value such as an inline module fits in JSON).
     */
    static final int MAX_YAML_CHARS = 16 * 1024 * 1024;
    static final int MAX_YAML_LINE_CHARS = 4 * 1024 * 1024;
    /** Deeper documents are refused: a spec nests about ten levels; recursion must stay bounded. */
    static final int MAX_NESTING_DEPTH = 100;

    private final String label;
    private final ObjectMapper mapper;

    SpecFormat(String label, ObjectMapper mapper) {
        this.label = label;
        this.mapper = mapper;
    }

    /** The format of {@code text} when nothing else tells: JSON when it starts with '{' or '['. */
    public static SpecFormat sniff(String text) {
        String t = text.stripLeading();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).stripLeading();
        }
        return t.startsWith("{") || t.startsWith("[") ? JSON : YAML;
    }

    /**
     * The tree of {@code text}; null for an empty document.
     *
     * @throws InvalidJobException with an empty path when the text is malformed, naming line and column
     *     where the parser knows them
     */
    public JsonNode parse(String text) {
        int limit = this == YAML ? MAX_YAML_CHARS : MAX_SPEC_CHARS;
        if (text.length() > limit) {
            // refused unread: a parser would scan it all before its own limits stop it
            throw new InvalidJobException("", "the " + label + " spec is " + text.length()
                    + " characters, over the limit of " + limit + (this == YAML ? " (JSON specs may have "
                    + MAX_SPEC_CHARS + ")" : ""));
        }
        if (this == YAML) {
            refuseLongLines(text);
        }
        try {
            JsonNode tree = mapper.readTree(text);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidJobException("", "malformed " + label + where + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (NumberFormatException e) {
            // Jackson's JSON tree reader lets this escape for a number BigDecimal cannot hold
            // (an exponent beyond int: 1e9999000000000); its YAML reader wraps it as above
            throw new InvalidJobException("", "malformed " + label + ": a number is out of range ("
                    + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** Refuses a YAML line over {@link #MAX_YAML_LINE_CHARS}, naming its line and the key it starts with. */
    private static void refuseLongLines(String text) {
        int line = 1;
        for (int start = 0; start < text.length(); line++) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            if (end - start > MAX_YAML_LINE_CHARS) {
                String head = text.substring(start, Math.min(end, start + 200)).strip();
                if (head.startsWith("- ")) head = head.substring(2).strip();
                int colon = head.indexOf(':');
                String key = colon > 0 ? head.substring(0, colon).replace("\"", "").replace("'", "").strip() : "";
                throw new InvalidJobException(key.matches("[A-Za-z0-9_.-]+") ? key : "", "line " + line + " is "
                        + (end - start) + " characters, too long for a YAML spec (at most " + MAX_YAML_LINE_CHARS
                        + "; a long value such as an inline module fits in a JSON spec)");
            }
            start = end + 1;
        }
    }

    /** The text of {@code tree}, ending with a newline. */
    public String print(JsonNode tree) {
        try {
            String out = mapper.writeValueAsString(tree);
            return out.endsWith("\n") ? out : out + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print a spec tree as " + label, e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static JsonMapper jsonMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        mapper.getFactory().setStreamReadConstraints(limits());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        mapper.setDefaultPrettyPrinter(printer);
        mapper.enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        return mapper;
    }

    private static YAMLMapper yamlMapper() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_YAML_CHARS);
        loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(limits())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .stringQuotingChecker(new PlainIfString())
                .build();
        return YAMLMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /**
     * Leaves a string unquoted only when YAML would read it back as that same string: besides
     * Jackson's own checks, anything YAML 1.1 resolves to another type ({@code .inf}, {@code 0x1F},
     * {@code 2024-01-01}, {@code 1_000}) is quoted.
     */
    private static final class PlainIfString extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Resolver RESOLVER = new Resolver();

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value)
                    || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, value, true));
        }
    }

    private static StreamReadConstraints limits() {
        return StreamReadConstraints.builder()
                .maxStringLength(MAX_SPEC_CHARS)
                .maxDocumentLength(MAX_SPEC_CHARS)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build();
    }
}
