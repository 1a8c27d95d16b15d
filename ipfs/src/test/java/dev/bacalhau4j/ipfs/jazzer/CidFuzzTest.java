package dev.bacalhau4j.ipfs.jazzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multibase;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Jazzer targets for CIDs (text and binary), multibase and varints. The suite replays the inputs in
 * {@code src/test/resources/dev/bacalhau4j/ipfs/jazzer/CidFuzzTestInputs/<method>/};
 * {@code scripts/fuzz.sh} fuzzes. Bad input may only raise {@code IpfsFormatException}; what
 * parses must print back to the very text or bytes it came from (each form is canonical) and parse
 * again to an equal value.
 */
class CidFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        Expect.parsesOrIsRefused(() -> {
            Cid cid = Cid.parse(text);
            if (cid.version() == 0) {
                assertThat(cid.toString()).isEqualTo(text);
            } else {
                assertThat(cid.toString(Multibase.forPrefix(text.charAt(0)))).isEqualTo(text);
                for (Multibase base : Multibase.values()) {
                    assertThat(Cid.parse(cid.toString(base))).as(base.name()).isEqualTo(cid);
                }
            }
            assertThat(Cid.decode(cid.toBytes())).isEqualTo(cid);
        });
    }

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) throws Exception {
        Expect.parsesOrIsRefused(() -> {
            Cid cid = Cid.decode(input);
            assertThat(cid.toBytes()).isEqualTo(input);
            assertThat(cid.encodedLength()).isEqualTo(input.length);
            assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
            assertThat(Multihash.decode(cid.multihash().toBytes())).isEqualTo(cid.multihash());
            if (cid.isIdentity()) {
                assertThat(cid.matches(cid.identityData())).isTrue();
            }
        });
    }

    @FuzzTest(maxDuration = "60s")
    void multibase(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        Expect.parsesOrIsRefused(() -> {
            byte[] decoded = Multibase.decode(text);
            assertThat(Multibase.forPrefix(text.charAt(0)).encode(decoded)).as("canonical").isEqualTo(text);
        });
    }

    @FuzzTest(maxDuration = "60s")
    void varint(byte[] input) throws Exception {
        boolean decoded = Expect.parsesOrIsRefused(() -> {
            Varint.Decoded value = Varint.decode(input, 0, input.length, "fuzz");
            assertThat(value.value()).isNotNegative();
            assertThat(Varint.encode(value.value())).isEqualTo(Arrays.copyOf(input, value.length()));
            assertThat(Varint.read(new ByteArrayInputStream(input), "fuzz")).as("stream read").isEqualTo(value.value());
        });
        if (!decoded && input.length > 0) {
            boolean streamRead = Expect.parsesOrIsRefused(() -> Varint.read(new ByteArrayInputStream(input), "fuzz"));
            assertThat(streamRead).as("the stream reader accepts what decode refused").isFalse();
        }
    }
}
