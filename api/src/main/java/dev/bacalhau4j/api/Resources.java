package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * Resources a task asks for, kept as the strings the spec gave ({@code 500m}, {@code 0.5},
 * {@code 64Mb}, {@code 1Gb}) so a spec round-trips unchanged; empty means not set.
 *
 * @param cpu CPU cores
 * @param memory memory size
 * @param disk disk size
 * @param gpu GPU count
 */
public record Resources(String cpu, String memory, String disk, String gpu) {
    public static final Resources NONE = new Resources("", "", "", "");

    public Resources {
        Objects.requireNonNull(cpu, "cpu == null");
        Objects.requireNonNull(memory, "memory == null");
        Objects.requireNonNull(disk, "disk == null");
        Objects.requireNonNull(gpu, "gpu == null");
    }
}
