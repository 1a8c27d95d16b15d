package dev.bacalhau4j.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run and with what: engine, inputs, result paths, limits and publishing.
 *
 * @param name the task name, {@code main} by default
 * @param engine the program (WASM module or Docker image) and its parameters
 * @param publisher where results go
 * @param env environment variables given to the program, sorted by name
 * @param inputSources data mounted read-only at their targets
 * @param resultPaths directories whose contents become the published outputs
 * @param resources CPU, memory, disk and GPU asked for
 * @param timeouts execution, queue and total timeouts
 * @param network the network the program may use
 * @param verification how results are checked across nodes
 */
public record Task(
        String name,
        EngineSpec engine,
        PublisherSpec publisher,
        Map<String, String> env,
        List<InputSource> inputSources,
        List<ResultPath> resultPaths,
        Resources resources,
        Timeouts timeouts,
        NetworkSpec network,
        Verification verification) {

    /**
     * Checks the components and copies the collections.
     *
     * @param name the task name, {@code main} by default
     * @param engine the program (WASM module or Docker image) and its parameters
     * @param publisher where results go
     * @param env environment variables given to the program, sorted by name
     * @param inputSources data mounted read-only at their targets
     * @param resultPaths directories whose contents become the published outputs
     * @param resources CPU, memory, disk and GPU asked for
     * @param timeouts execution, queue and total timeouts
     * @param network the network the program may use
     * @param verification how results are checked across nodes
     */
    public Task {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(engine, "engine == null");
        Objects.requireNonNull(publisher, "publisher == null");
        env = Maps.sortedCopy(env, "env");
        inputSources = List.copyOf(inputSources);
        resultPaths = List.copyOf(resultPaths);
        Objects.requireNonNull(resources, "resources == null");
        Objects.requireNonNull(timeouts, "timeouts == null");
        Objects.requireNonNull(network, "network == null");
        Objects.requireNonNull(verification, "verification == null");
    }
}
