package dev.bacalhau4j.api.runtime;

import java.util.Locale;

/**
 * Words for the output cap of one execution, so every runtime names it the same way in its
 * failure messages: the bytes, a human size, and where the cap came from. Stateless.
 */
public final class OutputCap {
    private OutputCap() {}

    /**
     * The cap of {@code context}, as in {@code "the disk cap of 20971520 bytes (20.0 MiB,
     * Resources.Disk)"}.
     *
     * @param context the execution, whose {@link ExecutionLimits#outputCapBytes()} is above 0
     * @return the words, without a final period
     */
    public static String describe(ExecutionContext context) {
        long cap = context.limits().outputCapBytes();
        String source = context.task().resources().diskBytes() == cap ? "Resources.Disk" : "the node's maxOutputBytes";
        return "the disk cap of " + cap + " bytes (" + human(cap) + ", " + source + ")";
    }

    /**
     * A byte count in binary units, one decimal: {@code 1.5 GiB}, {@code 100.0 GiB}, {@code 512 B}.
     *
     * @param bytes at least 0
     * @return the words
     */
    public static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
