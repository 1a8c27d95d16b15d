package dev.bacalhau4j.ipfs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.importer.UnixFsImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress that importing a tree and writing it back out report: real files, a real blockstore. */
class TransferProgressTest {
    private final MemoryBlockstore store = new MemoryBlockstore();

    @TempDir
    Path tmp;

    /** Records every call. */
    private static final class Recorder implements TransferListener {
        final List<long[]> calls = new ArrayList<>();

        @Override
        public void transferred(long doneBytes, long totalBytes) {
            calls.add(new long[] {doneBytes, totalBytes});
        }

        long[] last() {
            return calls.get(calls.size() - 1);
        }

        boolean neverDecreases() {
            for (int i = 1; i < calls.size(); i++) {
                if (calls.get(i)[0] < calls.get(i - 1)[0]) return false;
            }
            return true;
        }
    }

    private Path sampleTree() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        byte[] big = new byte[700_000];
        new java.util.Random(3).nextBytes(big);
        Files.write(in.resolve("big.bin"), big);
        Files.writeString(in.resolve("sub/a.txt"), "alpha\n");
        Files.createSymbolicLink(in.resolve("link"), Path.of("sub/a.txt"));
        return in;
    }

    @Test
    void shouldReportTheFileBytesReadWhileImportingATree() throws Exception {
        Path in = sampleTree();
        Recorder read = new Recorder();

        Cid withProgress = new UnixFsImporter(store).addTree(in, read).cid();

        assertThat(withProgress).isEqualTo(new UnixFsImporter(new MemoryBlockstore()).addTree(in).cid());
        assertThat(read.calls.get(0)).containsExactly(0, 700_006);
        assertThat(read.last()).containsExactly(700_006, 700_006);
        assertThat(read.calls).allMatch(c -> c[1] == 700_006);
        assertThat(read.neverDecreases()).isTrue();
    }

    @Test
    void shouldReportTheFileBytesWrittenAgainstTheDeclaredTotalWhileExporting() throws Exception {
        Cid root = new UnixFsImporter(store).addTree(sampleTree()).cid();
        Recorder written = new Recorder();
        Path out = tmp.resolve("out");

        new Exporter(store).get(root, out, written);

        assertThat(Files.size(out.resolve("big.bin"))).isEqualTo(700_000);
        assertThat(Files.readString(out.resolve("sub/a.txt"))).isEqualTo("alpha\n");
        assertThat(written.calls.get(0)).containsExactly(0, 700_006);
        assertThat(written.last()).containsExactly(700_006, 700_006);
        assertThat(written.calls.size()).as("reported in chunks, not once").isGreaterThan(3);
        assertThat(written.neverDecreases()).isTrue();
    }
}
