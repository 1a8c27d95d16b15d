package dev.bacalhau4j.core.internal.network;

/** A message that was dropped, with why: unparsable, unsigned, forged, replayed or stale. */
public final class RejectedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public RejectedMessageException(String reason) {
        super(reason);
    }
}
