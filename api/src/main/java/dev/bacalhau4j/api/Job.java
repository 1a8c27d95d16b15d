package dev.bacalhau4j.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job: one task to run {@code count} times, with labels and placement constraints.
 *
 * <p>Immutable; the Bacalhau v1 job spec read and written by {@link JobSpecs}. Build one with
 * {@link #wasm(java.nio.file.Path)}, {@link #function(String)}, {@link #docker(String)} or {@link #builder()}.
 *
 * @param name a human name; defaults to the job id when empty
 * @param namespace the namespace, {@code default} when not given
 * @param type batch or ops
 * @param priority scheduling priority: higher runs first when jobs wait for a slot (Bacalhau's {@code Priority})
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
        int priority,
        int count,
        Map<String, String> labels,
        List<Constraint> constraints,
        Map<String, String> meta,
        List<Task> tasks) {

    /**
     * Checks the components and copies the collections.
     *
     * @param name a human name; defaults to the job id when empty
     * @param namespace the namespace, {@code default} when not given
     * @param type batch or ops
     * @param priority scheduling priority: higher runs first when jobs wait for a slot (Bacalhau's
     *     {@code Priority})
     * @param count how many executions to run (distinct nodes when there are peers)
     * @param labels free key/value labels used by constraints and listing
     * @param constraints where the job may run
     * @param meta free key/value metadata
     * @param tasks exactly one task
     */
    public Job {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(namespace, "namespace == null");
        Objects.requireNonNull(type, "type == null");
        labels = Maps.sortedCopy(labels, "labels");
        constraints = List.copyOf(constraints);
        meta = Maps.sortedCopy(meta, "meta");
        tasks = List.copyOf(tasks);
    }

    /**
     * The job's only task.
     *
     * @return {@code tasks().get(0)}
     */
    public Task task() {
        return tasks.get(0);
    }

    /**
     * A builder of a WASM job whose entry module is the file {@code module}, read now and carried
     * inline in the spec.
     *
     * @param module the {@code .wasm} file
     * @return a builder of the job
     * @throws IllegalArgumentException when the file does not exist, naming it
     * @throws UncheckedIOException when it cannot be read
     */
    public static JobBuilder wasm(Path module) {
        Objects.requireNonNull(module, "module == null");
        try {
            return wasm(Files.readAllBytes(module));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("WASM module not found: " + module.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WASM module " + module.toAbsolutePath(), e);
        }
    }

    /**
     * A builder of a WASM job whose entry module is {@code module}, carried inline in the spec.
     *
     * @param module the module's bytes
     * @return a builder of the job
     */
    public static JobBuilder wasm(byte[] module) {
        Objects.requireNonNull(module, "module == null");
        return wasm(new InputSource(InlineSource.of(module), "", ""));
    }

    /**
     * A builder of a WASM job whose entry module comes from {@code module} (IPFS, a URL, a local file...).
     *
     * @param module where the module comes from
     * @return a builder of the job
     */
    public static JobBuilder wasm(InputSource module) {
        Objects.requireNonNull(module, "module == null");
        return new JobBuilder(new WasmEngine(module, WasmEngine.DEFAULT_ENTRYPOINT, List.of(), Map.of(), List.of()));
    }

    /**
     * A builder of a JavaScript function job: {@code jsSource} runs in QuickJS compiled to
     * WebAssembly, deterministically, and reads and writes files through the API of
     * {@code docs/functions.md}. The script is carried inline in the spec; it goes by
     * {@value FunctionEngine#DEFAULT_SCRIPT_NAME} in messages.
     *
     * @param jsSource the script's text
     * @return a builder of the job
     */
    public static JobBuilder function(String jsSource) {
        Objects.requireNonNull(jsSource, "jsSource == null");
        return function(new InputSource(InlineSource.ofText(jsSource), "", ""));
    }

    /**
     * A builder of a JavaScript function job whose script is the file {@code script}, read now and
     * carried inline in the spec; the script goes by its file name in messages (its target is
     * {@code /function/<file name>}).
     *
     * @param script the {@code .js} file
     * @return a builder of the job
     * @throws IllegalArgumentException when the file does not exist, naming it
     * @throws UncheckedIOException when it cannot be read
     */
    public static JobBuilder function(Path script) {
        Objects.requireNonNull(script, "script == null");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(script);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("JavaScript file not found: " + script.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JavaScript file " + script.toAbsolutePath(), e);
        }
        Path fileName = script.getFileName();
        String target = fileName == null ? "" : "/function/" + fileName;
        return function(new InputSource(InlineSource.of(bytes), "", target));
    }

    /**
     * A builder of a JavaScript function job whose script comes from {@code script} (IPFS, a URL, a local file...).
     *
     * @param script where the script comes from
     * @return a builder of the job
     */
    public static JobBuilder function(InputSource script) {
        Objects.requireNonNull(script, "script == null");
        return new JobBuilder(FunctionEngine.javascript(script));
    }

    /**
     * A builder of a job running the Docker image {@code image}.
     *
     * @param image the image name or digest
     * @return a builder of the job
     */
    public static JobBuilder docker(String image) {
        Objects.requireNonNull(image, "image == null");
        return new JobBuilder(new DockerEngine(image, List.of(), List.of(), List.of(), ""));
    }

    /**
     * A builder with no engine yet; give one with {@link JobBuilder#engine(EngineSpec)}.
     *
     * @return a builder with Bacalhau's defaults and no engine
     */
    public static JobBuilder builder() {
        return new JobBuilder((EngineSpec) null);
    }

    /**
     * A builder holding this job's values, to derive a changed copy.
     *
     * @return a builder holding this job's values
     * @throws IllegalStateException when the job does not have exactly one task
     */
    public JobBuilder toBuilder() {
        return new JobBuilder(this);
    }
}
