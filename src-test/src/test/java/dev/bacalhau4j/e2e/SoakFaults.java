package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cluster {@link PeerFaultSoakTest} breaks, and the breaking: an orchestrator in a child JVM,
 * compute nodes in child JVMs, a nats-server; each fault kills or restarts one of them and brings
 * it back on its own directory, so it is the same node (same key, same store). Every process it
 * started is kept, so the test can check that none is left; {@link #close()} kills them.
 */
final class SoakFaults implements AutoCloseable {
    /** The faults, as the summary line names them. */
    enum Kind { COMPUTE_KILL, ORCHESTRATOR_KILL, NATS_RESTART }

    private final NatsServer nats;
    private final Path tmp;
    private final ChildNodes computes = new ChildNodes();
    private final List<ChildNodes.Child> current = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private ChildOrchestrator orchestrator;

    SoakFaults(NatsServer nats, Path tmp) {
        this.nats = nats;
        this.tmp = tmp;
        for (Kind k : Kind.values()) counts.put(k, 0);
    }

    /** Starts the orchestrator, then {@code n} compute nodes that trust it. */
    void start(int n) throws Exception {
        startOrchestrator();
        for (int i = 0; i < n; i++) current.add(startCompute(i));
    }

    String orchestratorId() {
        return orchestrator.nodeId();
    }

    /** Injects {@code kind}; {@code random} picks the compute node. Returns once the victim is back. */
    void inject(Kind kind, Random random) throws Exception {
        switch (kind) {
            case COMPUTE_KILL -> {
                int i = random.nextInt(current.size());
                ChildNodes.Child victim = current.get(i);
                victim.kill(); // SIGKILL, mid-execution when it had one
                ChildNodes.Child back = startCompute(i);
                assertThat(back.nodeId()).as("compute node %d restarted on its directory", i).isEqualTo(victim.nodeId());
                current.set(i, back);
            }
            case ORCHESTRATOR_KILL -> {
                String before = orchestrator.nodeId();
                orchestrator.kill();
                startOrchestrator();
                assertThat(orchestrator.nodeId()).as("orchestrator restarted on its directory").isEqualTo(before);
            }
            case NATS_RESTART -> nats.restart();
        }
        counts.merge(kind, 1, Integer::sum);
    }

    Map<Kind, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** Every child JVM started, dead or alive. */
    List<Process> processes() {
        return List.copyOf(started);
    }

    private void startOrchestrator() throws Exception {
        orchestrator = ChildOrchestrator.start(nats.uri().toString(), tmp.resolve("orch"), "serve");
        started.add(orchestrator.process());
    }

    private ChildNodes.Child startCompute(int i) throws Exception {
        ChildNodes.Child c = computes.start(nats.uri().toString(), tmp.resolve("compute-" + i),
                "trust=" + orchestrator.nodeId());
        started.add(c.process());
        return c;
    }

    @Override
    public void close() throws Exception {
        try {
            computes.close();
        } finally {
            if (orchestrator != null) orchestrator.kill();
        }
    }
}
