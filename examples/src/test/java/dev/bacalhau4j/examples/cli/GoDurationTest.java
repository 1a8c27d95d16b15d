package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class GoDurationTest {

    @Test
    void shouldReadGoDurations() {
        assertThat(GoDuration.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(GoDuration.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(GoDuration.parse("2m3s4ms")).isEqualTo(Duration.ofMillis(123_004));
    }

    @Test
    void shouldReadPlainNumbersAsSeconds() {
        assertThat(GoDuration.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(GoDuration.parse("0.5")).isEqualTo(Duration.ofMillis(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "10x", "1h 30m", "-5s", "soon", "5m30"})
    void shouldRejectOtherText(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a duration");
    }

    @Test
    void shouldPrintAsGoDoes() {
        assertThat(GoDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }
}
