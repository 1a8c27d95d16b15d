package dev.bacalhau4j.api;

import java.util.Objects;

/**
 * Resources a task asks for, kept as the strings the spec gave ({@code 500m}, {@code 0.5},
 * {@code 64Mb}, {@code 1Gb}) so a spec round-trips unchanged; empty means not set.
 *
 * <p>The strings are checked when the record is made and read as numbers by {@link #cpuMillis()},
 * {@link #memoryBytes()}, {@link #diskBytes()} and {@link #gpuCount()}, exactly as Bacalhau reads
 * them (see {@link ResourceQuantities}; note that {@code Mb} means 10<sup>6</sup> bytes and
 * {@code Mi} 2<sup>20</sup>).
 *
 * @param cpu CPU cores
 * @param memory memory size
 * @param disk disk size
 * @param gpu GPU count
 */
public record Resources(String cpu, String memory, String disk, String gpu) {
    /** No resource set. */
    public static final Resources NONE = new Resources("", "", "", "");

    /**
     * Checks every quantity.
     *
     * @param cpu CPU cores
     * @param memory memory size
     * @param disk disk size
     * @param gpu GPU count
     * @throws IllegalArgumentException naming the field, the value and the accepted forms, such as
     *     {@code Memory: not a size (got "64Zb"; use forms like 64Mb, 1Gb, 512Mi)}
     */
    public Resources {
        Objects.requireNonNull(cpu, "cpu == null");
        Objects.requireNonNull(memory, "memory == null");
        Objects.requireNonNull(disk, "disk == null");
        Objects.requireNonNull(gpu, "gpu == null");
        check("CPU", () -> ResourceQuantities.cpuMillis(cpu));
        check("Memory", () -> ResourceQuantities.bytes(memory));
        check("Disk", () -> ResourceQuantities.bytes(disk));
        check("GPU", () -> ResourceQuantities.gpuCount(gpu));
    }

    /**
     * True when no resource is set.
     *
     * @return true when every field is empty
     */
    public boolean isEmpty() {
        return cpu.isEmpty() && memory.isEmpty() && disk.isEmpty() && gpu.isEmpty();
    }

    /**
     * CPU asked for, in millicores ({@code 500m} and {@code 0.5} are 500); 0 when not set.
     *
     * @return the millicores
     */
    public long cpuMillis() {
        return ResourceQuantities.cpuMillis(cpu);
    }

    /**
     * Memory asked for, in bytes ({@code 64Mb} is 64,000,000; {@code 64Mi} is 67,108,864); 0 when not set.
     *
     * @return the bytes
     */
    public long memoryBytes() {
        return ResourceQuantities.bytes(memory);
    }

    /**
     * Disk asked for, in bytes, read like {@link #memoryBytes()}; 0 when not set.
     *
     * @return the bytes
     */
    public long diskBytes() {
        return ResourceQuantities.bytes(disk);
    }

    /**
     * GPUs asked for; 0 when not set.
     *
     * @return the count
     */
    public int gpuCount() {
        return ResourceQuantities.gpuCount(gpu);
    }

    private static void check(String field, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
