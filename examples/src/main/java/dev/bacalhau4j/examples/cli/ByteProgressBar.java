package dev.bacalhau4j.examples.cli;

import java.util.Locale;

/**
 * The text of a transfer's progress bar: what is happening, a bar, bytes so far against the
 * total, and the rate, e.g. {@code Writing [#######.....] 12.3 MiB / 40.0 MiB  8.1 MiB/s}. With
 * no known total there is no bar: {@code Fetching 12.3 MiB  8.1 MiB/s}. Rendering is pure (no
 * clock, no I/O), so tests assert it exactly; {@link TransferProgress} feeds it.
 */
final class ByteProgressBar {
    private final int width;

    /** A bar {@code width} characters wide between its brackets. */
    ByteProgressBar(int width) {
        if (width < 1) throw new IllegalArgumentException("bar width must be at least 1 (got " + width + ")");
        this.width = width;
    }

    /**
     * The bar for {@code done} of {@code total} bytes ({@code total < 0}: unknown) moving at
     * {@code bytesPerSecond} (negative: not known yet, not shown).
     */
    String render(String label, long done, long total, double bytesPerSecond) {
        StringBuilder line = new StringBuilder(label).append(' ');
        if (total >= 0) {
            long shown = Math.min(done, total);   // a DAG's declared size may count a shared block twice
            int filled = total == 0 ? width : (int) (width * (double) shown / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ")
                    .append(bytes(shown)).append(" / ").append(bytes(total));
        } else {
            line.append(bytes(done));
        }
        if (bytesPerSecond >= 0) {
            line.append("  ").append(bytes(Math.round(bytesPerSecond))).append("/s");
        }
        return line.toString();
    }

    /** Bytes in binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 12.3 MiB}. */
    static String bytes(long n) {
        if (n < 1024) return n + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (Math.round(value * 10) >= 10240 && unit < units.length - 1) {   // 1023.96 KiB would print as 1024.0 KiB
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
