package dev.bacalhau4j.ipfs;

/**
 * Thrown when bytes or text that claim to be an IPFS structure (a CID, multihash, multibase
 * string, varint, dag-pb node, UnixFS record or CAR stream) are malformed. The message says what
 * is wrong and where. It is the only exception the parsers of this module throw for bad input.
 */
public class IpfsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public IpfsFormatException(String message) {
        super(message);
    }

    public IpfsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
