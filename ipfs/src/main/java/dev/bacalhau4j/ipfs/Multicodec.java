package dev.bacalhau4j.ipfs;

/** The multicodec codes a CID may name. Unknown codes parse; only these have names. */
public final class Multicodec {
    /** Raw bytes: a block that is the data itself. */
    public static final int RAW = 0x55;
    /** dag-pb: the protobuf nodes UnixFS files and directories are made of. */
    public static final int DAG_PB = 0x70;
    /** dag-cbor (named, not decoded here). */
    public static final int DAG_CBOR = 0x71;
    /** libp2p-key (named, not decoded here). */
    public static final int LIBP2P_KEY = 0x72;
    /** dag-json (named, not decoded here). */
    public static final int DAG_JSON = 0x0129;

    private Multicodec() {}

    /**
     * The name of a multicodec code.
     *
     * @param code the code
     * @return its name, such as {@code dag-pb}, or {@code 0x} and its hex digits when it has none here
     */
    public static String name(long code) {
        if (code != (int) code) {
            return "0x" + Long.toHexString(code);
        }
        return switch ((int) code) {
            case RAW -> "raw";
            case DAG_PB -> "dag-pb";
            case DAG_CBOR -> "dag-cbor";
            case LIBP2P_KEY -> "libp2p-key";
            case DAG_JSON -> "dag-json";
            default -> "0x" + Long.toHexString(code);
        };
    }
}
