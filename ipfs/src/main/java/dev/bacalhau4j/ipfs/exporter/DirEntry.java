package dev.bacalhau4j.ipfs.exporter;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Objects;

/**
 * One entry of a UnixFS directory, as {@link Exporter#list} returns it.
 *
 * @param name the entry's name as stored (not checked: see {@link Exporter#isSafeName})
 * @param cid the entry's root
 * @param size as {@link NodeStat#size()}
 * @param type as {@link NodeStat#type()}
 */
public record DirEntry(String name, Cid cid, long size, EntryType type) {
    /**
     * Checks the components.
     *
     * @param name the entry's name as stored (not checked: see {@link Exporter#isSafeName})
     * @param cid the entry's root
     * @param size as {@link NodeStat#size()}
     * @param type as {@link NodeStat#type()}
     */
    public DirEntry {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(cid, "cid == null");
        Objects.requireNonNull(type, "type == null");
    }
}
