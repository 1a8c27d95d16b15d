package dev.bacalhau4j.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WebAssembly (WASI preview 1) program, with Bacalhau's wasm engine params.
 *
 * @param entryModule where the module comes from (inline bytes, a local file, a URL, a CID)
 * @param entrypoint the exported function to call, {@code _start} by default
 * @param parameters arguments after argv[0]
 * @param environmentVariables environment given to the module (merged over the task's env)
 * @param importModules further modules whose exports the entry module may import
 */
public record WasmEngine(
        InputSource entryModule,
        String entrypoint,
        List<String> parameters,
        Map<String, String> environmentVariables,
        List<InputSource> importModules) implements EngineSpec {

    /** The engine type as job specs name it. */
    public static final String TYPE = "wasm";
    /** The function called when the spec names none (WASI's command entry point). */
    public static final String DEFAULT_ENTRYPOINT = "_start";

    /**
     * Checks the components and copies the collections.
     *
     * @param entryModule where the module comes from (inline bytes, a local file, a URL, a CID)
     * @param entrypoint the exported function to call, {@code _start} by default
     * @param parameters arguments after argv[0]
     * @param environmentVariables environment given to the module (merged over the task's env)
     * @param importModules further modules whose exports the entry module may import
     */
    public WasmEngine {
        Objects.requireNonNull(entryModule, "entryModule == null");
        Objects.requireNonNull(entrypoint, "entrypoint == null");
        parameters = List.copyOf(parameters);
        environmentVariables = Maps.sortedCopy(environmentVariables, "environmentVariables");
        importModules = List.copyOf(importModules);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
