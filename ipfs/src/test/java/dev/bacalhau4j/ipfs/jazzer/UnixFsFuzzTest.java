package dev.bacalhau4j.ipfs.jazzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bacalhau4j.ipfs.dag.UnixFsData;

/**
 * Jazzer target for the UnixFS {@code Data} record ({@code src/test/resources/dev/bacalhau4j/ipfs/jazzer/UnixFsFuzzTestInputs/}).
 * Decoding is lenient where protobuf is (packed or unpacked blocksizes, long varints), so the
 * contract is decode(encode(x)) == x and a stable encoding, not byte equality with the input.
 */
class UnixFsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) throws Exception {
        Expect.parsesOrIsRefused(() -> {
            UnixFsData data = UnixFsData.decode(input);
            byte[] encoded = data.encode();
            UnixFsData again = UnixFsData.decode(encoded);
            assertThat(again).as("decode(encode(x))").isEqualTo(data);
            assertThat(again.encode()).as("a stable encoding").isEqualTo(encoded);
            assertThat(data.dataLength()).isEqualTo(data.data() == null ? 0 : data.data().length);
        });
    }
}
