package dev.bacalhau4j.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function written in a scripting language and run by an interpreter compiled to WebAssembly,
 * under the same determinism contract, limits and verification as {@link WasmEngine} jobs.
 *
 * <p>The only language is {@value #JAVASCRIPT} (QuickJS). The script reads its inputs and
 * writes its outputs through a small API documented in {@code docs/functions.md}
 * ({@code readFile}, {@code writeFile}, {@code listDir}, {@code args}, {@code env},
 * {@code console.log}...). In a job spec: {@code Engine{Type: function, Params{Language,
 * Source, Parameters, EnvironmentVariables}}}.
 *
 * @param language the script's language; only {@value #JAVASCRIPT}
 * @param source where the script comes from (inline text, a local file, a URL, a CID); the file
 *     name of its {@code Target}, when given, names the script in messages
 * @param parameters the script's arguments, its {@code args}
 * @param environmentVariables the script's {@code env} (merged over the task's env)
 */
public record FunctionEngine(
        String language,
        InputSource source,
        List<String> parameters,
        Map<String, String> environmentVariables) implements EngineSpec {

    /** The engine type as job specs name it. */
    public static final String TYPE = "function";
    /** The one supported language, run by QuickJS. */
    public static final String JAVASCRIPT = "javascript";
    /** The script's name in messages when its source has no target. */
    public static final String DEFAULT_SCRIPT_NAME = "function.js";

    /**
     * Checks the components and copies the collections.
     *
     * @param language the script's language; only {@value #JAVASCRIPT}
     * @param source where the script comes from (inline text, a local file, a URL, a CID); the file name of
     *     its {@code Target}, when given, names the script in messages
     * @param parameters the script's arguments, its {@code args}
     * @param environmentVariables the script's {@code env} (merged over the task's env)
     */
    public FunctionEngine {
        Objects.requireNonNull(language, "language == null");
        Objects.requireNonNull(source, "source == null");
        parameters = List.copyOf(parameters);
        environmentVariables = Maps.sortedCopy(environmentVariables, "environmentVariables");
    }

    /**
     * A JavaScript function from {@code source}, with no arguments or environment.
     *
     * @param source where the script comes from
     * @return the engine spec
     */
    public static FunctionEngine javascript(InputSource source) {
        return new FunctionEngine(JAVASCRIPT, source, List.of(), Map.of());
    }

    /**
     * The name the script goes by in messages and stack traces.
     *
     * @return its target's file name, or {@value #DEFAULT_SCRIPT_NAME}
     */
    public String scriptName() {
        String t = source.target();
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        String name = t.substring(t.lastIndexOf('/') + 1);
        return name.isEmpty() ? DEFAULT_SCRIPT_NAME : name;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
