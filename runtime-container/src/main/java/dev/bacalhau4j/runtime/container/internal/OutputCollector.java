package dev.bacalhau4j.runtime.container.internal;

import com.github.dockerjava.api.model.Frame;
import dev.bacalhau4j.api.runtime.CapturedOutput;

/**
 * Receives a container's attached stdout and stderr frames, on docker-java's stream thread, into
 * two capped {@link CapturedOutput}s (which also stream each chunk to the execution's listener).
 */
public final class OutputCollector extends QuietCallback<Frame> {
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;

    public OutputCollector(CapturedOutput stdout, CapturedOutput stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null || payload.length == 0) return;
        switch (frame.getStreamType()) {
            case STDERR -> stderr.write(payload, 0, payload.length);
            case STDOUT, RAW -> stdout.write(payload, 0, payload.length);
            default -> { }
        }
    }
}
