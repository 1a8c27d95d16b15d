package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.model.PullResponseItem;

/** Follows an image pull's progress stream and keeps the error the engine reported in it, if any. */
public final class PullProgress extends QuietCallback<PullResponseItem> {
    private volatile String streamError;

    @Override
    public void onNext(PullResponseItem item) {
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
            streamError = item.getErrorDetail().getMessage();
        }
    }

    /** The error the engine wrote into the progress stream, null when none. */
    public String streamError() {
        return streamError;
    }
}
