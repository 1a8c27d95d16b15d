package dev.bacalhau4j.ipfs;

import java.util.Arrays;

/**
 * Multibase text encodings used for CIDs: base32 lower (prefix {@code b}, the CIDv1 default),
 * base32 upper ({@code B}), base58btc ({@code z}), base36 lower/upper ({@code k}/{@code K}) and
 * base16 ({@code f}/{@code F}). Base58btc without a prefix is how CIDv0 is written.
 */
public enum Multibase {
    /** Hexadecimal, lower case ({@code f}). */
    BASE16('f', "0123456789abcdef"),
    /** Hexadecimal, upper case ({@code F}). */
    BASE16_UPPER('F', "0123456789ABCDEF"),
    /** RFC 4648 base32 without padding, lower case ({@code b}): how CIDv1 is written by default. */
    BASE32('b', "abcdefghijklmnopqrstuvwxyz234567"),
    /** RFC 4648 base32 without padding, upper case ({@code B}). */
    BASE32_UPPER('B', "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
    /** Base36, lower case ({@code k}), as used in subdomain gateways for long CIDs. */
    BASE36('k', "0123456789abcdefghijklmnopqrstuvwxyz"),
    /** Base36, upper case ({@code K}). */
    BASE36_UPPER('K', "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    /** Bitcoin's base58 ({@code z}); without the prefix, how CIDv0 is written. */
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

    /**
     * The character that starts strings in this base.
     *
     * @return the prefix
     */
    public char prefix() {
        return prefix;
    }

    /**
     * The multibase of a prefixed string, from its first character.
     *
     * @param prefix the first character of a multibase string
     * @return its multibase
     * @throws IpfsFormatException for an unsupported prefix, listing the supported ones
     */
    public static Multibase forPrefix(char prefix) {
        for (Multibase base : values()) {
            if (base.prefix == prefix) {
                return base;
            }
        }
        throw new IpfsFormatException("unsupported multibase prefix '" + printable(prefix)
                + "' (supported: f F b B k K z)");
    }

    /**
     * Encodes with the prefix.
     *
     * @param bytes the data
     * @return the prefix and the encoded data
     */
    public String encode(byte[] bytes) {
        return prefix + encodeRaw(bytes);
    }

    /**
     * Decodes a prefixed string.
     *
     * @param text a multibase string, prefix first
     * @return the data
     * @throws IpfsFormatException when the prefix or a character is not valid
     */
    public static byte[] decode(String text) {
        if (text.isEmpty()) {
            throw new IpfsFormatException("empty multibase string");
        }
        return forPrefix(text.charAt(0)).decodeRaw(text.substring(1));
    }

    /**
     * Encodes without the prefix.
     *
     * @param bytes the data
     * @return the encoded data, no prefix
     */
    public String encodeRaw(byte[] bytes) {
        return switch (this) {
            case BASE16, BASE16_UPPER -> encodeBits(bytes, 4);
            case BASE32, BASE32_UPPER -> encodeBits(bytes, 5);
            default -> encodeRadix(bytes);
        };
    }

    /**
     * Decodes text without the prefix.
     *
     * @param text encoded data, no prefix
     * @return the data
     * @throws IpfsFormatException when a character is not of this base
     */
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
        int radix = alphabet.length();
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        int size = (int) ((bytes.length - zeros) * (Math.log(256) / Math.log(radix))) + 1;
        byte[] number = new byte[size]; // base-radix digits, most significant first
        int used = 0;
        for (int i = zeros; i < bytes.length; i++) {
            int carry = bytes[i] & 0xFF;
            int j = 0;
            for (int k = size - 1; (carry != 0 || j < used) && k >= 0; k--, j++) {
                carry += 256 * number[k];
                number[k] = (byte) (carry % radix);
                carry /= radix;
            }
            used = j;
        }
        int start = size - used;
        while (start < size && number[start] == 0) {
            start++;
        }
        StringBuilder out = new StringBuilder(zeros + size - start);
        out.append(String.valueOf(alphabet.charAt(0)).repeat(zeros));
        for (int k = start; k < size; k++) {
            out.append(alphabet.charAt(number[k]));
        }
        return out.toString();
    }

    /**
     * Base conversion in one byte array, like {@link #encodeRadix} (BigInteger would allocate a new
     * number per digit, which grows quadratically with the length): memory linear, time quadratic.
     */
    private byte[] decodeRadix(String text) {
        int radix = alphabet.length();
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == alphabet.charAt(0)) {
            zeros++;
        }
        int size = (int) ((text.length() - zeros) * (Math.log(radix) / Math.log(256))) + 1;
        byte[] number = new byte[size];
        int used = 0; // significant bytes, at the end of number
        for (int i = zeros; i < text.length(); i++) {
            int carry = digit(text, i);
            int j = 0;
            for (int k = size - 1; (carry != 0 || j < used) && k >= 0; k--, j++) {
                carry += radix * (number[k] & 0xFF);
                number[k] = (byte) carry;
                carry >>>= 8;
            }
            used = j;
        }
        int start = size - used;
        while (start < size && number[start] == 0) {
            start++;
        }
        byte[] out = new byte[zeros + size - start];
        System.arraycopy(number, start, out, zeros, size - start);
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
