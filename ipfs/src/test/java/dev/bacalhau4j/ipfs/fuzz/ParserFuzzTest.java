package dev.bacalhau4j.ipfs.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.Multibase;
import dev.bacalhau4j.ipfs.Multicodec;
import dev.bacalhau4j.ipfs.Multihash;
import dev.bacalhau4j.ipfs.dag.BlockLinks;
import dev.bacalhau4j.ipfs.dag.DagPb;
import dev.bacalhau4j.ipfs.dag.PbLink;
import dev.bacalhau4j.ipfs.dag.PbNode;
import dev.bacalhau4j.ipfs.dag.UnixFsData;
import dev.bacalhau4j.ipfs.dag.UnixFsType;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes each parser for {@code fuzz.seconds} (default 2): only {@code IpfsFormatException}
 * escapes, nothing hangs or allocates out of proportion, and what parses round-trips.
 */
@Tag("fuzz")
class ParserFuzzTest {
    private static final Set<Long> NAMED_CODECS = Set.of((long) Multicodec.RAW, (long) Multicodec.DAG_PB,
            (long) Multicodec.DAG_CBOR, (long) Multicodec.LIBP2P_KEY, (long) Multicodec.DAG_JSON);

    /** Text targets: radix decoding is quadratic in time, so longer strings would only slow the search. */
    private static final int MAX_TEXT = 1024;

    private static MutationFuzzer.Stats fuzz(String target, List<byte[]> seeds, MutationFuzzer.Property property)
            throws InterruptedException {
        return fuzz(target, seeds, MutationFuzzer.MAX_INPUT, property);
    }

    private static MutationFuzzer.Stats fuzz(String target, List<byte[]> seeds, int maxInput,
            MutationFuzzer.Property property) throws InterruptedException {
        MutationFuzzer.Stats stats = new MutationFuzzer(target, seeds, MutationFuzzer.regressions(target), maxInput)
                .run(property);
        System.out.println("fuzz " + stats);
        assertThat(stats.accepted()).as("inputs that parsed").isPositive();
        return stats;
    }

    private static List<byte[]> utf8(List<String> texts) {
        return texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    static List<Cid> seedCids() {
        byte[] node = DagPb.encode(new PbNode(List.of(), UnixFsData.directory().encode()));
        return List.of(
                Cid.v0(Multihash.sha256(node)),
                Cid.v1(Multicodec.DAG_PB, Multihash.sha256(node)),
                Cid.raw("hello world".getBytes(StandardCharsets.UTF_8)),
                Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(new byte[] {1})),
                Cid.v1(0x0129, Multihash.identity(new byte[] {'{', '}'})),
                Cid.v1(Multicodec.RAW, Multihash.identity(new byte[0])),
                Cid.v1(0x300001, Multihash.sha256(new byte[0])));
    }

    private static void checkCid(Cid cid) {
        assertThat(Cid.decode(cid.toBytes())).isEqualTo(cid);
        assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
        if (cid.version() == 1) {
            for (Multibase base : Multibase.values()) {
                assertThat(Cid.parse(cid.toString(base))).as(base.name()).isEqualTo(cid);
            }
        }
        if (!NAMED_CODECS.contains(cid.codec())) {
            assertThat(cid.codecName()).as("name of codec %d", cid.codec()).startsWith("0x");
        }
    }

    @Test
    void shouldOnlyThrowTheDocumentedExceptionWhenParsingCidStrings() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (Cid cid : seedCids()) {
            seeds.add(cid.toString());
            if (cid.version() == 1) {
                for (Multibase base : Multibase.values()) {
                    seeds.add(cid.toString(base));
                }
            } else {
                seeds.add("z" + cid);
            }
        }
        fuzz("cid-parse", utf8(seeds), MAX_TEXT, input -> checkCid(Cid.parse(text(input))));
    }

    @Test
    void shouldOnlyThrowTheDocumentedExceptionWhenDecodingBinaryCids() throws Exception {
        fuzz("cid-decode", seedCids().stream().map(Cid::toBytes).toList(), input -> {
            Cid cid = Cid.decode(input);
            assertThat(cid.toBytes()).isEqualTo(input);
            checkCid(cid);
        });
    }

    @Test
    void shouldOnlyThrowTheDocumentedExceptionWhenDecodingMultibase() throws Exception {
        List<String> seeds = new ArrayList<>();
        byte[][] payloads = {new byte[0], {0}, {0, 0, 1}, {(byte) 0xff}, "hello world".getBytes(StandardCharsets.UTF_8),
                seedCids().get(1).toBytes()};
        for (byte[] payload : payloads) {
            for (Multibase base : Multibase.values()) {
                seeds.add(base.encode(payload));
            }
        }
        fuzz("multibase-decode", utf8(seeds), MAX_TEXT, input -> {
            String text = text(input);
            byte[] decoded = Multibase.decode(text);
            assertThat(Multibase.forPrefix(text.charAt(0)).encode(decoded)).as("canonical").isEqualTo(text);
        });
    }

    @Test
    void shouldOnlyThrowTheDocumentedExceptionWhenDecodingMultihashes() throws Exception {
        List<byte[]> seeds = List.of(Multihash.sha256(new byte[0]).toBytes(),
                Multihash.identity(new byte[0]).toBytes(), Multihash.identity(new byte[] {1, 2, 3}).toBytes(),
                Multihash.identity(new byte[128]).toBytes());
        fuzz("multihash-decode", seeds, input -> {
            Multihash multihash = Multihash.decode(input);
            assertThat(multihash.toBytes()).isEqualTo(input);
            assertThat(Multihash.decode(multihash.toBytes())).isEqualTo(multihash);
        });
    }

    @Test
    void shouldOnlyThrowTheDocumentedExceptionWhenDecodingVarints() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (long value : new long[] {0, 1, 127, 128, 300, 1L << 31, 1L << 56, Long.MAX_VALUE}) {
            seeds.add(Varint.encode(value));
        }
        fuzz("varint-decode", seeds, input -> {
            Varint.Decoded decoded = Varint.decode(input, 0, input.length, "fuzz");
            assertThat(decoded.value()).isNotNegative();
            assertThat(Varint.encode(decoded.value())).isEqualTo(Arrays.copyOf(input, decoded.length()));
        });
    }

    static List<byte[]> dagPbSeeds() {
        List<Cid> cids = seedCids();
        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
        return List.of(
                new byte[0],
                DagPb.encode(new PbNode(List.of(), UnixFsData.directory().encode())),
                DagPb.encode(new PbNode(List.of(), UnixFsData.file(hello, hello.length, List.of()).encode())),
                DagPb.encode(new PbNode(List.of(), new byte[0])),
                DagPb.encode(new PbNode(List.of(PbLink.of(cids.get(0), "a.txt", 12), new PbLink(cids.get(2), null, null),
                        new PbLink(cids.get(4), "", null), new PbLink(cids.get(5), null, 7L)),
                        UnixFsData.file(null, 19, List.of(12L, 7L)).encode())),
                DagPb.encode(new PbNode(List.of(PbLink.of(cids.get(1), "naïve ☃", Long.MAX_VALUE)), null)));
    }

    @Test
    void shouldOnlyThrowTheDocumentedExceptionAndStayCanonicalWhenDecodingDagPb() throws Exception {
        fuzz("dagpb-decode", dagPbSeeds(), input -> {
            PbNode node = DagPb.decode(input);
            assertThat(DagPb.encode(node)).as("canonical re-encoding").isEqualTo(input);
            Cid cid = Cid.v1(Multicodec.DAG_PB, Multihash.sha256(input));
            assertThat(BlockLinks.of(cid, input)).hasSize(node.links().size());
        });
    }

    static List<byte[]> unixFsSeeds() {
        HexFormat hex = HexFormat.of();
        return List.of(
                UnixFsData.directory().encode(),
                UnixFsData.file(null, 0, List.of()).encode(),
                UnixFsData.file("hi".getBytes(StandardCharsets.UTF_8), 2, List.of()).encode(),
                UnixFsData.file(null, 300, List.of(100L, 200L)).encode(),
                new UnixFsData(UnixFsType.HAMT_SHARD, new byte[] {(byte) 0xff}, null, List.of(), 0x22L, 256L, null,
                        null).encode(),
                new UnixFsData(UnixFsType.SYMLINK, "../x".getBytes(StandardCharsets.UTF_8), null, List.of(), null,
                        null, 0755, new UnixFsData.UnixTime(1_700_000_000L, 500)).encode(),
                new UnixFsData(UnixFsType.FILE, null, 5L, List.of(), null, null, null,
                        new UnixFsData.UnixTime(-1L, null)).encode(),
                hex.parseHex("0802" + "1805" + "2202" + "0203"), // packed blocksizes
                hex.parseHex("0802" + "18ffffffffffffffff7f")); // 10-byte protobuf varint
    }

    @Test
    void shouldOnlyThrowTheDocumentedExceptionAndReencodeWhenDecodingUnixFsData() throws Exception {
        fuzz("unixfs-decode", unixFsSeeds(), input -> {
            UnixFsData data = UnixFsData.decode(input);
            byte[] encoded = data.encode();
            assertThat(UnixFsData.decode(encoded)).as("decode(encode(x))").isEqualTo(data);
            assertThat(UnixFsData.decode(encoded).encode()).isEqualTo(encoded);
        });
    }
}
