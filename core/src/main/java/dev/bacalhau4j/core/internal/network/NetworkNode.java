package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.NodeInfo;
import dev.bacalhau4j.core.internal.LocalNode;
import dev.bacalhau4j.core.internal.NodeApi;
import dev.bacalhau4j.core.internal.NodeConfig;
import dev.bacalhau4j.core.internal.ipfs.IpfsServices;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node in a network over NATS: orchestrator, compute, or both, on top of a local node that
 * holds its identity, job store, blockstore and runtimes. Owns all of them and its NATS
 * connection; {@link #close()} releases them in order (roles, connection, local node).
 */
public final class NetworkNode implements NodeApi {
    private final LocalNode local;
    private final NatsBus bus;
    private final Optional<Orchestrator> orchestrator;
    private final Optional<ComputeService> compute;

    private NetworkNode(LocalNode local, NatsBus bus, Optional<Orchestrator> orchestrator,
            Optional<ComputeService> compute) {
        this.local = local;
        this.bus = bus;
        this.orchestrator = orchestrator;
        this.compute = compute;
    }

    /** Opens the local node, connects to NATS and starts the roles {@code network} asks for. */
    public static NetworkNode open(NodeConfig config, NetworkConfig network) {
        LocalNode local = LocalNode.open(config, !network.orchestrator());
        NatsBus bus = null;
        Orchestrator orchestrator = null;
        try {
            bus = NatsBus.connect(network.nats(), new EnvelopeCodec(local.keys(), Clock.systemUTC()));
            if (network.orchestrator()) {
                orchestrator = Orchestrator.start(local.nodeId(), local.store(), bus, network);
            }
            ComputeService compute = null;
            if (network.compute()) {
                Set<String> trusted = new HashSet<>(network.trustedOrchestrators());
                if (network.orchestrator()) trusted.add(local.nodeId());
                compute = ComputeService.start(local, bus, network, trusted);
            }
            return new NetworkNode(local, bus, Optional.ofNullable(orchestrator), Optional.ofNullable(compute));
        } catch (RuntimeException e) {
            if (orchestrator != null) orchestrator.close();
            if (bus != null) bus.close();
            local.close();
            throw e;
        }
    }

    /** The orchestrator role, when this node has it. */
    public Optional<Orchestrator> orchestrator() {
        return orchestrator;
    }

    public NatsBus bus() {
        return bus;
    }

    private Orchestrator requireOrchestrator() {
        return orchestrator.orElseThrow(() -> new IllegalStateException("node " + local.nodeId()
                + " is compute-only: submit jobs to an orchestrator (Bacalhau.connect(nats, orchestratorId))"));
    }

    @Override
    public JobHandle submit(Job job) {
        return requireOrchestrator().submit(job);
    }

    @Override
    public Optional<JobHandle> handle(String jobId) {
        return orchestrator.flatMap(o -> o.handle(jobId));
    }

    @Override
    public List<JobInfo> list() {
        return orchestrator.map(Orchestrator::list).orElse(List.of());
    }

    @Override
    public Optional<JobInfo> describe(String jobId) {
        return orchestrator.flatMap(o -> o.describe(jobId));
    }

    @Override
    public List<JobEvent> history(String jobId) {
        return orchestrator.map(o -> o.history(jobId)).orElse(List.of());
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return orchestrator.flatMap(o -> o.result(jobId));
    }

    @Override
    public NodeInfo info() {
        return local.info();
    }

    @Override
    public List<dev.bacalhau4j.core.ComputeNodeInfo> computeNodes() {
        return orchestrator.map(Orchestrator::computeNodes).orElse(List.of());
    }

    @Override
    public IpfsServices ipfs() {
        return local.ipfs();
    }

    @Override
    public List<URI> gatewaysFor(String jobId) {
        return orchestrator.map(o -> o.gatewaysFor(jobId)).orElse(List.of());
    }

    @Override
    public void close() {
        compute.ifPresent(ComputeService::close);
        orchestrator.ifPresent(Orchestrator::close);
        bus.close();
        local.close();
    }
}
