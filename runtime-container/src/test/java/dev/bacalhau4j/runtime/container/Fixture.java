package dev.bacalhau4j.runtime.container;

import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.NetworkSpec;
import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.api.Resources;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.Timeouts;
import dev.bacalhau4j.api.Verification;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionLimits;
import dev.bacalhau4j.api.runtime.ExecutionListener;
import dev.bacalhau4j.api.runtime.Mount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds real docker execution contexts over temp directories. */
final class Fixture {
    final Path dir;
    String image;
    List<String> entrypoint = List.of();
    List<String> parameters = List.of();
    List<String> engineEnv = new ArrayList<>();
    Map<String, String> taskEnv = new LinkedHashMap<>();
    String workingDirectory = "";
    List<Mount> inputs = new ArrayList<>();
    List<Mount> outputs = new ArrayList<>();
    Path stdin;
    long memoryBytes;
    long cpuMillis;
    Duration timeout = Duration.ofSeconds(30);
    long logCap = ExecutionLimits.DEFAULT_LOG_CAP;
    long outputCap;
    NetworkType network = NetworkType.NONE;
    Resources resources = Resources.NONE;
    ExecutionListener listener = ExecutionListener.NONE;
    final String executionId = "e-" + UUID.randomUUID();

    Fixture(Path dir, String image) {
        this.dir = dir;
        this.image = image;
    }

    /** Runs {@code sh -c script}. */
    Fixture sh(String script) {
        entrypoint = List.of("/bin/sh", "-c");
        parameters = List.of(script);
        return this;
    }

    /** A host directory with {@code files} (name to content), mounted read-only at {@code target}. */
    Fixture input(String target, Map<String, String> files) {
        try {
            Path d = Files.createTempDirectory(dir, "in");
            for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(d.resolve(f.getKey()), f.getValue());
            inputs.add(new Mount(d, target, true));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty writable host directory at {@code target}; returns it. */
    Path output(String target) {
        try {
            Path d = Files.createTempDirectory(dir, "out");
            d.toFile().setWritable(true, false);
            outputs.add(new Mount(d, target, false));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Task task() {
        return new Task("main", new DockerEngine(image, entrypoint, parameters, engineEnv, workingDirectory),
                PublisherSpec.local(), taskEnv, List.of(), List.of(), resources, Timeouts.NONE,
                new NetworkSpec(network), Verification.NONE);
    }

    ExecutionContext context() {
        try {
            Path scratch = Files.createTempDirectory(dir, "scratch");
            return new ExecutionContext("j-test", executionId, task(), inputs, outputs, Optional.empty(), List.of(),
                    Optional.ofNullable(stdin), new ExecutionLimits(memoryBytes, cpuMillis, timeout, logCap, logCap,
                            outputCap),
                    7, scratch, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
