package dev.bacalhau4j.e2e;

import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Path;
import java.time.Duration;

/** The orchestrator the network tests run in this JVM, over their compute nodes in child JVMs. */
final class Orchestrators {
    private Orchestrators() {}

    /** Heartbeats the tests' orchestrators miss before they call a node lost. */
    static final int MISSED_HEARTBEATS = 10;

    /**
     * Orchestrator only, on {@code dir}; 200 ms heartbeats, a node lost after 10 missed ones (2 s):
     * quick for the fault tests, yet a loaded CI machine's stall of a child JVM does not make a healthy
     * node lost (at 3 missed, 600 ms, it did, and a Count=2 job ran a third execution); no FUSE.
     */
    static Bacalhau inProcess(NatsServer nats, Path dir) {
        return Bacalhau.builder().directory(dir).nats(nats.uri()).orchestrator(true).compute(false)
                .heartbeat(Duration.ofMillis(200)).missedHeartbeats(MISSED_HEARTBEATS).fuse(false).build();
    }
}
