package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStatusTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);

    @Test
    void shouldRedrawInPlacePaddingOverALongerLineAndClearOnClose() {
        List<String> frames = List.of("⠋ Queued  00:00.0  job j-1", "⠙ Running  00:00.1  job j-1", "", "⠹ Done  00:00.2  job j-1");
        LiveStatus status = new LiveStatus(err, n -> frames.get((int) n));

        assertThat(status.drawNext()).isTrue();
        assertThat(status.drawNext()).isTrue();
        assertThat(status.drawNext()).as("an empty frame draws nothing").isTrue();
        assertThat(status.drawNext()).isTrue();
        status.close();
        status.close();

        assertThat(text).hasToString("\r⠋ Queued  00:00.0  job j-1"
                + "\r⠙ Running  00:00.1  job j-1"
                + "\r⠹ Done  00:00.2  job j-1   "
                + "\r" + " ".repeat(27) + "\r");
        assertThat(status.drawNext()).as("nothing after close").isFalse();
    }

    @Test
    void shouldReplaceTheLineWithTheFinalOne() {
        LiveStatus status = new LiveStatus(err, n -> "⠋ Running  00:01.0  job j-1");
        status.drawNext();
        status.finish("Done  00:01.2  job j-1");

        assertThat(text).hasToString("\r⠋ Running  00:01.0  job j-1\rDone  00:01.2  job j-1     \n");
    }

    @Test
    void shouldCutLinesThatWouldWrapOnAnEightyColumnTerminal() {
        LiveStatus status = new LiveStatus(err, n -> "x".repeat(100));
        status.drawNext();
        assertThat(text).hasToString("\r" + "x".repeat(78) + "…");
    }

    @Test
    void shouldDrawAtOnceThenFromItsDaemonThreadUntilClosed() throws Exception {
        LiveStatus status = new LiveStatus(err, n -> "frame " + n).start();
        assertThat(text.toString()).as("the first frame is drawn by start() itself").isEqualTo("\rframe 0");
        Thread drawer = status.thread();
        assertThat(drawer.getName()).isEqualTo("bacalhau4j-progress");
        assertThat(drawer.isDaemon()).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!text.toString().contains("frame 2") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        status.close();

        assertThat(text.toString()).contains("\rframe 1", "\rframe 2").endsWith("\r" + " ".repeat(7) + "\r");
        drawer.join(Duration.ofSeconds(30).toMillis());
        assertThat(drawer.isAlive()).as("close() ends the thread").isFalse();
        String after = text.toString();
        Thread.sleep(LiveStatus.INTERVAL_MILLIS * 2);
        assertThat(text.toString()).as("nothing is drawn after close").isEqualTo(after);
    }
}
