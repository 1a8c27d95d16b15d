package dev.bacalhau4j.ipfs.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.Multihash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DagPbTest {

    private static Cid v0(PbNode node) {
        return Cid.v0(Multihash.sha256(DagPb.encode(node)));
    }

    @Test
    void shouldEncodeKubosClassicLeavesAndEmptyDirectory() {
        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
        PbNode helloNode = new PbNode(List.of(), UnixFsData.file(hello, hello.length, List.of()).encode());
        assertThat(v0(helloNode)).hasToString("QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN");

        PbNode empty = new PbNode(List.of(), UnixFsData.file(null, 0, List.of()).encode());
        assertThat(v0(empty)).hasToString("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");

        PbNode dir = new PbNode(List.of(), UnixFsData.directory().encode());
        assertThat(v0(dir)).hasToString("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    }

    @Test
    void shouldRoundTripNodesWithLinksByteForByte() {
        Cid child = Cid.raw(new byte[] {1});
        PbNode node = new PbNode(List.of(PbLink.of(child, "", 1), new PbLink(child, null, null),
                PbLink.of(child, "naïve.txt", 300)), UnixFsData.file(null, 301, List.of(1L, 300L)).encode());
        byte[] encoded = DagPb.encode(node);
        PbNode decoded = DagPb.decode(encoded);
        assertThat(decoded).isEqualTo(node);
        assertThat(DagPb.encode(decoded)).isEqualTo(encoded);
        UnixFsData data = UnixFsData.decode(decoded.data());
        assertThat(data.type()).isEqualTo(UnixFsType.FILE);
        assertThat(data.blocksizes()).containsExactly(1L, 300L);
        assertThat(UnixFsData.decode(data.encode())).isEqualTo(data);
    }

    @Test
    void shouldDecodeAnEmptyDataFieldAsAbsentWhenReencoding() {
        byte[] explicitEmpty = {0x08, 0x02, 0x12, 0x00, 0x18, 0x00};
        UnixFsData data = UnixFsData.decode(explicitEmpty);
        assertThat(data.data()).isNull();
        assertThat(data).isEqualTo(UnixFsData.file(null, 0, List.of()));
        assertThat(UnixFsData.decode(data.encode())).isEqualTo(data);
        assertThat(UnixFsData.file(new byte[0], 0, List.of())).isEqualTo(data);
    }

    @Test
    void shouldRefuseNonCanonicalAndMalformedNodes() {
        // Data (field 1) before a link (field 2)
        byte[] dataThenLink = {0x0a, 0x00, 0x12, 0x00};
        assertThatThrownBy(() -> DagPb.decode(dataThenLink)).isInstanceOf(IpfsFormatException.class)
                .hasMessageContaining("link after Data");
        assertThatThrownBy(() -> DagPb.decode(new byte[] {0x12, 0x00})).hasMessageContaining("missing Hash");
        assertThatThrownBy(() -> DagPb.decode(new byte[] {0x1a, 0x00})).hasMessageContaining("unknown field 3");
        assertThatThrownBy(() -> DagPb.decode(new byte[] {0x0a, 0x05, 1})).hasMessageContaining("claims 5 bytes");
        assertThatThrownBy(() -> DagPb.decode(new byte[] {0x08, 0x01})).hasMessageContaining("wire type 0");
        assertThatThrownBy(() -> UnixFsData.decode(new byte[] {0x08, 0x09})).hasMessageContaining("unknown UnixFS type 9");
        assertThatThrownBy(() -> UnixFsData.decode(new byte[] {0x18, 0x01})).hasMessageContaining("missing Type");
        byte[] fanoutAbove63Bits = {0x08, 0x05, 0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> UnixFsData.decode(fanoutAbove63Bits)).isInstanceOf(IpfsFormatException.class)
                .hasMessageContaining("fanout out of range");
    }
}
