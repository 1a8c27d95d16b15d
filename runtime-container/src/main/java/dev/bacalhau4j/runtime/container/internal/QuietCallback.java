package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;

/**
 * A docker-java stream callback that keeps a stream's error for its caller instead of logging it
 * (docker-java's default logs at ERROR, and the caller reports it: never both). Closing ends the
 * wait of {@code awaitCompletion}.
 */
public abstract class QuietCallback<T> extends ResultCallback.Adapter<T> {
    private volatile Throwable error;

    @Override
    public void onError(Throwable throwable) {
        if (error == null) error = throwable;
        try {
            close();
        } catch (IOException ignored) {
            // the stream is already broken
        }
    }

    /** The error that ended the stream, null when it ended normally (or is still open). */
    public Throwable error() {
        return error;
    }
}
