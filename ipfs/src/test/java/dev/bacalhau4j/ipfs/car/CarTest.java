package dev.bacalhau4j.ipfs.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.ipfs.BlockMismatchException;
import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.block.Block;
import dev.bacalhau4j.ipfs.block.MemoryBlockstore;
import dev.bacalhau4j.ipfs.internal.Varint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks CAR reading and writing against a CAR written by the JS reference (see src/test/vectors). */
class CarTest {

    private static String vector(String field) throws IOException {
        try (InputStream in = CarTest.class.getResourceAsStream("/vectors/car-basic.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"" + field + "\": \"([0-9a-z]+)\"").matcher(json);
            assertThat(m.find()).as(field).isTrue();
            return m.group(1);
        }
    }

    private static byte[] referenceCar() throws IOException {
        return HexFormat.of().parseHex(vector("carHex"));
    }

    private static List<Block> readAll(byte[] car) throws IOException {
        CarReader reader = new CarReader(new ByteArrayInputStream(car));
        List<Block> blocks = new ArrayList<>();
        for (Block b = reader.next(); b != null; b = reader.next()) {
            blocks.add(b);
        }
        return blocks;
    }

    @Test
    void shouldReadTheReferenceCarAndVerifyEveryBlock() throws IOException {
        CarReader reader = new CarReader(new ByteArrayInputStream(referenceCar()));
        assertThat(reader.roots()).containsExactly(Cid.parse(vector("root")));
        List<Block> blocks = readAll(referenceCar());
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).cid()).isEqualTo(Cid.parse(vector("root")));
        assertThat(new String(blocks.get(1).data(), StandardCharsets.UTF_8)).isEqualTo("alpha\n");
    }

    @Test
    void shouldWriteByteForByteWhatTheReferenceWrites() throws IOException {
        MemoryBlockstore store = new MemoryBlockstore();
        for (Block b : readAll(referenceCar())) {
            store.put(b);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = CarExport.write(store, Cid.parse(vector("root")), out);
        assertThat(written).isEqualTo(3);
        assertThat(out.toByteArray()).isEqualTo(referenceCar());
    }

    @Test
    void shouldRefuseABlockWhoseBytesWereChanged() throws IOException {
        byte[] car = referenceCar();
        car[car.length - 1] ^= 1;   // last byte of "beta\n"
        assertThatThrownBy(() -> readAll(car)).isInstanceOf(BlockMismatchException.class)
                .hasMessageContaining("bafkreihszaw6zxlrqhhzrfczfgtclgg3pzvuo7qr63qowcxjoaqo74krvu");
    }

    @Test
    void shouldRefuseTruncatedStreamsAtEveryLength() throws IOException {
        byte[] car = referenceCar();
        int headerEnd = 1 + 0x3a;
        int sectionBoundaries = 0;
        for (int length = 0; length < car.length; length++) {
            byte[] cut = Arrays.copyOf(car, length);
            try {
                readAll(cut);
                sectionBoundaries++;   // a cut exactly between sections is a shorter, valid CAR
                assertThat(length).isGreaterThanOrEqualTo(headerEnd);
            } catch (IpfsFormatException e) {
                assertThat(e.getMessage()).startsWith("CAR");
            }
        }
        assertThat(sectionBoundaries).isEqualTo(3);
    }

    @Test
    void shouldExplainMalformedHeadersAndSections() {
        assertThatThrownBy(() -> new CarReader(new ByteArrayInputStream(new byte[0])))
                .hasMessageContaining("empty stream");
        byte[] hugeHeader = Varint.encode(1L << 40);
        assertThatThrownBy(() -> new CarReader(new ByteArrayInputStream(hugeHeader)))
                .hasMessageContaining("header length 1099511627776 is out of range");
        // {"roots": [], "version": 2}
        byte[] v2 = HexFormat.of().parseHex("a265726f6f7473806776657273696f6e02");
        assertThatThrownBy(() -> new CarReader(new ByteArrayInputStream(withLength(v2))))
                .hasMessageContaining("version 2 is not supported");
        byte[] notMap = HexFormat.of().parseHex("80");
        assertThatThrownBy(() -> new CarReader(new ByteArrayInputStream(withLength(notMap))))
                .hasMessageContaining("header must be a CBOR map");
        byte[] header = HexFormat.of().parseHex("a265726f6f7473806776657273696f6e01");
        byte[] bigSection = concat(withLength(header), Varint.encode(100L << 20));
        assertThatThrownBy(() -> readAll(bigSection)).hasMessageContaining("section 0 (at byte 18) length 104857600 is out of range");
        byte[] notCid = concat(withLength(header), new byte[] {3, 7, 7, 7});
        assertThatThrownBy(() -> readAll(notCid)).hasMessageContaining("section 0 (at byte 18) does not start with a CID");
    }

    @Test
    void shouldRefuseRootCidLengthsOf2To31AndMoreInsteadOfWrappingThem() {
        byte[] cid = Cid.raw("x".getBytes(StandardCharsets.UTF_8)).toBytes();
        byte[] root = concat(new byte[] {0}, cid);
        // 2^32 + 37 read as an int is 37: the header would parse, with a length it does not have
        byte[] wrapping = rootsHeader(HexFormat.of().parseHex("5b0000000100000025"), root);
        assertThatThrownBy(() -> new CarReader(new ByteArrayInputStream(withLength(wrapping))))
                .isInstanceOf(IpfsFormatException.class)
                .hasMessageContaining("roots[0] at header byte 10 claims 4294967333 bytes but only 46 remain");
        // 2^31 read as an int is negative
        byte[] negative = rootsHeader(HexFormat.of().parseHex("5a80000000"), root);
        assertThatThrownBy(() -> new CarReader(new ByteArrayInputStream(withLength(negative))))
                .isInstanceOf(IpfsFormatException.class)
                .hasMessageContaining("roots[0]")
                .hasMessageContaining("claims 2147483648 bytes");
        // 2^64 - 1 does not even fit a long
        byte[] unsigned = rootsHeader(HexFormat.of().parseHex("5bffffffffffffffff"), root);
        assertThatThrownBy(() -> new CarReader(new ByteArrayInputStream(withLength(unsigned))))
                .isInstanceOf(IpfsFormatException.class)
                .hasMessageContaining("roots[0]");
        byte[] honest = rootsHeader(new byte[] {(byte) (0x40 | 24), (byte) root.length}, root);
        assertThat(roots(honest)).containsExactly(Cid.decode(cid));
    }

    @Test
    void shouldRefuseSectionLengthsOf2To31AndMoreNamingTheSectionAndItsOffset() {
        byte[] header = withLength(HexFormat.of().parseHex("a265726f6f7473806776657273696f6e01"));
        for (long length : new long[] {1L << 31, 1L << 32 | 40, Long.MAX_VALUE}) {
            byte[] car = concat(header, Varint.encode(length));
            assertThatThrownBy(() -> readAll(car)).isInstanceOf(IpfsFormatException.class)
                    .hasMessageContaining("section 0 (at byte " + header.length + ") length " + length
                            + " is out of range");
        }
    }

    /** {@code {"roots": [42(<head> <root>)], "version": 1}} with the byte-string head given raw. */
    private static byte[] rootsHeader(byte[] head, byte[] root) {
        byte[] start = HexFormat.of().parseHex("a265726f6f747381d82a");
        return concat(concat(concat(start, head), root), HexFormat.of().parseHex("6776657273696f6e01"));
    }

    private static List<Cid> roots(byte[] header) {
        try {
            return new CarReader(new ByteArrayInputStream(withLength(header))).roots();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] withLength(byte[] header) {
        return concat(Varint.encode(header.length), header);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
