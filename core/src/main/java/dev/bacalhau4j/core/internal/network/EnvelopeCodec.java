package dev.bacalhau4j.core.internal.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals payloads into signed envelopes and opens received ones, verifying them: the sender id must
 * derive from the public key, the signature must verify over the canonical bytes, the time must be
 * within {@link #MAX_SKEW} of this clock, and a (sender, seq) pair is accepted once. Thread-safe;
 * one per node (it holds the node's counter and what it has seen).
 */
public final class EnvelopeCodec {
    /** How far a message's time may be from ours before it is dropped as stale or from the future. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int SEEN_PER_SENDER = 4096;
    private static final int MAX_CACHED_KEYS = 10_000;

    private final NodeKeys keys;
    private final Clock clock;
    private final ObjectMapper json;
    private final AtomicLong seq;
    /** Raw public keys by their base64 X.509 form: decoded once per sender, not per message. */
    private final Map<String, byte[]> keyCache = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

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
        long skew = Math.abs(clock.millis() - e.time());
        if (skew > MAX_SKEW.toMillis()) {
            throw new RejectedMessageException(e.type() + " from " + e.from() + " is " + skew
                    + " ms away from this node's clock (more than " + MAX_SKEW.toSeconds() + "s)");
        }
        if (!seen.computeIfAbsent(e.from(), f -> new Seen()).firstTime(e.seq())) {
            throw new RejectedMessageException(e.type() + " from " + e.from() + " with seq " + e.seq()
                    + " was already received (replay or duplicate)");
        }
        return e;
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

    /** The sequence numbers recently seen from one sender (bounded). */
    private static final class Seen {
        private final Map<Long, Boolean> recent = new LinkedHashMap<>(64, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > SEEN_PER_SENDER;
            }
        };

        synchronized boolean firstTime(long seq) {
            return recent.put(seq, Boolean.TRUE) == null;
        }
    }
}
