package dev.bacalhau4j.ipfs.block;

import dev.bacalhau4j.ipfs.Cid;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A blockstore that keeps nothing and counts what it was given: for imports that only need the
 * CID ({@code ipfs add --only-hash}) and for measuring the importer alone. Thread-safe.
 */
public final class DiscardingBlockstore implements Blockstore {
    private long blocks;
    private long bytes;
    private int largestBlock;

    /**
     * How many blocks were put.
     *
     * @return the count
     */
    public synchronized long blocks() {
        return blocks;
    }

    /**
     * How many bytes were put.
     *
     * @return the count
     */
    public synchronized long bytes() {
        return bytes;
    }

    /**
     * The size of the largest block put.
     *
     * @return the number of bytes, 0 when none was put
     */
    public synchronized int largestBlock() {
        return largestBlock;
    }

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
