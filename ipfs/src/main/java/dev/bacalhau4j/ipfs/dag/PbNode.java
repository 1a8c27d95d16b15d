package dev.bacalhau4j.ipfs.dag;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dag-pb node: ordered links and optional opaque data ({@code null} when absent). For UnixFS
 * the data is an encoded {@link UnixFsData}. Encode and decode with {@link DagPb}.
 */
public record PbNode(List<PbLink> links, byte[] data) {
    /**
     * Copies the links and the data.
     *
     * @param links the links, in order
     * @param data the data, {@code null} when absent
     */
    public PbNode {
        links = List.copyOf(Objects.requireNonNull(links, "links == null"));
        data = data == null ? null : data.clone();
    }

    /**
     * The node's data.
     *
     * @return a copy of it, {@code null} when absent
     */
    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    /**
     * Whether the node has a data field.
     *
     * @return true when it does
     */
    public boolean hasData() {
        return data != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PbNode other && links.equals(other.links) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * links.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PbNode[links=" + links.size() + ", data=" + (data == null ? "absent" : data.length + " bytes") + "]";
    }
}
