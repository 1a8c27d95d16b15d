package dev.bacalhau4j.core.internal.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals payloads into signed envelopes and opens received ones, verifying them: the sender id must
 * derive from the public key, the signature must verify over the canonical bytes, the time must be
 * within {@link #MAX_SKEW} of this clock, and a (sender, seq) pair is accepted once, in bounded memory
 * ({@link ReplayGuard}). Thread-safe;
 * one per node (it holds the node's counter and what it has seen).
 */
public final class EnvelopeCodec {
    /** How far a message's time may be from ours before it is dropped as stale or from the future. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    /**
     * Seqs remembered per sender: only as deep as messages from one sender can arrive out of order,
     * since older ones fall below that sender's floor (see {@link ReplayGuard}).
     */
    static final int SEEN_PER_SENDER = 256;
    /** Senders remembered: nodes and clients heard within the skew; past it the least recent go. */
    static final int MAX_SENDERS = 1024;
    private static final int MAX_CACHED_KEYS = 10_000;

    private final NodeKeys keys;
    private final Clock clock;
    private final ObjectMapper json;
    private final AtomicLong seq;
    /** Raw public keys by their base64 X.509 form: decoded once per sender, not per message. */
    private final Map<String, byte[]> keyCache = new ConcurrentHashMap<>();
    private final ReplayGuard seen = new ReplayGuard(SEEN_PER_SENDER, MAX_SENDERS, MAX_SKEW.toMillis());

    public EnvelopeCodec(NodeKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.seq = new AtomicLong(clock.millis() * 1000);
    }

    public NodeKeys keys() {
        return keys;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The wire bytes of a signed envelope carrying {@code payload} (a record, serialized as JSON). */
    public byte[] seal(String type, Object payload) {
        try {
            String body = payload instanceof String s ? s : json.writeValueAsString(payload);
            long n = seq.incrementAndGet();
            long now = clock.millis();
            byte[] signature = keys.sign(Envelope.signedBytes(type, keys.nodeId(), keys.publicKeyBase64(), n, now, body));
            return json.writeValueAsBytes(new Envelope(type, keys.nodeId(), keys.publicKeyBase64(), n, now, body,
                    Base64.getEncoder().encodeToString(signature)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a " + type + " message: " + e.getMessage(), e);
        }
    }

    /**
     * The verified envelope in {@code wire}.
     *
     * @throws RejectedMessageException naming why it was dropped
     */
    public Envelope open(byte[] wire) throws RejectedMessageException {
        Envelope e = parse(wire);
        if (!e.from().equals(keyIdOf(e.publicKey()))) {
            throw new RejectedMessageException("sender id " + e.from() + " does not derive from the public key it carries");
        }
        byte[] key;
        byte[] signature;
        try {
            key = publicKeyOf(e.publicKey());
            signature = Base64.getDecoder().decode(e.signature());
        } catch (IllegalArgumentException ex) {
            throw new RejectedMessageException("signature of " + e.type() + " from " + e.from()
                    + " cannot be checked: " + ex.getMessage());
        }
        if (!NodeKeys.verify(key, signature, e.signedBytes())) {
            throw new RejectedMessageException("signature of " + e.type() + " from " + e.from() + " does not verify");
        }
        long now = clock.millis();
        long skew = Math.abs(now - e.time());
        if (skew > MAX_SKEW.toMillis()) {
            throw new RejectedMessageException(e.type() + " from " + e.from() + " is " + skew
                    + " ms away from this node's clock (more than " + MAX_SKEW.toSeconds() + "s)");
        }
        switch (seen.check(e.from(), e.seq(), e.time(), now)) {
            case REPLAY -> throw new RejectedMessageException(e.type() + " from " + e.from() + " with seq " + e.seq()
                    + " was already received (replay or duplicate)");
            case BELOW_FLOOR -> throw new RejectedMessageException(e.type() + " from " + e.from() + " with seq "
                    + e.seq() + " is older than what this node still remembers of its sender (a possible replay;"
                    + " a genuine sender sends it again with a later time)");
            case FIRST -> { }
        }
        return e;
    }

    /** How many senders the replay check remembers now (at most {@link #MAX_SENDERS}). */
    int rememberedSenders() {
        return seen.senders();
    }

    /** Reads a verified envelope's payload as {@code type}. */
    public <T> T payload(Envelope e, Class<T> type) throws RejectedMessageException {
        try {
            return json.readValue(e.payload(), type);
        } catch (IOException ex) {
            throw new RejectedMessageException(e.type() + " from " + e.from() + ": payload is not a "
                    + type.getSimpleName() + ": " + ex.getMessage());
        }
    }

    private Envelope parse(byte[] wire) throws RejectedMessageException {
        try {
            Envelope e = json.readValue(wire, Envelope.class);
            if (e.signature().isEmpty()) throw new RejectedMessageException("unsigned " + e.type() + " from " + e.from());
            return e;
        } catch (RejectedMessageException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new RejectedMessageException("not a signed envelope: " + ex.getMessage());
        }
    }

    private byte[] publicKeyOf(String base64) {
        byte[] key = keyCache.get(base64);
        if (key != null) return key;
        key = NodeKeys.rawPublicKey(Base64.getDecoder().decode(base64));
        if (keyCache.size() >= MAX_CACHED_KEYS) keyCache.clear(); // forged keys cannot grow it without bound
        keyCache.put(base64, key);
        return key;
    }

    private String keyIdOf(String publicKeyBase64) throws RejectedMessageException {
        try {
            return NodeKeys.idOf(Base64.getDecoder().decode(publicKeyBase64));
        } catch (IllegalArgumentException ex) {
            throw new RejectedMessageException("public key is not base64");
        }
    }
}
