package dev.bacalhau4j.api;

/** The program of a task: a WASM module or a Docker image, with Bacalhau's engine params. */
public sealed interface EngineSpec permits WasmEngine, DockerEngine {

    /** The engine type as job specs name it ({@code wasm}, {@code docker}). */
    String type();
}
