package dev.bacalhau4j.runtime.function.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.runtime.Mount;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox keeps its outputs' apparent size in the budget through every kind of change. */
class OutputBudgetTest {
    private static final FileTime EPOCH = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    private SandboxFileSystem sandbox(OutputBudget budget) throws Exception {
        Path in = Files.createDirectory(tmp.resolve("in"));
        Files.write(in.resolve("input.bin"), new byte[300]);
        Path out = Files.createDirectory(tmp.resolve("out"));
        return new SandboxFileSystem(List.of(new Mount(in, "/inputs", true), new Mount(out, "/outputs", false)),
                EPOCH, budget);
    }

    @Test
    void shouldGiveBackWhatDeletionTruncationAndOverwritingFree() throws Exception {
        OutputBudget budget = new OutputBudget(1000, "the disk cap of 1000 bytes");
        SandboxFileSystem fs = sandbox(budget);
        Files.write(fs.getPath("/outputs/a"), new byte[800]);
        assertThat(budget.used()).isEqualTo(800);

        Files.write(fs.getPath("/outputs/a"), new byte[700]); // TRUNCATE_EXISTING first
        assertThat(budget.used()).isEqualTo(700);
        try (FileChannel c = FileChannel.open(fs.getPath("/outputs/a"), StandardOpenOption.WRITE)) {
            c.truncate(100);
        }
        assertThat(budget.used()).isEqualTo(100);
        Files.delete(fs.getPath("/outputs/a"));
        assertThat(budget.used()).isZero();

        Files.write(fs.getPath("/outputs/b"), new byte[1000]);
        assertThat(budget.used()).isEqualTo(1000);
        assertThat(budget.refusal()).isEmpty();
    }

    @Test
    void shouldCheckCopiesAndKeepRenamesAtTheirSize() throws Exception {
        OutputBudget budget = new OutputBudget(1000, "the disk cap of 1000 bytes");
        SandboxFileSystem fs = sandbox(budget);
        Files.copy(fs.getPath("/inputs/input.bin"), fs.getPath("/outputs/one"));
        Files.copy(fs.getPath("/inputs/input.bin"), fs.getPath("/outputs/two"));
        Files.move(fs.getPath("/outputs/two"), fs.getPath("/outputs/one"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(budget.used()).isEqualTo(300);
        Files.copy(fs.getPath("/inputs/input.bin"), fs.getPath("/outputs/two"));
        Files.copy(fs.getPath("/inputs/input.bin"), fs.getPath("/outputs/three"));
        assertThat(budget.used()).isEqualTo(900);

        assertThatThrownBy(() -> Files.copy(fs.getPath("/inputs/input.bin"), fs.getPath("/outputs/four")))
                .isInstanceOf(OutputCapException.class);
        assertThat(Files.exists(fs.getPath("/outputs/four"))).as("refused before copying").isFalse();
        assertThat(budget.refusal()).contains("a write to /outputs/four would take the outputs to 1200 bytes"
                + " (apparent size), past the disk cap of 1000 bytes; the write was refused and nothing was published");
    }

    @Test
    void shouldRefuseAPositionalWritePastLongMaxValue() throws Exception {
        OutputBudget budget = new OutputBudget(1000, "the disk cap of 1000 bytes");
        SandboxFileSystem fs = sandbox(budget);
        try (FileChannel c = FileChannel.open(fs.getPath("/outputs/far"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> c.write(ByteBuffer.allocate(10), Long.MAX_VALUE - 5))
                    .isInstanceOf(OutputCapException.class);
            assertThat(c.size()).isZero();
        }
        assertThat(budget.refusal()).hasValueSatisfying(r -> assertThat(r).contains("more than " + Long.MAX_VALUE));
    }

    @Test
    void shouldCountWhatTheOutputsHeldBeforeTheGuestStarted() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("prefilled"));
        Files.write(out.resolve("left.bin"), new byte[400]);
        OutputBudget budget = new OutputBudget(1000, "the disk cap of 1000 bytes");
        SandboxFileSystem fs = new SandboxFileSystem(List.of(new Mount(out, "/outputs", false)), EPOCH, budget);

        assertThat(budget.used()).isEqualTo(400);
        assertThatThrownBy(() -> Files.write(fs.getPath("/outputs/more"), new byte[601]))
                .isInstanceOf(OutputCapException.class);
    }
}
