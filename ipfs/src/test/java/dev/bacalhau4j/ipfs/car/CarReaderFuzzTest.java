package dev.bacalhau4j.ipfs.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.block.Block;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutates the reference CAR at random for a bounded time (system property {@code fuzz.seconds},
 * default 2): the reader must end every input cleanly or with {@link IpfsFormatException}.
 */
class CarReaderFuzzTest {

    @Test
    void shouldOnlyThrowTheDocumentedExceptionOnMutatedCars() throws IOException {
        byte[] seed = reference();
        long seconds = Long.getLong("fuzz.seconds", 2);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Random random = new Random(42);
        long runs = 0;
        long rejected = 0;
        while (System.nanoTime() < deadline) {
            byte[] input = mutate(seed, random);
            try {
                CarReader reader = new CarReader(new ByteArrayInputStream(input));
                for (Block b = reader.next(); b != null; b = reader.next()) {
                    assertThat(b.cid().matches(b.data())).isTrue();
                }
            } catch (IpfsFormatException e) {
                rejected++;
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("undocumented " + e + " for input " + HexFormat.of().formatHex(input), e);
            }
            runs++;
        }
        assertThat(runs).isGreaterThan(100);
        assertThat(rejected).isGreaterThan(0);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            switch (random.nextInt(4)) {
                case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                case 2 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
                default -> {
                    byte[] longer = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(8));
                    for (int j = out.length; j < longer.length; j++) {
                        longer[j] = (byte) random.nextInt(256);
                    }
                    out = longer;
                }
            }
            if (out.length == 0) {
                break;
            }
        }
        return out;
    }

    private static byte[] reference() throws IOException {
        try (InputStream in = CarReaderFuzzTest.class.getResourceAsStream("/vectors/car-basic.json")) {
            Matcher m = Pattern.compile("\"carHex\": \"([0-9a-f]+)\"")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            return HexFormat.of().parseHex(m.group(1));
        }
    }
}
