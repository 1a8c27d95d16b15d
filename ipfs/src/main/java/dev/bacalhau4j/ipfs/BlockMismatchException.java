package dev.bacalhau4j.ipfs;

/**
 * Thrown when a block's bytes do not hash to the CID they were offered under. Such a block is
 * never stored.
 */
public final class BlockMismatchException extends IpfsFormatException {
    private static final long serialVersionUID = 1L;
    private final transient Cid expected;

    /**
     * A block that does not hash to {@code expected}.
     *
     * @param expected the CID the block was offered under
     * @param detail what it hashes to instead
     */
    public BlockMismatchException(Cid expected, String detail) {
        super("block does not match its CID " + expected + ": " + detail);
        this.expected = expected;
    }

    /**
     * The CID the block was claimed to have.
     *
     * @return the CID
     */
    public Cid expected() {
        return expected;
    }
}
