package dev.bacalhau4j.runtime.container.internal;

import java.time.Duration;

/** Durations as users write them ({@code 1s}, {@code 1m30s}, {@code 250ms}), not ISO-8601. */
public final class Durations {
    private Durations() {}

    public static String human(Duration d) {
        if (d.toMillisPart() != 0 || d.isZero()) return d.toMillis() + "ms";
        long h = d.toHours(), m = d.toMinutesPart(), s = d.toSecondsPart();
        return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (s > 0 ? s + "s" : "");
    }
}
