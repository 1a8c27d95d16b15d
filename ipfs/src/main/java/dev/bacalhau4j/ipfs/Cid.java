package dev.bacalhau4j.ipfs;

import dev.bacalhau4j.ipfs.internal.Varint;
import java.util.Arrays;

/**
 * A content identifier: version, codec and multihash of a block. Version 0 is a bare sha2-256
 * multihash of a dag-pb block, written in base58btc ({@code Qm…}); version 1 names its codec and
 * is written with a multibase prefix, base32 lower by default ({@code bafy…}, {@code bafk…}).
 * Immutable; equal when the binary forms are equal (so a CIDv0 never equals its CIDv1).
 */
public final class Cid implements Comparable<Cid> {
    /** Strings longer than this are refused before decoding, so parsing stays cheap. */
    public static final int MAX_STRING_LENGTH = 512;

    private final int version;
    private final long codec;
    private final Multihash multihash;
    private final byte[] bytes;
    private final int hash;

    private Cid(int version, long codec, Multihash multihash) {
        this.version = version;
        this.codec = codec;
        this.multihash = multihash;
        if (version == 0) {
            this.bytes = multihash.rawBytes();
        } else {
            byte[] out = new byte[1 + Varint.size(codec) + multihash.encodedLength()];
            int at = Varint.write(1, out, 0);
            at = Varint.write(codec, out, at);
            multihash.writeTo(out, at);
            this.bytes = out;
        }
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * A CIDv0: dag-pb, sha2-256.
     *
     * @param multihash a sha2-256 multihash
     * @return the CID
     * @throws IllegalArgumentException for another hash function
     */
    public static Cid v0(Multihash multihash) {
        if (multihash.code() != Multihash.SHA2_256) {
            throw new IllegalArgumentException("CIDv0 requires a sha2-256 multihash, got " + multihash.functionName());
        }
        return new Cid(0, Multicodec.DAG_PB, multihash);
    }

    /**
     * A CIDv1.
     *
     * @param codec the multicodec of the block, such as {@link Multicodec#DAG_PB} or {@link Multicodec#RAW}
     * @param multihash the block's multihash
     * @return the CID
     * @throws IllegalArgumentException when {@code codec} is negative
     */
    public static Cid v1(long codec, Multihash multihash) {
        if (codec < 0) {
            throw new IllegalArgumentException("codec must not be negative: " + codec);
        }
        return new Cid(1, codec, multihash);
    }

    /**
     * The CIDv1 of a raw block: its sha2-256.
     *
     * @param data the block
     * @return the CID
     */
    public static Cid raw(byte[] data) {
        return v1(Multicodec.RAW, Multihash.sha256(data));
    }

    /**
     * Parses a CID string: CIDv0 ({@code Qm…}) or any supported multibase CIDv1.
     *
     * @param text the CID as a string
     * @return the CID
     * @throws IpfsFormatException when {@code text} is not a CID, quoting it
     */
    public static Cid parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IpfsFormatException("empty CID");
        }
        if (text.length() > MAX_STRING_LENGTH) {
            throw new IpfsFormatException("CID string of " + text.length() + " characters is longer than "
                    + MAX_STRING_LENGTH);
        }
        try {
            if (text.length() == 46 && text.startsWith("Qm")) {
                return decode(Multibase.BASE58BTC.decodeRaw(text));
            }
            return decodeV1Only(Multibase.decode(text));
        } catch (IpfsFormatException e) {
            throw new IpfsFormatException("not a CID: \"" + abbreviate(text) + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a whole binary CID.
     *
     * @param bytes exactly one binary CID
     * @return the CID
     * @throws IpfsFormatException when the bytes are not a CID or have trailing bytes
     */
    public static Cid decode(byte[] bytes) {
        Cid cid = decode(bytes, 0, bytes.length);
        if (cid.bytes.length != bytes.length) {
            throw new IpfsFormatException("CID has " + (bytes.length - cid.bytes.length) + " trailing bytes");
        }
        return cid;
    }

    /**
     * Parses a binary CID that starts at {@code offset}; its length is {@link #encodedLength()}.
     *
     * @param in holds the CID
     * @param offset where it starts
     * @param limit the end of the readable bytes (exclusive)
     * @return the CID
     * @throws IpfsFormatException when the bytes are not a CID
     */
    public static Cid decode(byte[] in, int offset, int limit) {
        if (limit - offset >= 2 && in[offset] == 0x12 && in[offset + 1] == 0x20) {
            return v0(Multihash.decode(in, offset, limit));
        }
        Varint.Decoded version = Varint.decode(in, offset, limit, "CID version");
        if (version.value() != 1) {
            throw new IpfsFormatException("unsupported CID version " + version.value() + " (supported: 0, 1)");
        }
        Varint.Decoded codec = Varint.decode(in, offset + version.length(), limit, "CID codec");
        Multihash mh = Multihash.decode(in, offset + version.length() + codec.length(), limit);
        return new Cid(1, codec.value(), mh);
    }

    private static Cid decodeV1Only(byte[] bytes) {
        Cid cid = decode(bytes);
        if (cid.version == 0) {
            throw new IpfsFormatException("a multibase-encoded CID must be version 1");
        }
        return cid;
    }

    /**
     * The CID version.
     *
     * @return 0 or 1
     */
    public int version() {
        return version;
    }

    /**
     * The multicodec of the block this CID names.
     *
     * @return the codec code, such as {@link Multicodec#DAG_PB}
     */
    public long codec() {
        return codec;
    }

    /**
     * The codec's name.
     *
     * @return a name such as {@code dag-pb} or {@code raw}
     */
    public String codecName() {
        return Multicodec.name(codec);
    }

    /**
     * The block's multihash.
     *
     * @return the multihash
     */
    public Multihash multihash() {
        return multihash;
    }

    /**
     * Whether the multihash is the identity function, so the block is inlined in the CID.
     *
     * @return true for an identity CID
     */
    public boolean isIdentity() {
        return multihash.isIdentity();
    }

    /**
     * For an identity CID, the block itself, which needs no storage.
     *
     * @return a copy of the inlined block
     * @throws IllegalStateException when this is not an identity CID
     */
    public byte[] identityData() {
        if (!isIdentity()) {
            throw new IllegalStateException(this + " is not an identity CID");
        }
        return multihash.digest();
    }

    /**
     * The binary CID.
     *
     * @return a copy of the bytes
     */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * The length of the binary CID.
     *
     * @return the number of bytes
     */
    public int encodedLength() {
        return bytes.length;
    }

    /**
     * Copies the binary CID into {@code out} at {@code offset}.
     *
     * @param out the destination, with {@link #encodedLength()} bytes free at {@code offset}
     * @param offset where to write
     */
    public void writeTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, bytes.length);
    }

    /**
     * The same content as a CIDv1 (a CIDv1 returns itself).
     *
     * @return the CIDv1
     */
    public Cid toV1() {
        return version == 1 ? this : new Cid(1, codec, multihash);
    }

    /**
     * True when {@code data} hashes to this CID.
     *
     * @param data a block
     * @return true when it does
     */
    public boolean matches(byte[] data) {
        return multihash.matches(data);
    }

    /**
     * Throws {@link BlockMismatchException} unless {@code data} hashes to this CID.
     *
     * @param data a block
     * @throws BlockMismatchException when it does not hash to this CID
     */
    public void verify(byte[] data) {
        if (!matches(data)) {
            throw new BlockMismatchException(this, data.length + " bytes hash to "
                    + Multihash.sha256(data));
        }
    }

    /** The canonical string: base58btc for v0, base32 lower for v1. */
    @Override
    public String toString() {
        return version == 0 ? Multibase.BASE58BTC.encodeRaw(bytes) : Multibase.BASE32.encode(bytes);
    }

    /**
     * The string in another multibase; CIDv0 can only be written in base58btc without a prefix.
     *
     * @param base the multibase
     * @return the string, with the base's prefix
     * @throws IllegalArgumentException for a CIDv0 and a base other than base58btc
     */
    public String toString(Multibase base) {
        if (version == 0) {
            if (base != Multibase.BASE58BTC) {
                throw new IllegalArgumentException("CIDv0 is always base58btc; convert with toV1() first");
            }
            return toString();
        }
        return base.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Orders by binary form, for stable listings. */
    @Override
    public int compareTo(Cid other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        StringBuilder out = new StringBuilder();
        for (char c : shown.toCharArray()) {
            out.append(c >= 0x20 && c != 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
