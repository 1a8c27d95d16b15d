package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteProgressBarTest {
    private static final long MIB = 1024 * 1024;
    private final ByteProgressBar bar = new ByteProgressBar(12);

    @Test
    void shouldDrawTheBarBytesAndRate() {
        assertThat(bar.render("Writing", (long) (12.3 * MIB), 40 * MIB, 8.1 * MIB))
                .isEqualTo("Writing [###.........] 12.3 MiB / 40.0 MiB  8.1 MiB/s");
        assertThat(bar.render("Writing", 40 * MIB, 40 * MIB, 8.1 * MIB))
                .isEqualTo("Writing [############] 40.0 MiB / 40.0 MiB  8.1 MiB/s");
        assertThat(bar.render("Writing", 0, 40 * MIB, -1)).isEqualTo("Writing [............] 0 B / 40.0 MiB");
    }

    @Test
    void shouldDrawNoBarWhenTheTotalIsUnknown() {
        assertThat(bar.render("Fetching", 1536, -1, 512)).isEqualTo("Fetching 1.5 KiB  512 B/s");
    }

    @Test
    void shouldShowAnEmptyTransferAsCompleteAndNeverOverfill() {
        assertThat(bar.render("Writing", 0, 0, -1)).isEqualTo("Writing [############] 0 B / 0 B");
        assertThat(bar.render("Fetching", 300, 200, -1)).isEqualTo("Fetching [############] 200 B / 200 B");
    }

    @Test
    void shouldUseBinaryUnitsWithOneDecimal() {
        assertThat(ByteProgressBar.bytes(0)).isEqualTo("0 B");
        assertThat(ByteProgressBar.bytes(1023)).isEqualTo("1023 B");
        assertThat(ByteProgressBar.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(ByteProgressBar.bytes(MIB - 1)).isEqualTo("1.0 MiB");
        assertThat(ByteProgressBar.bytes(5L * 1024 * MIB)).isEqualTo("5.0 GiB");
        assertThat(ByteProgressBar.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }
}
