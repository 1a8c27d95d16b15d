package dev.bacalhau4j.ipfs.importer;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.block.Blockstore;
import java.util.Optional;
import java.util.stream.Stream;

/** A blockstore that keeps nothing and counts what it was given, for imports that only need CIDs. */
final class DiscardingBlockstore implements Blockstore {
    long blocks;
    long bytes;
    int largestBlock;

    @Override
    public boolean has(Cid cid) {
        return false;
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        return Optional.empty();
    }

    @Override
    public long size(Cid cid) {
        return -1;
    }

    @Override
    public synchronized void put(Cid cid, byte[] data) {
        blocks++;
        bytes += data.length;
        largestBlock = Math.max(largestBlock, data.length);
    }

    @Override
    public boolean delete(Cid cid) {
        return false;
    }

    @Override
    public Stream<Cid> cids() {
        return Stream.empty();
    }
}
