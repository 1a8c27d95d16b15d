package dev.bacalhau4j.ipfs.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable buffer that writes protobuf wire format fields in the order they are called. */
public final class ProtoWriter {
    private byte[] buf;
    private int size;

    public ProtoWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public ProtoWriter varintField(int field, long value) {
        varint((long) field << 3 | ProtoReader.WIRE_VARINT);
        return varint(value);
    }

    public ProtoWriter bytesField(int field, byte[] value) {
        return bytesField(field, value, 0, value.length);
    }

    public ProtoWriter bytesField(int field, byte[] value, int offset, int length) {
        varint((long) field << 3 | ProtoReader.WIRE_BYTES);
        varint(length);
        ensure(length);
        System.arraycopy(value, offset, buf, size, length);
        size += length;
        return this;
    }

    public ProtoWriter stringField(int field, String value) {
        return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A nested message or other length-delimited field whose bytes are already encoded. */
    public ProtoWriter messageField(int field, ProtoWriter message) {
        return bytesField(field, message.buf, 0, message.size);
    }

    public ProtoWriter fixed32Field(int field, int value) {
        varint((long) field << 3 | ProtoReader.WIRE_FIXED32);
        ensure(4);
        buf[size++] = (byte) value;
        buf[size++] = (byte) (value >>> 8);
        buf[size++] = (byte) (value >>> 16);
        buf[size++] = (byte) (value >>> 24);
        return this;
    }

    /** A signed int64 as protobuf writes it (negative values take 10 bytes). */
    public ProtoWriter int64Field(int field, long value) {
        varint((long) field << 3 | ProtoReader.WIRE_VARINT);
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    public ProtoWriter varint(long value) {
        ensure(Varint.MAX_BYTES + 1);
        size = Varint.write(value, buf, size);
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
