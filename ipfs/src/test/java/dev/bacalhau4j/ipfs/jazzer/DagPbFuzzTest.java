package dev.bacalhau4j.ipfs.jazzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.dag.BlockLinks;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;

/**
 * Jazzer target for dag-pb decoding ({@code src/test/resources/dev/bacalhau4j/ipfs/jazzer/DagPbFuzzTestInputs/}).
 * The decoder accepts only the canonical form, so a node that decodes re-encodes to the very same
 * bytes, decodes again to an equal node, and lists the same links through {@link BlockLinks}.
 */
class DagPbFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) throws Exception {
        Expect.parsesOrIsRefused(() -> {
            PbNode node = DagPb.decode(input);
            byte[] encoded = DagPb.encode(node);
            assertThat(encoded).as("canonical re-encoding").isEqualTo(input);
            assertThat(DagPb.decode(encoded)).isEqualTo(node);
            Cid cid = Cid.v1(Multicodec.DAG_PB, Multihash.sha256(input));
            assertThat(BlockLinks.of(cid, input)).containsExactlyElementsOf(node.links().stream().map(PbLink::hash).toList());
        });
    }
}
