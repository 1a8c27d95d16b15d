package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.NodeInfo;
import dev.bacalhau4j.core.internal.ipfs.IpfsServices;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link dev.bacalhau4j.core.Bacalhau} facade needs from a node: the embedded
 * {@link LocalNode}, a node in a network over NATS, or a client of a remote orchestrator.
 */
public interface NodeApi extends AutoCloseable {
    JobHandle submit(Job job);

    Optional<JobHandle> handle(String jobId);

    List<JobInfo> list();

    Optional<JobInfo> describe(String jobId);

    List<JobEvent> history(String jobId);

    Optional<JobResult> result(String jobId);

    NodeInfo info();

    /** The compute nodes the orchestrator behind this API sees live; empty without one. */
    List<dev.bacalhau4j.core.ComputeNodeInfo> computeNodes();

    /** This side's IPFS: its blockstore, gateways, and the gateway it serves. */
    IpfsServices ipfs();

    /** Gateways that may hold the outputs of {@code jobId} (the nodes that ran it first). */
    List<URI> gatewaysFor(String jobId);

    @Override
    void close();
}
