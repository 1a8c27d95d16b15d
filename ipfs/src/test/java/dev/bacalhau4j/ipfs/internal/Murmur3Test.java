package dev.bacalhau4j.ipfs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Murmur3Test {

    /** The murmur3 rows of the vectors file come from {@code @multiformats/murmur3}'s murmur3-128. */
    @Test
    void shouldMatchJsMurmur3WhenHashingVectorInputs() throws IOException {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Murmur3Test.class.getResourceAsStream("/vectors/unixfs-vectors.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (!f[0].equals("murmur3")) {
                    continue;
                }
                byte[] input = f[1].equals("-") ? new byte[0] : HexFormat.of().parseHex(f[1]);
                assertThat(HexFormat.of().formatHex(Murmur3.hash128(input))).as("murmur3 of %s", f[1]).isEqualTo(f[2]);
                assertThat(Murmur3.hash64(input)).isEqualTo(Long.parseUnsignedLong(f[2].substring(0, 16), 16));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }
}
