package dev.bacalhau4j.ipfs.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multibase;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** decode(encode(x)) == x for random valid values, and the radix codecs agree with BigInteger arithmetic. */
class RoundTripPropertyTest {
    private static final int RUNS = 3_000;
    private final SplittableRandom random = new SplittableRandom(Long.getLong("fuzz.seed", 20_241_125L));

    private byte[] bytes(int max) {
        byte[] out = new byte[random.nextInt(max + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    private long anyNonNegative() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(128);
            case 1 -> random.nextInt(Integer.MAX_VALUE);
            case 2 -> Long.MAX_VALUE - random.nextInt(3);
            default -> random.nextLong(Long.MAX_VALUE);
        };
    }

    private Cid cid() {
        byte[] data = bytes(40);
        return switch (random.nextInt(5)) {
            case 0 -> Cid.v0(Multihash.sha256(data));
            case 1 -> Cid.raw(data);
            case 2 -> Cid.v1(Multicodec.DAG_PB, Multihash.sha256(data));
            case 3 -> Cid.v1(anyNonNegative(), Multihash.identity(data));
            default -> Cid.v1(Multicodec.DAG_CBOR, Multihash.identity(new byte[0]));
        };
    }

    private String name() {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "";
            default -> {
                StringBuilder out = new StringBuilder();
                int length = random.nextInt(12);
                for (int i = 0; i < length; i++) {
                    int codePoint;
                    do {
                        codePoint = random.nextInt(3) == 0 ? random.nextInt(0x110000) : random.nextInt(0x80);
                    } while (codePoint >= 0xD800 && codePoint <= 0xDFFF); // lone surrogates are not text
                    out.appendCodePoint(codePoint);
                }
                yield out.toString();
            }
        };
    }

    @Test
    void shouldDecodeWhatItEncodesWhenNodesAreRandom() {
        for (int run = 0; run < RUNS; run++) {
            List<PbLink> links = new ArrayList<>();
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                links.add(new PbLink(cid(), name(), random.nextBoolean() ? null : anyNonNegative()));
            }
            PbNode node = new PbNode(links, random.nextInt(3) == 0 ? null : bytes(64));
            byte[] encoded = DagPb.encode(node);
            assertThat(DagPb.decode(encoded)).as("run %d", run).isEqualTo(node);
            assertThat(DagPb.encode(DagPb.decode(encoded))).isEqualTo(encoded);
        }
    }

    @Test
    void shouldDecodeWhatItEncodesWhenUnixFsDataIsRandom() {
        UnixFsType[] types = UnixFsType.values();
        for (int run = 0; run < RUNS; run++) {
            List<Long> blocksizes = new ArrayList<>();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                blocksizes.add(anyNonNegative());
            }
            UnixFsData data = new UnixFsData(types[random.nextInt(types.length)],
                    random.nextBoolean() ? null : bytes(32),
                    random.nextBoolean() ? null : anyNonNegative(),
                    blocksizes,
                    random.nextBoolean() ? null : anyNonNegative(),
                    random.nextBoolean() ? null : anyNonNegative(),
                    random.nextBoolean() ? null : random.nextInt(),
                    random.nextBoolean() ? null : new UnixFsData.UnixTime(random.nextLong(),
                            random.nextBoolean() ? null : random.nextInt()));
            assertThat(UnixFsData.decode(data.encode())).as("run %d: %s", run, data).isEqualTo(data);
        }
    }

    @Test
    void shouldParseWhatItPrintsWhenCidsAreRandom() {
        for (int run = 0; run < RUNS; run++) {
            Cid cid = cid();
            assertThat(Cid.decode(cid.toBytes())).isEqualTo(cid);
            assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
            if (cid.version() == 1) {
                for (Multibase base : Multibase.values()) {
                    assertThat(Cid.parse(cid.toString(base))).as(base.name()).isEqualTo(cid);
                }
            }
            assertThat(Multihash.decode(cid.multihash().toBytes())).isEqualTo(cid.multihash());
        }
    }

    @Test
    void shouldAgreeWithBigIntegerWhenConvertingRadixBases() {
        for (int run = 0; run < RUNS; run++) {
            byte[] data = bytes(80);
            if (random.nextInt(4) == 0 && data.length > 2) {
                data[0] = 0;
                data[1] = 0;
            }
            for (Multibase base : new Multibase[] {Multibase.BASE58BTC, Multibase.BASE36, Multibase.BASE36_UPPER}) {
                String alphabet = base == Multibase.BASE58BTC
                        ? "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
                        : base == Multibase.BASE36 ? "0123456789abcdefghijklmnopqrstuvwxyz"
                        : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                String expected = reference(data, alphabet);
                assertThat(base.encodeRaw(data)).as("%s of %d bytes", base, data.length).isEqualTo(expected);
                assertThat(base.decodeRaw(expected)).isEqualTo(data);
            }
        }
    }

    private static String reference(byte[] data, String alphabet) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        StringBuilder digits = new StringBuilder();
        BigInteger value = new BigInteger(1, data);
        BigInteger radix = BigInteger.valueOf(alphabet.length());
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(radix);
            digits.append(alphabet.charAt(qr[1].intValue()));
            value = qr[0];
        }
        return String.valueOf(alphabet.charAt(0)).repeat(zeros) + digits.reverse();
    }

    @Test
    void shouldDecodeWhatItEncodesWhenVarintsAreRandom() {
        for (int run = 0; run < RUNS; run++) {
            long value = anyNonNegative();
            byte[] encoded = Varint.encode(value);
            assertThat(Varint.decode(encoded, 0, encoded.length, "test")).isEqualTo(new Varint.Decoded(value,
                    encoded.length));
        }
    }
}
