package dev.bacalhau4j.ipfs.internal;

import dev.bacalhau4j.ipfs.IpfsFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A bounds-checked reader of protobuf wire format over a byte range; {@code what} names the message in errors. */
public final class ProtoReader {
    public static final int WIRE_VARINT = 0;
    public static final int WIRE_BYTES = 2;
    public static final int WIRE_FIXED32 = 5;

    private final byte[] in;
    private final int limit;
    private final String what;
    private int at;

    public ProtoReader(byte[] in, int offset, int limit, String what) {
        this.in = in;
        this.at = offset;
        this.limit = limit;
        this.what = what;
    }

    /** A reader over a nested range of the same bytes. */
    public ProtoReader sub(int start, int end, String what) {
        return new ProtoReader(in, start, end, what);
    }

    public boolean hasMore() {
        return at < limit;
    }

    public int position() {
        return at;
    }

    /** Reads a field key; returns {@code fieldNumber << 3 | wireType}. */
    public int readKey() {
        long key = readVarint("field key");
        if (key >>> 3 == 0 || key >>> 3 > Integer.MAX_VALUE >>> 3) {
            throw error("invalid field number " + (key >>> 3));
        }
        return (int) key;
    }

    public long readVarint(String field) {
        Varint.Decoded v = Varint.decode(in, at, limit, what + "." + field);
        at += v.length();
        return v.value();
    }

    /** Reads a protobuf int64/uint64 varint: up to 10 bytes, as any protobuf encoder may write it. */
    public long readInt64(String field) {
        long value = 0;
        for (int i = 0; i < 10; i++) {
            if (at >= limit) {
                throw error(field + ": varint truncated");
            }
            int b = in[at++] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw error(field + ": varint longer than 10 bytes");
    }

    public int readFixed32(String field) {
        if (limit - at < 4) {
            throw error(field + ": fixed32 truncated");
        }
        int v = (in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8 | (in[at + 2] & 0xFF) << 16 | (in[at + 3] & 0xFF) << 24;
        at += 4;
        return v;
    }

    /** Reads a length-delimited field's bounds: returns its start; {@link #position()} is then after it. */
    public int readLengthDelimited(String field) {
        long length = readVarint(field + " length");
        if (length > limit - at) {
            throw error(field + " claims " + length + " bytes but only " + (limit - at) + " remain");
        }
        int start = at;
        at += (int) length;
        return start;
    }

    public byte[] readBytes(String field) {
        int start = readLengthDelimited(field);
        return Arrays.copyOfRange(in, start, at);
    }

    public String readString(String field) {
        int start = readLengthDelimited(field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, start, at - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(field + " is not valid UTF-8");
        }
    }

    public IpfsFormatException error(String message) {
        return new IpfsFormatException(what + ": " + message);
    }

    public void expectWireType(int key, int wireType, String field) {
        if ((key & 7) != wireType) {
            throw error(field + " has wire type " + (key & 7) + ", expected " + wireType);
        }
    }
}
