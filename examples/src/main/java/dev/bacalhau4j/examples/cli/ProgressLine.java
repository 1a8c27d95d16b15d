package dev.bacalhau4j.examples.cli;

import java.time.Duration;

/**
 * The text of the live line shown while a command waits for a job: a spinner frame, the job's
 * state, the time since the wait began and the job id, e.g. {@code ⠋ Running  00:03.2  job j-abc}.
 * Rendering is pure (no clock, no I/O), so tests assert it exactly; {@link LiveStatus} redraws it.
 */
final class ProgressLine {
    /** The spinner Bacalhau's CLI uses (braille dots), for UTF-8 terminals. */
    static final String BRAILLE = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    /** The spinner for terminals that may not draw braille. */
    static final String ASCII = "|/-\\";

    private final String spinner;

    /** A line drawn with the spinner {@code frames} (one character per frame). */
    ProgressLine(String frames) {
        if (frames.isEmpty()) throw new IllegalArgumentException("spinner frames must not be empty");
        this.spinner = frames;
    }

    /** The line for {@code frame} (counted from 0 by the redrawing thread). */
    String render(long frame, String state, Duration elapsed, String jobId) {
        char spin = spinner.charAt((int) Math.floorMod(frame, (long) spinner.length()));
        return spin + " " + state + "  " + elapsed(elapsed) + "  job " + jobId;
    }

    /** The line that replaces it when the job has ended: the same without the spinner. */
    static String finalLine(String state, Duration elapsed, String jobId) {
        return state + "  " + elapsed(elapsed) + "  job " + jobId;
    }

    /** {@code MM:SS.d} below an hour (minutes, seconds, tenths), {@code H:MM:SS} from an hour on. */
    static String elapsed(Duration d) {
        long tenths = Math.max(0, d.toMillis()) / 100;
        long seconds = tenths / 10;
        if (seconds >= 3600) {
            return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%02d:%02d.%d", seconds / 60, seconds % 60, tenths % 10);
    }
}
