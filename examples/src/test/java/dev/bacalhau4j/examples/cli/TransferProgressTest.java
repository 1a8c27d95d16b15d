package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.TransferListener;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Steps and rates, on a fake clock. */
class TransferProgressTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TransferProgress progress = new TransferProgress(nanos::get, new ByteProgressBar(10));

    @Test
    void shouldDrawNothingBeforeAStepReports() {
        progress.step("Fetching");
        assertThat(progress.line()).isEmpty();
    }

    @Test
    void shouldShowTheLatestStepWithItsAverageRate() {
        TransferListener fetching = progress.step("Fetching");
        TransferListener writing = progress.step("Writing");

        fetching.transferred(0, -1);
        assertThat(progress.line()).as("no rate in the first 200 ms").isEqualTo("Fetching 0 B");
        nanos.addAndGet(2_000_000_000L);
        fetching.transferred(4096, -1);
        assertThat(progress.line()).isEqualTo("Fetching 4.0 KiB  2.0 KiB/s");

        writing.transferred(0, 1000);
        nanos.addAndGet(500_000_000L);
        writing.transferred(500, 1000);
        assertThat(progress.line()).as("the rate restarts with the step").isEqualTo("Writing [#####.....] 500 B / 1000 B  1000 B/s");
    }
}
