package dev.bacalhau4j.ipfs.dag;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dag-pb node: ordered links and optional opaque data ({@code null} when absent). For UnixFS
 * the data is an encoded {@link UnixFsData}. Encode and decode with {@link DagPb}.
 */
public record PbNode(List<PbLink> links, byte[] data) {
    public PbNode {
        links = List.copyOf(Objects.requireNonNull(links, "links == null"));
        data = data == null ? null : data.clone();
    }

    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

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
