package dev.bacalhau4j.ipfs.fs;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import dev.bacalhau4j.ipfs.block.ForwardingBlockstore;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read-through cache of small blocks in front of a blockstore: directory blocks, file roots and
 * small leaves, which path resolution reads again and again. Blocks above
 * {@value #MAX_CACHED_BLOCK} bytes are never kept, and the whole cache stays under its byte budget
 * (least recently used out first). Blocks are immutable, so a cached block is always right; misses
 * are not remembered. Thread-safe; {@link #close()} does not close the store underneath.
 */
final class CachingBlockstore extends ForwardingBlockstore {
    static final int MAX_CACHED_BLOCK = 64 * 1024;

    private final long budget;
    private long used;
    private final LinkedHashMap<Cid, byte[]> blocks = new LinkedHashMap<>(64, 0.75f, true);

    CachingBlockstore(Blockstore delegate, long budget) {
        super(delegate);
        this.budget = budget;
    }

    @Override
    public Optional<byte[]> get(Cid cid) throws IOException {
        synchronized (this) {
            byte[] hit = blocks.get(cid);
            if (hit != null) {
                return Optional.of(hit.clone());
            }
        }
        Optional<byte[]> got = delegate().get(cid);
        if (got.isPresent() && got.get().length <= MAX_CACHED_BLOCK && budget > 0) {
            remember(cid, got.get().clone());
        }
        return got;
    }

    private synchronized void remember(Cid cid, byte[] data) {
        if (blocks.containsKey(cid)) {
            return;
        }
        blocks.put(cid, data);
        used += data.length;
        Iterator<Map.Entry<Cid, byte[]>> eldest = blocks.entrySet().iterator();
        while (used > budget && eldest.hasNext()) {
            used -= eldest.next().getValue().length;
            eldest.remove();
        }
    }
}
