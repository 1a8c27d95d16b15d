package dev.bacalhau4j.core.internal.network;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One signed message on the wire, as JSON: who sent it, when, what type, its payload (JSON text)
 * and an Ed25519 signature over {@link #signedBytes()}.
 *
 * @param type the message type ({@code node.info}, {@code bid.ask}...)
 * @param from the sender's node id, which must derive from {@code publicKey}
 * @param publicKey the sender's X.509 Ed25519 public key, base64
 * @param seq the sender's message counter (starts at the sender's start time in microseconds, so it
 *            grows across restarts); receivers drop a (from, seq) they have seen
 * @param time when it was sent, epoch milliseconds
 * @param payload the message body, JSON text
 * @param signature base64 Ed25519 signature over {@link #signedBytes()}
 */
public record Envelope(String type, String from, String publicKey, long seq, long time, String payload,
                       String signature) {
    static final String DOMAIN = "bacalhau4j-envelope-v1";

    public Envelope {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(publicKey, "publicKey == null");
        Objects.requireNonNull(payload, "payload == null");
        Objects.requireNonNull(signature, "signature == null");
    }

    /**
     * The canonical bytes signed: UTF-8 of the domain tag, type, from, publicKey, seq and time, one
     * per line, then the payload text as is (last, so it may hold anything).
     */
    public byte[] signedBytes() {
        return signedBytes(type, from, publicKey, seq, time, payload);
    }

    static byte[] signedBytes(String type, String from, String publicKey, long seq, long time, String payload) {
        return (DOMAIN + "\n" + type + "\n" + from + "\n" + publicKey + "\n" + seq + "\n" + time + "\n" + payload)
                .getBytes(StandardCharsets.UTF_8);
    }
}
