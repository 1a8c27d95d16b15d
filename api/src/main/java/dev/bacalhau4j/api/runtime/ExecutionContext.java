package dev.bacalhau4j.api.runtime;

import dev.bacalhau4j.api.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a runtime needs for one execution, already staged by the core.
 *
 * <p>The core owns every path here and removes them after the execution; a runtime must not
 * keep references past {@link Runtime#execute}. {@code outputs} are empty, writable
 * directories, one per result path of the task.
 *
 * @param jobId the job's id, for logs
 * @param executionId the execution's id, for logs and labels
 * @param task the task as specified (engine params, env, network, resources)
 * @param inputs staged input sources, read-only, at their targets
 * @param outputs one writable directory per result path, at its path
 * @param entryModule the staged entry module file, for engines that take one (wasm)
 * @param importModules staged import module files, in spec order
 * @param stdin a file fed to the program's standard input, if any
 * @param limits memory, CPU, time and log caps
 * @param seed a seed derived from the job spec, for deterministic randomness
 * @param scratchDir a private empty directory the runtime may use, removed by the core
 * @param listener receives logs while the program runs
 */
public record ExecutionContext(
        String jobId,
        String executionId,
        Task task,
        List<Mount> inputs,
        List<Mount> outputs,
        Optional<Path> entryModule,
        List<Path> importModules,
        Optional<Path> stdin,
        ExecutionLimits limits,
        long seed,
        Path scratchDir,
        ExecutionListener listener) {

    /**
     * Checks the components and copies the collections.
     *
     * @param jobId the job's id, for logs
     * @param executionId the execution's id, for logs and labels
     * @param task the task as specified (engine params, env, network, resources)
     * @param inputs staged input sources, read-only, at their targets
     * @param outputs one writable directory per result path, at its path
     * @param entryModule the staged entry module file, for engines that take one (wasm)
     * @param importModules staged import module files, in spec order
     * @param stdin a file fed to the program's standard input, if any
     * @param limits memory, CPU, time and log caps
     * @param seed a seed derived from the job spec, for deterministic randomness
     * @param scratchDir a private empty directory the runtime may use, removed by the core
     * @param listener receives logs while the program runs
     */
    public ExecutionContext {
        Objects.requireNonNull(jobId, "jobId == null");
        Objects.requireNonNull(executionId, "executionId == null");
        Objects.requireNonNull(task, "task == null");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(entryModule, "entryModule == null");
        importModules = List.copyOf(importModules);
        Objects.requireNonNull(stdin, "stdin == null");
        Objects.requireNonNull(limits, "limits == null");
        Objects.requireNonNull(scratchDir, "scratchDir == null");
        Objects.requireNonNull(listener, "listener == null");
    }
}
