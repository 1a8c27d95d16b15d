package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.model.WaitResponse;

/** Receives the engine's answer to "wait for this container to exit", on docker-java's stream thread. */
public final class ExitWaiter extends QuietCallback<WaitResponse> {
    private volatile Integer statusCode;

    @Override
    public void onNext(WaitResponse response) {
        if (response.getStatusCode() != null) statusCode = response.getStatusCode();
    }

    /** The container's exit code, null when the engine did not give one. */
    public Integer statusCode() {
        return statusCode;
    }
}
