package dev.bacalhau4j.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * How a command prints what it found: a human layout, or JSON / YAML for scripts. Field names are
 * PascalCase, as Bacalhau's own JSON output and job specs write them.
 */
enum OutputFormat {
    HUMAN, JSON, YAML;

    private static final ObjectMapper JSON_MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectMapper YAML_MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    /** Prints {@code value} (a view record, list or tree) as JSON or YAML. */
    void print(Object value, PrintWriter out) {
        if (this == HUMAN) throw new IllegalStateException("the human layout is printed by each command");
        try {
            String text = (this == JSON ? JSON_MAPPER : YAML_MAPPER).writeValueAsString(value);
            out.print(text.endsWith("\n") ? text : text + "\n");
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot print as " + name().toLowerCase(java.util.Locale.ROOT), e);
        }
    }

    /** Parses JSON text into a tree, for embedding a job spec in a view. */
    static JsonNode tree(String json) {
        try {
            return JSON_MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }
}
