package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.core.LogChunk;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LiveLogPrinterTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldPrintACharacterSplitAcrossChunksWhole() {
        LiveLogPrinter printer = new LiveLogPrinter(new PrintWriter(out), new PrintWriter(err), false);
        byte[] text = "naïve €5 🐟\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            printer.accept(new LogChunk("e-1", LogChunk.Stream.STDOUT, Arrays.copyOfRange(text, i, i + 1)));
        }
        printer.finish();

        assertThat(out.toString()).isEqualTo("naïve €5 🐟\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldSendStderrToErrAndNameEachExecutionOfSeveral() {
        LiveLogPrinter printer = new LiveLogPrinter(new PrintWriter(out), new PrintWriter(err), true);
        printer.accept(new LogChunk("e-1", LogChunk.Stream.STDOUT, "one\n".getBytes(StandardCharsets.UTF_8)));
        printer.accept(new LogChunk("e-1", LogChunk.Stream.STDERR, "warn\n".getBytes(StandardCharsets.UTF_8)));
        printer.accept(new LogChunk("e-2", LogChunk.Stream.STDOUT, "two\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(out.toString()).isEqualTo("==> execution e-1 <==\none\n==> execution e-2 <==\ntwo\n");
        assertThat(err.toString()).isEqualTo("warn\n");
    }

    @Test
    void shouldPrintAStreamThatEndsMidCharacterAtTheEnd() {
        LiveLogPrinter printer = new LiveLogPrinter(new PrintWriter(out), new PrintWriter(err), false);
        printer.accept(new LogChunk("e-1", LogChunk.Stream.STDERR, new byte[] {'a', (byte) 0xe2, (byte) 0x82}));
        assertThat(err.toString()).isEqualTo("a");
        printer.finish();
        assertThat(err.toString()).isEqualTo("a\uFFFD");
    }
}
