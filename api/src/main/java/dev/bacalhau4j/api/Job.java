package dev.bacalhau4j.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job: one task to run {@code count} times, with labels and placement constraints.
 *
 * <p>Immutable; the Bacalhau v1 job spec read and written by {@link JobSpecs}. Build one with
 * {@link #wasm(java.nio.file.Path)}, {@link #docker(String)} or {@link #builder()}.
 *
 * @param name a human name; defaults to the job id when empty
 * @param namespace the namespace, {@code default} when not given
 * @param type batch or ops
 * @param count how many executions to run (distinct nodes when there are peers)
 * @param labels free key/value labels used by constraints and listing
 * @param constraints where the job may run
 * @param meta free key/value metadata
 * @param tasks exactly one task
 */
public record Job(
        String name,
        String namespace,
        JobType type,
        int count,
        Map<String, String> labels,
        List<Constraint> constraints,
        Map<String, String> meta,
        List<Task> tasks) {

    public Job {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(namespace, "namespace == null");
        Objects.requireNonNull(type, "type == null");
        labels = Maps.sortedCopy(labels, "labels");
        constraints = List.copyOf(constraints);
        meta = Maps.sortedCopy(meta, "meta");
        tasks = List.copyOf(tasks);
    }

    /** The job's only task. */
    public Task task() {
        return tasks.get(0);
    }
}
