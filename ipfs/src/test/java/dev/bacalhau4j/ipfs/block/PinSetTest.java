package dev.bacalhau4j.ipfs.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.Cid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinSetTest {
    private static final Cid A = TestDags.raw("a").cid();
    private static final Cid B = TestDags.raw("b").cid();

    @TempDir
    Path dir;

    @Test
    void shouldKeepPinsWithTheirNamesWhenTheStoreIsReopened() throws IOException {
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThat(store.pins().pin(A, "dataset: wikipedia 2024")).isTrue();
            assertThat(store.pins().pin(B)).isTrue();
            assertThat(store.pins().pin(B)).isFalse();
        }
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThat(store.pins().list()).containsExactlyInAnyOrder(new Pin(A, "dataset: wikipedia 2024"),
                    new Pin(B, ""));
            assertThat(store.pins().unpin(A)).isTrue();
            assertThat(store.pins().unpin(A)).isFalse();
        }
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThat(store.pins().isPinned(A)).isFalse();
            assertThat(store.pins().get(B)).contains(new Pin(B, ""));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("blocks", "pins", "LOCK");
        }
    }

    @Test
    void shouldReplaceTheNameWhenPinningAgain() throws IOException {
        try (FileBlockstore store = FileBlockstore.open(dir)) {
            assertThat(store.pins().pin(A, "old")).isTrue();
            assertThat(store.pins().pin(A, "new")).isFalse();
            assertThat(store.pins().get(A)).contains(new Pin(A, "new"));
        }
    }

    @Test
    void shouldTellTheLineWhenThePinFileIsDamaged() throws IOException {
        Files.writeString(dir.resolve("pins"), PinFile.HEADER + "\n" + A + "\nQmNotACid\n");
        assertThatThrownBy(() -> FileBlockstore.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("pins") + " line 3")
                .hasMessageContaining("not a CID: \"QmNotACid\"");
    }

    @Test
    void shouldRefuseNamesWithControlCharacters() {
        assertThatThrownBy(() -> new Pin(A, "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters")
                .hasMessageContaining("index 3");
    }

    @Test
    void shouldForgetALeaseWhenItIsClosedAndRefuseNewRoots() {
        MemoryBlockstore store = new MemoryBlockstore();
        Lease lease = store.pins().lease("job j-1", A);
        lease.add(B);
        assertThat(lease.roots()).containsExactlyInAnyOrder(A, B);
        assertThat(store.pins().openLeases()).isEqualTo(1);

        lease.close();
        lease.close();

        assertThat(store.pins().openLeases()).isZero();
        assertThatThrownBy(() -> lease.add(A))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("job j-1")
                .hasMessageContaining("is closed");
    }
}
