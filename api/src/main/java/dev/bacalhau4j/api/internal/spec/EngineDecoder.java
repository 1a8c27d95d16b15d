package dev.bacalhau4j.api.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.EngineSpec;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.WasmEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes {@code Engine{Type, Params}} for the {@code docker}, {@code wasm} and {@code function}
 * engines (type names match case-insensitively, as in Bacalhau).
 *
 * <p>WASM modules come in Bacalhau's two forms. The form this library writes (Bacalhau before
 * v1.7, still accepted by Bacalhau's orchestrator) gives {@code EntryModule} and
 * {@code ImportModules} as InputSource objects. The current Bacalhau form gives them as strings
 * naming the {@code Target} of one of the task's InputSources; that input is then taken out of the
 * task's inputs and becomes the module, so both forms decode to the same {@link WasmEngine}. A
 * function's {@code Source} takes the same two forms.
 */
final class EngineDecoder {
    static final String SUPPORTED = "docker, wasm, function";

    private EngineDecoder() {}

    /**
     * The engine at {@code path}; {@code inputs} are the task's inputs, from which string-form
     * WASM modules are taken out.
     */
    static EngineSpec engine(JsonNode node, String path, List<InputSource> inputs, String inputsPath) {
        Fields f = Fields.of(node, path, "Type", "Params");
        String type = f.string("Type", "").strip();
        JsonNode params = f.raw("Params");
        String paramsPath = f.child("Params");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "docker" -> docker(params == null ? Jackson.EMPTY : params, paramsPath);
            case "wasm" -> wasm(params == null ? Jackson.EMPTY : params, paramsPath, inputs, inputsPath);
            case "function" -> function(params == null ? Jackson.EMPTY : params, paramsPath, inputs, inputsPath);
            case "" -> throw new InvalidJobException(f.child("Type"), "missing (supported: " + SUPPORTED + ")");
            default -> throw new InvalidJobException(f.child("Type"),
                    "unsupported type '" + type + "' (supported: " + SUPPORTED + ")");
        };
    }

    private static DockerEngine docker(JsonNode params, String path) {
        Fields p = Fields.of(params, path,
                "Image", "Entrypoint", "Parameters", "EnvironmentVariables", "WorkingDirectory");
        return new DockerEngine(
                p.string("Image", ""),
                p.strings("Entrypoint"),
                p.strings("Parameters"),
                p.strings("EnvironmentVariables"),
                p.string("WorkingDirectory", ""));
    }

    private static WasmEngine wasm(JsonNode params, String path, List<InputSource> inputs, String inputsPath) {
        Fields p = Fields.of(params, path,
                "EntryModule", "Entrypoint", "Parameters", "EnvironmentVariables", "ImportModules");
        if (!p.has("EntryModule")) {
            throw new InvalidJobException(p.child("EntryModule"),
                    "missing; give an InputSource object, or the Target of one of " + inputsPath);
        }
        InputSource entry = module(p.raw("EntryModule"), p.child("EntryModule"), inputs, inputsPath);
        List<InputSource> imports = new ArrayList<>();
        for (Fields.Element e : p.list("ImportModules")) {
            imports.add(module(e.node(), e.path(), inputs, inputsPath));
        }
        String entrypoint = p.string("Entrypoint", "");
        return new WasmEngine(
                entry,
                entrypoint.isEmpty() ? WasmEngine.DEFAULT_ENTRYPOINT : entrypoint,
                p.strings("Parameters"),
                p.stringMap("EnvironmentVariables"),
                imports);
    }

    private static FunctionEngine function(JsonNode params, String path, List<InputSource> inputs, String inputsPath) {
        Fields p = Fields.of(params, path, "Language", "Source", "Parameters", "EnvironmentVariables");
        String language = p.string("Language", FunctionEngine.JAVASCRIPT).strip().toLowerCase(Locale.ROOT);
        if (language.equals("js")) {
            language = FunctionEngine.JAVASCRIPT;
        }
        if (!language.equals(FunctionEngine.JAVASCRIPT)) {
            throw new InvalidJobException(p.child("Language"), "unsupported language " + Fields.quote(language)
                    + " (supported: " + FunctionEngine.JAVASCRIPT + "; no Python for WASI can be had from the "
                    + "package registries this project builds from)");
        }
        if (!p.has("Source")) {
            throw new InvalidJobException(p.child("Source"),
                    "missing; give an InputSource object, or the Target of one of " + inputsPath);
        }
        return new FunctionEngine(
                language,
                module(p.raw("Source"), p.child("Source"), inputs, inputsPath),
                p.strings("Parameters"),
                p.stringMap("EnvironmentVariables"));
    }

    private static InputSource module(JsonNode node, String path, List<InputSource> inputs, String inputsPath) {
        if (node.isObject()) {
            return SourceDecoder.inputSource(node, path);
        }
        if (!node.isTextual()) {
            throw new InvalidJobException(path,
                    "expected an InputSource object or the Target of an input (got " + Fields.describe(node) + ")");
        }
        String target = node.textValue().strip();
        if (target.isEmpty()) {
            throw new InvalidJobException(path, "must not be empty");
        }
        String absolute = target.startsWith("/") ? target : "/" + target;
        for (int i = 0; i < inputs.size(); i++) {
            InputSource in = inputs.get(i);
            if (in.target().equals(target) || in.target().equals(absolute)) {
                return inputs.remove(i);
            }
        }
        throw new InvalidJobException(path, "no input has Target " + Fields.quote(target)
                + " (a module given as a string names the Target of one of " + inputsPath + ")");
    }
}
