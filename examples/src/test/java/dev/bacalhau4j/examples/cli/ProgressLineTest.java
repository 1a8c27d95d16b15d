package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final ProgressLine braille = new ProgressLine(ProgressLine.BRAILLE);

    @Test
    void shouldRenderSpinnerStateElapsedAndJobId() {
        assertThat(braille.render(0, "Running", Duration.ofMillis(3_250), "j-abc"))
                .isEqualTo("⠋ Running  00:03.2  job j-abc");
        assertThat(braille.render(1, "Queued", Duration.ZERO, "j-abc")).isEqualTo("⠙ Queued  00:00.0  job j-abc");
    }

    @Test
    void shouldCycleThroughTheSpinnerFrames() {
        ProgressLine ascii = new ProgressLine(ProgressLine.ASCII);
        StringBuilder spins = new StringBuilder();
        for (long frame = 0; frame < 9; frame++) {
            spins.append(ascii.render(frame, "Running", Duration.ZERO, "j-1").charAt(0));
        }
        assertThat(spins).hasToString("|/-\\|/-\\|");
        assertThat(braille.render(10, "Running", Duration.ZERO, "j-1")).startsWith("⠋ ");
    }

    @Test
    void shouldFormatElapsedAsMinutesSecondsTenthsThenHours() {
        assertThat(ProgressLine.elapsed(Duration.ofMillis(99))).isEqualTo("00:00.0");
        assertThat(ProgressLine.elapsed(Duration.ofMillis(61_999))).isEqualTo("01:01.9");
        assertThat(ProgressLine.elapsed(Duration.ofMinutes(59).plusSeconds(59).plusMillis(900))).isEqualTo("59:59.9");
        assertThat(ProgressLine.elapsed(Duration.ofHours(1).plusMinutes(2).plusSeconds(3))).isEqualTo("1:02:03");
        assertThat(ProgressLine.elapsed(Duration.ofMillis(-5))).isEqualTo("00:00.0");
    }

    @Test
    void shouldDropTheSpinnerInTheFinalLine() {
        assertThat(ProgressLine.finalLine("Completed", Duration.ofMillis(5_120), "j-abc"))
                .isEqualTo("Completed  00:05.1  job j-abc");
    }
}
