package dev.bacalhau4j.api;

/** The program of a task: a WASM module, a function run in WASM, or a Docker image, with its engine params. */
public sealed interface EngineSpec permits WasmEngine, FunctionEngine, DockerEngine {

    /**
     * The engine type as job specs name it.
     *
     * @return {@code wasm}, {@code function} or {@code docker}
     */
    String type();
}
