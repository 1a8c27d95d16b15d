package dev.bacalhau4j.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CidTest {
    private static final String HELLO_RAW = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";
    private static final String EMPTY_FILE_V0 = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";

    @Test
    void shouldGiveTheKnownRawCidOfHelloWorld() {
        Cid cid = Cid.raw("hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(cid).hasToString(HELLO_RAW);
        assertThat(cid.codecName()).isEqualTo("raw");
        assertThat(Cid.parse(HELLO_RAW)).isEqualTo(cid);
    }

    @Test
    void shouldRoundTripCidV0AndItsV1Forms() {
        Cid v0 = Cid.parse(EMPTY_FILE_V0);
        assertThat(v0.version()).isZero();
        assertThat(v0).hasToString(EMPTY_FILE_V0);
        assertThat(Cid.decode(v0.toBytes())).isEqualTo(v0);
        Cid v1 = v0.toV1();
        assertThat(v1.toString()).startsWith("bafybei");
        assertThat(v1).isNotEqualTo(v0);
        for (Multibase base : new Multibase[] {Multibase.BASE32, Multibase.BASE32_UPPER, Multibase.BASE58BTC,
                Multibase.BASE36, Multibase.BASE36_UPPER, Multibase.BASE16}) {
            assertThat(Cid.parse(v1.toString(base))).as(base.name()).isEqualTo(v1);
        }
    }

    @Test
    void shouldParseDagCborCids() {
        Cid cid = Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(new byte[] {1, 2, 3}));
        assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
        assertThat(cid.codecName()).isEqualTo("dag-cbor");
        assertThat(cid.toString()).startsWith("bafyrei");
    }

    @Test
    void shouldVerifyAndRefuseBlocks() {
        byte[] data = "hello world".getBytes(StandardCharsets.UTF_8);
        Cid cid = Cid.raw(data);
        cid.verify(data);
        assertThatThrownBy(() -> cid.verify("hello worle".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BlockMismatchException.class)
                .hasMessageContaining(HELLO_RAW);
    }

    @Test
    void shouldExplainMalformedCids() {
        assertThatThrownBy(() -> Cid.parse("Qmx")).isInstanceOf(IpfsFormatException.class)
                .hasMessageContaining("not a CID: \"Qmx\"");
        assertThatThrownBy(() -> Cid.parse("bafy!!")).hasMessageContaining("invalid base32 character '!'");
        assertThatThrownBy(() -> Cid.parse("xabc")).hasMessageContaining("unsupported multibase prefix 'x'");
        assertThatThrownBy(() -> Cid.parse("")).hasMessage("empty CID");
        assertThatThrownBy(() -> Cid.parse("b" + "a".repeat(600))).hasMessageContaining("longer than 512");
        byte[] v2 = {2, 0x55, 0x12, 0x20};
        assertThatThrownBy(() -> Cid.decode(v2)).hasMessageContaining("unsupported CID version 2");
        byte[] truncated = Cid.raw(new byte[0]).toBytes();
        assertThatThrownBy(() -> Cid.decode(java.util.Arrays.copyOf(truncated, 20)))
                .hasMessageContaining("digest truncated");
        assertThatThrownBy(() -> Cid.decode(new byte[] {1, 0x55, 0x13, 0x20}))
                .hasMessageContaining("unsupported multihash function 0x13");
        assertThatThrownBy(() -> Cid.decode(new byte[] {(byte) 0x81, 0x00}))
                .hasMessageContaining("not minimally encoded");
    }

    @Test
    void shouldNameCodecsAbove32BitsInHexWhenTheirLowBitsMatchAKnownCodec() {
        Cid cid = Cid.v1((1L << 35) | Multicodec.LIBP2P_KEY, Multihash.sha256(new byte[0]));
        assertThat(cid.codecName()).isEqualTo("0x800000072");
    }

    @Test
    void shouldAnswerIdentityCidsFromThemselves() {
        Cid cid = Cid.v1(Multicodec.RAW, Multihash.identity(new byte[] {7, 8}));
        assertThat(cid.identityData()).containsExactly(7, 8);
        assertThat(cid.matches(new byte[] {7, 8})).isTrue();
        assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
    }
}
