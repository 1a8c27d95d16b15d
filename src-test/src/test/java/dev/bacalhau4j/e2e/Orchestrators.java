package dev.bacalhau4j.e2e;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Path;
import java.time.Duration;

/** The orchestrator the network tests run in this JVM, over their compute nodes in child JVMs. */
final class Orchestrators {
    private Orchestrators() {}

    /** Orchestrator only, on {@code dir}; 200 ms heartbeats, so a silent node is lost within a second; no FUSE. */
    static Bacalhau inProcess(NatsServer nats, Path dir) {
        return Bacalhau.builder().directory(dir).nats(nats.uri()).orchestrator(true).compute(false)
                .heartbeat(Duration.ofMillis(200)).fuse(false).build();
    }
}
