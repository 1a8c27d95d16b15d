package dev.bacalhau4j.ipfs;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase text encodings used for CIDs: base32 lower (prefix {@code b}, the CIDv1 default),
 * base32 upper ({@code B}), base58btc ({@code z}), base36 lower/upper ({@code k}/{@code K}) and
 * base16 ({@code f}/{@code F}). Base58btc without a prefix is how CIDv0 is written.
 */
public enum Multibase {
    BASE16('f', "0123456789abcdef"),
    BASE16_UPPER('F', "0123456789ABCDEF"),
    BASE32('b', "abcdefghijklmnopqrstuvwxyz234567"),
    BASE32_UPPER('B', "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
    BASE36('k', "0123456789abcdefghijklmnopqrstuvwxyz"),
    BASE36_UPPER('K', "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    BASE58BTC('z', "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");

    private final char prefix;
    private final String alphabet;
    private final int[] digits = new int[128];

    Multibase(char prefix, String alphabet) {
        this.prefix = prefix;
        this.alphabet = alphabet;
        Arrays.fill(digits, -1);
        for (int i = 0; i < alphabet.length(); i++) {
            digits[alphabet.charAt(i)] = i;
        }
    }

    public char prefix() {
        return prefix;
    }

    /** The multibase of a prefixed string, from its first character. */
    public static Multibase forPrefix(char prefix) {
        for (Multibase base : values()) {
            if (base.prefix == prefix) {
                return base;
            }
        }
        throw new IpfsFormatException("unsupported multibase prefix '" + printable(prefix)
                + "' (supported: f F b B k K z)");
    }

    /** Encodes with the prefix. */
    public String encode(byte[] bytes) {
        return prefix + encodeRaw(bytes);
    }

    /** Decodes a prefixed string. */
    public static byte[] decode(String text) {
        if (text.isEmpty()) {
            throw new IpfsFormatException("empty multibase string");
        }
        return forPrefix(text.charAt(0)).decodeRaw(text.substring(1));
    }

    /** Encodes without the prefix. */
    public String encodeRaw(byte[] bytes) {
        return switch (this) {
            case BASE16, BASE16_UPPER -> encodeBits(bytes, 4);
            case BASE32, BASE32_UPPER -> encodeBits(bytes, 5);
            default -> encodeRadix(bytes);
        };
    }

    /** Decodes text without the prefix. */
    public byte[] decodeRaw(String text) {
        return switch (this) {
            case BASE16, BASE16_UPPER -> decodeBits(text, 4);
            case BASE32, BASE32_UPPER -> decodeBits(text, 5);
            default -> decodeRadix(text);
        };
    }

    private String encodeBits(byte[] bytes, int bits) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + bits - 1) / bits);
        int buffer = 0;
        int buffered = 0;
        int mask = (1 << bits) - 1;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            buffered += 8;
            while (buffered >= bits) {
                buffered -= bits;
                out.append(alphabet.charAt((buffer >>> buffered) & mask));
            }
        }
        if (buffered > 0) {
            out.append(alphabet.charAt((buffer << (bits - buffered)) & mask));
        }
        return out.toString();
    }

    private byte[] decodeBits(String text, int bits) {
        byte[] out = new byte[text.length() * bits / 8];
        int buffer = 0;
        int buffered = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            buffer = (buffer << bits) | digit(text, i);
            buffered += bits;
            if (buffered >= 8) {
                buffered -= 8;
                out[n++] = (byte) (buffer >>> buffered);
            }
        }
        if (buffered >= bits || (buffer & ((1 << buffered) - 1)) != 0) {
            throw new IpfsFormatException(name().toLowerCase() + " string has a non-canonical ending");
        }
        return out;
    }

    private String encodeRadix(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        String digitsPart = zeros == bytes.length ? "" : toRadix(new BigInteger(1, bytes));
        return String.valueOf(alphabet.charAt(0)).repeat(zeros) + digitsPart;
    }

    private String toRadix(BigInteger value) {
        StringBuilder out = new StringBuilder();
        BigInteger radix = BigInteger.valueOf(alphabet.length());
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(radix);
            out.append(alphabet.charAt(qr[1].intValue()));
            value = qr[0];
        }
        return out.reverse().toString();
    }

    private byte[] decodeRadix(String text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == alphabet.charAt(0)) {
            zeros++;
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(alphabet.length());
        for (int i = zeros; i < text.length(); i++) {
            value = value.multiply(radix).add(BigInteger.valueOf(digit(text, i)));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return out;
    }

    private int digit(String text, int index) {
        char c = text.charAt(index);
        int d = c < 128 ? digits[c] : -1;
        if (d < 0) {
            throw new IpfsFormatException("invalid " + name().toLowerCase() + " character '" + printable(c)
                    + "' at position " + index);
        }
        return d;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
