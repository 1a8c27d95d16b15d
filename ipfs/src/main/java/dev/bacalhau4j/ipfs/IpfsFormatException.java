package dev.bacalhau4j.ipfs;

/**
 * Thrown when bytes or text that claim to be an IPFS structure (a CID, multihash, multibase
 * string, varint, dag-pb node, UnixFS record or CAR stream) are malformed. The message says what
 * is wrong and where. It is the only exception the parsers of this module throw for bad input.
 */
public class IpfsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception saying what is malformed, and where.
     *
     * @param message what is wrong, and where
     */
    public IpfsFormatException(String message) {
        super(message);
    }

    /**
     * The same, with the failure that revealed it.
     *
     * @param message what is wrong, and where
     * @param cause the underlying failure
     */
    public IpfsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
