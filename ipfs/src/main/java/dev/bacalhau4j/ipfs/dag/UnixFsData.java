package dev.bacalhau4j.ipfs.dag;

import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.internal.ProtoReader;
import dev.bacalhau4j.ipfs.internal.ProtoWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The UnixFS {@code Data} message carried in a dag-pb node's data: type, inline bytes, file size,
 * the sizes of a file's children, HAMT parameters, and optional mode and mtime. Absent optional
 * fields are {@code null}, and empty {@code data} is absent. {@link #encode()} writes the fields in number order, as Kubo and the JS
 * importer do; {@link #decode(byte[])} also accepts packed {@code blocksizes}.
 */
public record UnixFsData(UnixFsType type, byte[] data, Long filesize, List<Long> blocksizes,
                         Long hashType, Long fanout, Integer mode, UnixTime mtime) {

    /** A UnixFS modification time: seconds since the epoch and optional nanoseconds. */
    public record UnixTime(long seconds, Integer nanos) {}

    /**
     * Copies the data and the block sizes; empty data is read as absent.
     *
     * @param type the node's type
     * @param data inline bytes, {@code null} when absent
     * @param filesize the size of the file this node roots, {@code null} when absent
     * @param blocksizes the sizes of a file's children, in order
     * @param hashType the HAMT hash function, {@code null} when absent
     * @param fanout the HAMT fanout, {@code null} when absent
     * @param mode the Unix mode, {@code null} when absent
     * @param mtime the modification time, {@code null} when absent
     */
    public UnixFsData {
        Objects.requireNonNull(type, "type == null");
        // empty and absent Data encode alike (no field, as Kubo writes an empty file), so they are one value
        data = data == null || data.length == 0 ? null : data.clone();
        blocksizes = List.copyOf(blocksizes == null ? List.of() : blocksizes);
    }

    /**
     * A file node: inline bytes (may be null), total size, and its children's sizes.
     *
     * @param data inline bytes, {@code null} for none
     * @param filesize the file's total size
     * @param blocksizes the children's sizes, in order
     * @return the node
     */
    public static UnixFsData file(byte[] data, long filesize, List<Long> blocksizes) {
        return new UnixFsData(UnixFsType.FILE, data, filesize, blocksizes, null, null, null, null);
    }

    /**
     * A plain directory node.
     *
     * @return the node
     */
    public static UnixFsData directory() {
        return new UnixFsData(UnixFsType.DIRECTORY, null, null, List.of(), null, null, null, null);
    }

    /**
     * The inline bytes.
     *
     * @return a copy of them, {@code null} when absent
     */
    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    /**
     * The length of the inline bytes.
     *
     * @return the number of bytes, 0 when absent
     */
    public int dataLength() {
        return data == null ? 0 : data.length;
    }

    /**
     * The byte count of the file this node roots: filesize if present, else inline data length.
     *
     * @return the number of bytes
     */
    public long fileSize() {
        return filesize != null ? filesize : dataLength();
    }

    /**
     * Encodes the message, fields in number order.
     *
     * @return the bytes
     */
    public byte[] encode() {
        ProtoWriter out = new ProtoWriter(16 + dataLength() + blocksizes.size() * 5);
        out.varintField(1, type.code());
        if (data != null && data.length > 0) {
            out.bytesField(2, data);
        }
        if (filesize != null) {
            out.varintField(3, filesize);
        }
        for (long size : blocksizes) {
            out.varintField(4, size);
        }
        if (hashType != null) {
            out.varintField(5, hashType);
        }
        if (fanout != null) {
            out.varintField(6, fanout);
        }
        if (mode != null) {
            out.varintField(7, mode & 0xFFFFFFFFL);
        }
        if (mtime != null) {
            ProtoWriter time = new ProtoWriter(16);
            time.int64Field(1, mtime.seconds());
            if (mtime.nanos() != null) {
                time.fixed32Field(2, mtime.nanos());
            }
            out.messageField(8, time);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a UnixFS {@code Data} message.
     *
     * @param bytes the message
     * @return the node's data
     * @throws dev.bacalhau4j.ipfs.IpfsFormatException when the bytes are malformed
     */
    public static UnixFsData decode(byte[] bytes) {
        if (bytes == null) {
            throw new IpfsFormatException("UnixFS data: absent (the dag-pb node has no Data field)");
        }
        ProtoReader in = new ProtoReader(bytes, 0, bytes.length, "UnixFS data");
        Long type = null;
        byte[] data = null;
        Long filesize = null;
        List<Long> blocksizes = new ArrayList<>();
        Long hashType = null;
        Long fanout = null;
        Integer mode = null;
        UnixTime mtime = null;
        while (in.hasMore()) {
            int key = in.readKey();
            switch (key >>> 3) {
                case 1 -> {
                    in.expectWireType(key, ProtoReader.WIRE_VARINT, "Type");
                    type = in.readInt64("Type");
                }
                case 2 -> {
                    in.expectWireType(key, ProtoReader.WIRE_BYTES, "Data");
                    data = in.readBytes("Data");
                }
                case 3 -> {
                    in.expectWireType(key, ProtoReader.WIRE_VARINT, "filesize");
                    filesize = nonNegative(in, in.readInt64("filesize"), "filesize");
                }
                case 4 -> readBlocksizes(in, key, blocksizes);
                case 5 -> {
                    in.expectWireType(key, ProtoReader.WIRE_VARINT, "hashType");
                    hashType = nonNegative(in, in.readInt64("hashType"), "hashType");
                }
                case 6 -> {
                    in.expectWireType(key, ProtoReader.WIRE_VARINT, "fanout");
                    fanout = nonNegative(in, in.readInt64("fanout"), "fanout");
                }
                case 7 -> {
                    in.expectWireType(key, ProtoReader.WIRE_VARINT, "mode");
                    mode = (int) in.readInt64("mode");
                }
                case 8 -> {
                    in.expectWireType(key, ProtoReader.WIRE_BYTES, "mtime");
                    int start = in.readLengthDelimited("mtime");
                    mtime = decodeTime(bytes, start, in.position());
                }
                default -> throw in.error("unknown field " + (key >>> 3));
            }
        }
        if (type == null) {
            throw in.error("missing Type");
        }
        return new UnixFsData(UnixFsType.of(type), data, filesize, blocksizes, hashType, fanout, mode, mtime);
    }

    private static void readBlocksizes(ProtoReader in, int key, List<Long> out) {
        if ((key & 7) == ProtoReader.WIRE_BYTES) {
            int start = in.readLengthDelimited("blocksizes");
            int end = in.position();
            ProtoReader packed = in.sub(start, end, "UnixFS data blocksizes");
            while (packed.hasMore()) {
                out.add(nonNegative(in, packed.readInt64("blocksizes"), "blocksizes"));
            }
        } else {
            in.expectWireType(key, ProtoReader.WIRE_VARINT, "blocksizes");
            out.add(nonNegative(in, in.readInt64("blocksizes"), "blocksizes"));
        }
    }

    private static UnixTime decodeTime(byte[] bytes, int start, int end) {
        ProtoReader in = new ProtoReader(bytes, start, end, "UnixFS mtime");
        Long seconds = null;
        Integer nanos = null;
        while (in.hasMore()) {
            int key = in.readKey();
            switch (key >>> 3) {
                case 1 -> {
                    in.expectWireType(key, ProtoReader.WIRE_VARINT, "Seconds");
                    seconds = in.readInt64("Seconds");
                }
                case 2 -> {
                    in.expectWireType(key, ProtoReader.WIRE_FIXED32, "FractionalNanoseconds");
                    nanos = in.readFixed32("FractionalNanoseconds");
                }
                default -> throw in.error("unknown field " + (key >>> 3));
            }
        }
        if (seconds == null) {
            throw in.error("missing Seconds");
        }
        return new UnixTime(seconds, nanos);
    }

    private static long nonNegative(ProtoReader in, long value, String field) {
        if (value < 0) {
            throw in.error(field + " out of range");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixFsData other && type == other.type && Arrays.equals(data, other.data)
                && Objects.equals(filesize, other.filesize) && blocksizes.equals(other.blocksizes)
                && Objects.equals(hashType, other.hashType) && Objects.equals(fanout, other.fanout)
                && Objects.equals(mode, other.mode) && Objects.equals(mtime, other.mtime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(data), filesize, blocksizes, hashType, fanout, mode, mtime);
    }

    @Override
    public String toString() {
        return "UnixFsData[" + type + ", data=" + dataLength() + " bytes, filesize=" + filesize
                + ", blocksizes=" + blocksizes.size() + "]";
    }
}
