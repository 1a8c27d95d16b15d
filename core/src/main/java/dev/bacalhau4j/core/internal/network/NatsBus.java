package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.BacalhauException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's NATS connection, speaking only signed envelopes: publishes and requests are sealed
 * with the node's key, and what arrives is verified before a handler sees it (what does not verify
 * goes to the drop listeners). Reconnects forever, buffering what is published meanwhile. Owns the
 * connection and one dispatcher thread per subscription; {@link #close()} releases them.
 */
public final class NatsBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NatsBus.class);

    /** What a subscription does with a verified message; returns the reply, or null for none. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Envelope message) throws RejectedMessageException;
    }

    /** A reply to a request: its type and payload. */
    public record Reply(String type, Object payload) {}

    /** A message that was dropped: where it came in, why, and the envelope when it parsed. */
    public record Dropped(String subject, String reason, byte[] wire) {}

    private final Connection connection;
    private final EnvelopeCodec codec;
    private final List<Consumer<Dropped>> dropListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();

    private NatsBus(Connection connection, EnvelopeCodec codec) {
        this.connection = connection;
        this.codec = codec;
    }

    /**
     * Connects to {@code server} ({@code nats://host:port}); when it is not up yet, keeps trying in
     * the background and buffers what is published meanwhile.
     */
    public static NatsBus connect(URI server, EnvelopeCodec codec) {
        NatsBus[] self = new NatsBus[1];
        Options options = Options.builder()
                .server(server.toString())
                .connectionName("bacalhau4j " + codec.keys().nodeId())
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .connectionTimeout(Duration.ofSeconds(5))
                .pingInterval(Duration.ofSeconds(5))
                .errorListener(new io.nats.client.ErrorListener() {
                    @Override
                    public void exceptionOccurred(Connection conn, Exception exp) {
                        log.debug("node {}: NATS connection: {}", codec.keys().nodeId(), exp.toString());
                    }

                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        log.warn("node {}: NATS server error: {}", codec.keys().nodeId(), error);
                    }
                })
                .connectionListener((conn, event) -> {
                    log.info("node {}: NATS {} ({})", codec.keys().nodeId(), event.getEvent(), server);
                    if (event == ConnectionListener.Events.RECONNECTED && self[0] != null) {
                        self[0].reconnectListeners.forEach(Runnable::run);
                    }
                })
                .build();
        try {
            Connection connection = Nats.connectReconnectOnConnect(options);
            self[0] = new NatsBus(connection, codec);
            return self[0];
        } catch (IOException e) {
            throw new BacalhauException("cannot connect to NATS at " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BacalhauException("interrupted while connecting to NATS at " + server, e);
        }
    }

    public EnvelopeCodec codec() {
        return codec;
    }

    /** This node's id. */
    public String nodeId() {
        return codec.keys().nodeId();
    }

    /** Calls {@code listener} for every message dropped, on a dispatcher thread. */
    public void onDropped(Consumer<Dropped> listener) {
        dropListeners.add(listener);
    }

    /** Calls {@code listener} each time the connection comes back after a loss. */
    public void onReconnect(Runnable listener) {
        reconnectListeners.add(listener);
    }

    /** Publishes a signed {@code type} message; buffered while disconnected, logged and dropped when refused. */
    public void publish(String subject, String type, Object payload) {
        try {
            connection.publish(subject, codec.seal(type, payload));
        } catch (IllegalStateException e) {
            // the client refuses while closing or with its reconnect buffer full: what we publish is best
            // effort (heartbeats repeat, results go by request and are retried), so the caller carries on
            log.warn("node {}: could not publish {} on {}: {}", nodeId(), type, subject, e.getMessage());
        }
    }

    /** Publishes already sealed bytes (tests that forge or replay messages). */
    public void publishRaw(String subject, byte[] wire) {
        connection.publish(subject, wire);
    }

    /**
     * Sends a signed request and completes with the verified reply; completes exceptionally
     * with a {@link BacalhauException} naming the subject on timeout, no responder, a send the client
     * refused, or a reply that does not verify. Never throws.
     */
    public CompletableFuture<Envelope> request(String subject, String type, Object payload, Duration timeout) {
        CompletableFuture<Message> sent;
        try {
            sent = connection.requestWithTimeout(subject, codec.seal(type, payload), timeout);
        } catch (RuntimeException e) {
            // the client refuses at once while reconnecting with a full buffer or closing: callers count their
            // requests in flight, so this must end the future like any other failure, never escape
            sent = CompletableFuture.failedFuture(e);
        }
        return sent
                // belt and braces: a request must end even if the client loses track of it across a reconnect
                .orTimeout(timeout.toMillis() + 2000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((message, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        String what = cause instanceof java.util.concurrent.CancellationException
                                ? "no reply (nobody listening, or it timed out after " + timeout.toMillis() + " ms)"
                                : cause.toString();
                        throw new BacalhauException(type + " to " + subject + ": " + what, cause);
                    }
                    try {
                        return codec.open(message.getData());
                    } catch (RejectedMessageException e) {
                        throw new BacalhauException(type + " to " + subject + ": reply dropped: " + e.getMessage());
                    }
                });
    }

    /** Subscribes {@code handler} to {@code subject} on a dispatcher thread of its own. */
    public Dispatcher subscribe(String subject, Handler handler) {
        Dispatcher dispatcher = connection.createDispatcher(message -> dispatch(message, handler));
        dispatcher.subscribe(subject);
        return dispatcher;
    }

    /** Ends a subscription made by {@link #subscribe}. */
    public void unsubscribe(Dispatcher dispatcher) {
        connection.closeDispatcher(dispatcher);
    }

    private void dispatch(Message message, Handler handler) {
        Envelope envelope;
        try {
            envelope = codec.open(message.getData());
        } catch (RejectedMessageException e) {
            drop(message, e.getMessage());
            return;
        }
        try {
            Reply reply = handler.handle(envelope);
            if (reply != null && message.getReplyTo() != null) {
                connection.publish(message.getReplyTo(), codec.seal(reply.type(), reply.payload()));
            }
        } catch (RejectedMessageException e) {
            drop(message, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("node {}: handling {} on {} failed", nodeId(), envelope.type(), message.getSubject(), e);
        }
    }

    private void drop(Message message, String reason) {
        log.warn("node {}: dropped a message on {}: {}", nodeId(), message.getSubject(), reason);
        Dropped dropped = new Dropped(message.getSubject(), reason, message.getData());
        for (Consumer<Dropped> listener : dropListeners) {
            try {
                listener.accept(dropped);
            } catch (RuntimeException e) {
                log.warn("node {}: drop listener failed", nodeId(), e);
            }
        }
    }

    /** The largest message the server takes, in bytes (1 MiB by default). */
    public long maxPayload() {
        long max = connection.getMaxPayload();
        return max > 0 ? max : 1024 * 1024;
    }

    /** True while connected to the server. */
    public boolean connected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** Sends what is buffered and waits for the server to have it. */
    public void flush(Duration timeout) {
        try {
            connection.flush(timeout);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BacalhauException("NATS flush timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
