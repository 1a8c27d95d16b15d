package dev.bacalhau4j.ipfs;

import dev.bacalhau4j.ipfs.internal.Varint;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A self-describing hash: function code, digest length, digest. Supports {@code sha2-256}
 * (0x12), the IPFS default, and {@code identity} (0x00), whose "digest" is the data itself.
 * Immutable.
 */
public final class Multihash {
    /** The function code of sha2-256, the IPFS default. */
    public static final int SHA2_256 = 0x12;
    /** The function code of identity: the "digest" is the data itself. */
    public static final int IDENTITY = 0x00;
    /** Identity multihashes above this size are refused (the limit Kubo and boxo apply). */
    public static final int MAX_IDENTITY_LENGTH = 128;

    private final int code;
    private final byte[] digest;
    private final byte[] bytes;

    private Multihash(int code, byte[] digest) {
        this.code = code;
        this.digest = digest;
        byte[] out = new byte[Varint.size(code) + Varint.size(digest.length) + digest.length];
        int at = Varint.write(code, out, 0);
        at = Varint.write(digest.length, out, at);
        System.arraycopy(digest, 0, out, at, digest.length);
        this.bytes = out;
    }

    /**
     * The sha2-256 multihash of {@code data}.
     *
     * @param data the bytes to hash
     * @return the multihash
     */
    public static Multihash sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    /**
     * The sha2-256 multihash of part of {@code data}.
     *
     * @param data holds the bytes to hash
     * @param offset where they start
     * @param length how many there are
     * @return the multihash
     */
    public static Multihash sha256(byte[] data, int offset, int length) {
        MessageDigest md = newSha256();
        md.update(data, offset, length);
        return new Multihash(SHA2_256, md.digest());
    }

    /**
     * Wraps a sha2-256 digest computed elsewhere (it must be 32 bytes).
     *
     * @param digest the 32-byte digest
     * @return the multihash
     * @throws IllegalArgumentException when the digest is not 32 bytes
     */
    public static Multihash ofSha256Digest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("sha2-256 digest must be 32 bytes, got " + digest.length);
        }
        return new Multihash(SHA2_256, digest.clone());
    }

    /**
     * The identity multihash: the data itself, for tiny blocks inlined into their CID.
     *
     * @param data at most {@value #MAX_IDENTITY_LENGTH} bytes
     * @return the multihash
     * @throws IllegalArgumentException when the data is longer
     */
    public static Multihash identity(byte[] data) {
        if (data.length > MAX_IDENTITY_LENGTH) {
            throw new IllegalArgumentException("identity multihash limited to " + MAX_IDENTITY_LENGTH + " bytes");
        }
        return new Multihash(IDENTITY, data.clone());
    }

    /**
     * Parses a whole binary multihash.
     *
     * @param bytes exactly one binary multihash
     * @return the multihash
     * @throws IpfsFormatException when the bytes are malformed, of an unsupported function, or have trailing
     *     bytes
     */
    public static Multihash decode(byte[] bytes) {
        Multihash mh = decode(bytes, 0, bytes.length);
        if (mh.bytes.length != bytes.length) {
            throw new IpfsFormatException("multihash has " + (bytes.length - mh.bytes.length) + " trailing bytes");
        }
        return mh;
    }

    /**
     * Parses a multihash that starts at {@code offset}; its encoded length is {@link #encodedLength()}.
     *
     * @param in holds the multihash
     * @param offset where it starts
     * @param limit the end of the readable bytes (exclusive)
     * @return the multihash
     * @throws IpfsFormatException when the bytes are malformed or of an unsupported function
     */
    public static Multihash decode(byte[] in, int offset, int limit) {
        Varint.Decoded code = Varint.decode(in, offset, limit, "multihash code");
        Varint.Decoded length = Varint.decode(in, offset + code.length(), limit, "multihash length");
        int at = offset + code.length() + length.length();
        if (code.value() != SHA2_256 && code.value() != IDENTITY) {
            throw new IpfsFormatException("unsupported multihash function 0x" + Long.toHexString(code.value())
                    + " (supported: sha2-256 0x12, identity 0x00)");
        }
        if (code.value() == SHA2_256 && length.value() != 32) {
            throw new IpfsFormatException("sha2-256 multihash must have a 32-byte digest, got " + length.value());
        }
        if (code.value() == IDENTITY && length.value() > MAX_IDENTITY_LENGTH) {
            throw new IpfsFormatException("identity multihash of " + length.value() + " bytes exceeds the limit of "
                    + MAX_IDENTITY_LENGTH);
        }
        if (limit - at < length.value()) {
            throw new IpfsFormatException("multihash digest truncated: needs " + length.value() + " bytes, has "
                    + (limit - at));
        }
        return new Multihash((int) code.value(), Arrays.copyOfRange(in, at, at + (int) length.value()));
    }

    /**
     * The hash function's code.
     *
     * @return {@link #SHA2_256} or {@link #IDENTITY}
     */
    public int code() {
        return code;
    }

    /**
     * The hash function's name.
     *
     * @return {@code sha2-256} or {@code identity}
     */
    public String functionName() {
        return code == SHA2_256 ? "sha2-256" : "identity";
    }

    /**
     * The digest.
     *
     * @return a copy of it
     */
    public byte[] digest() {
        return digest.clone();
    }

    /**
     * The binary multihash: code, length, digest.
     *
     * @return a copy of the bytes
     */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * The length of the binary multihash.
     *
     * @return the number of bytes
     */
    public int encodedLength() {
        return bytes.length;
    }

    /**
     * Whether this is an identity multihash.
     *
     * @return true for the identity function
     */
    public boolean isIdentity() {
        return code == IDENTITY;
    }

    /**
     * True when {@code data} hashes to this multihash.
     *
     * @param data the bytes to check
     * @return true when they do
     */
    public boolean matches(byte[] data) {
        return matches(data, 0, data.length);
    }

    /**
     * Whether part of {@code data} hashes to this multihash.
     *
     * @param data holds the bytes to check
     * @param offset where they start
     * @param length how many there are
     * @return true when they do
     */
    public boolean matches(byte[] data, int offset, int length) {
        if (code == IDENTITY) {
            return Arrays.equals(digest, 0, digest.length, data, offset, offset + length);
        }
        MessageDigest md = newSha256();
        md.update(data, offset, length);
        return MessageDigest.isEqual(digest, md.digest());
    }

    /** Copies the encoded multihash into {@code out} at {@code offset}. */
    void writeTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, bytes.length);
    }

    byte[] rawBytes() {
        return bytes;
    }

    byte[] rawDigest() {
        return digest;
    }

    /**
     * A fresh SHA-256 digest; not thread-safe, so one per use.
     *
     * @return the digest
     */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multihash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return functionName() + ":" + HexFormat.of().formatHex(digest);
    }
}
