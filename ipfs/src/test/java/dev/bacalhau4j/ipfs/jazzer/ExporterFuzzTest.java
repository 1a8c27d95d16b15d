package dev.bacalhau4j.ipfs.jazzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.exporter.DirEntry;
import dev.bacalhau4j.ipfs.exporter.Exporter;
import dev.bacalhau4j.ipfs.exporter.NodeStat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for the UnixFS exporter over a fuzzed DAG ({@link IndexedBlocks}; inputs in
 * {@code src/test/resources/dev/bacalhau4j/ipfs/jazzer/ExporterFuzzTestInputs/}): files, directories,
 * HAMT shards and symlinks. Walking the tree (stat, list, resolve each entry by its path, read files)
 * may fail only with the {@link IOException}s the exporter documents (missing block, corrupt DAG,
 * not a directory, ...), never with a runtime exception or error. What it lists resolves by name,
 * and a file reads exactly as many bytes as its stat says. Entry names are listed as stored: one
 * that is not a safe name (empty, ".", "..", '/' or NUL) cannot be resolved as a path segment.
 */
class ExporterFuzzTest {
    /** Bounds that keep one input fast: a DAG can describe far more than its bytes (shared children). */
    private static final int MAX_DEPTH = 4;
    private static final int MAX_ENTRIES = 32;
    private static final long MAX_READ = 1 << 16;

    @FuzzTest(maxDuration = "60s")
    void walk(byte[] input) {
        Exporter exporter = new Exporter(IndexedBlocks.store(input));
        try {
            walk(exporter, IndexedBlocks.root(), List.of());
        } catch (IOException refused) {
            assertThat(refused.getMessage()).as("message of %s", refused).isNotBlank();
        }
    }

    private static void walk(Exporter exporter, Cid cid, List<String> path) throws IOException {
        NodeStat stat = exporter.stat(cid, "/" + String.join("/", path));
        if (stat.isDirectory() && path.size() < MAX_DEPTH) {
            List<DirEntry> entries = exporter.list(cid);
            for (DirEntry entry : entries.subList(0, Math.min(entries.size(), MAX_ENTRIES))) {
                List<String> child = new ArrayList<>(path);
                child.add(entry.name());
                if (!Exporter.isSafeName(entry.name())) {
                    // listed as stored; a path cannot name it, and resolve says so as the misuse it is
                    assertThatThrownBy(() -> exporter.resolve(IndexedBlocks.root(), child))
                            .isInstanceOf(IllegalArgumentException.class);
                    continue;
                }
                Cid resolved = exporter.resolve(IndexedBlocks.root(), child).cid();
                assertThat(entries).as("%s resolves to an entry it lists", child)
                        .anyMatch(e -> e.name().equals(entry.name()) && e.cid().equals(resolved));
                walk(exporter, entry.cid(), child);
            }
        } else if (stat.isFile()) {
            long expected = Math.min(stat.size(), MAX_READ);
            long read = exporter.cat(cid, 0, MAX_READ, OutputStream.nullOutputStream());
            assertThat(read).as("bytes read of %s (stat size %d)", cid, stat.size()).isEqualTo(expected);
        } else if (stat.isSymlink()) {
            assertThat(stat.symlinkTarget()).isNotNull();
        }
    }
}
