package dev.bacalhau4j.core;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.api.runtime.Runtime;
import dev.bacalhau4j.core.internal.FileTrees;
import dev.bacalhau4j.core.internal.LocalNode;
import dev.bacalhau4j.core.internal.NodeApi;
import dev.bacalhau4j.core.internal.NodeConfig;
import dev.bacalhau4j.core.internal.network.NetworkConfig;
import dev.bacalhau4j.core.internal.network.NetworkNode;
import dev.bacalhau4j.ipfs.TransferListener;
import dev.bacalhau4j.ipfs.importer.ImportProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Bacalhau4j node: submits jobs, runs them, and keeps their history and results.
 *
 * <p>{@link #embedded()} is orchestrator and compute in this JVM, with no network: jobs run on
 * this machine's runtimes (found through {@link java.util.ServiceLoader}) and their history is
 * kept in SQLite under the node directory. A node is costly (thread pool, database, runtime
 * caches) and meant to be shared; it is thread-safe. Whoever builds it closes it: closing stops
 * running jobs (they end {@code Stopped}), keeps queued ones for the next start, and releases
 * every thread and file it holds, including the read-only FUSE mount through which its docker
 * jobs read IPFS inputs ({@code <node directory>/ipfs}, see {@link Builder#fuse(boolean)}).
 *
 * <p>With {@link Builder#nats(URI)} the node joins a network of nodes over NATS as orchestrator,
 * compute, or both (see {@link Builder#orchestrator(boolean)}, {@link Builder#compute(boolean)}):
 * jobs submitted to an orchestrator run on compute nodes that trust it, chosen by engine,
 * resources, labels and data locality, and are verified across nodes when they ask for it. The
 * node then also owns its NATS connection and the threads of its roles.
 */
public final class Bacalhau implements AutoCloseable {

    /** The environment variable that overrides the default node directory. */
    public static final String DIRECTORY_ENV = "BACALHAU4J_DIR";

    private final NodeApi node;
    private final NodeIpfs ipfs;

    private Bacalhau(NodeApi node) {
        this.node = node;
        this.ipfs = new NodeIpfs(node.ipfs());
    }

    /**
     * An embedded node on the default node directory ({@code $BACALHAU4J_DIR} or {@code ~/.bacalhau4j}).
     *
     * @return the open node; the caller closes it
     */
    public static Bacalhau embedded() {
        return builder().build();
    }

    /**
     * A client of the remote orchestrator {@code orchestratorId} ({@code n-...}, printed by its
     * {@code serve}) on the NATS server {@code nats}: the same API as an embedded node, answered by
     * that orchestrator. Jobs run on its compute nodes; {@link JobHandle#onEvent} streams their
     * events while they run; {@link #download} fetches outputs from the gateways of the nodes that
     * ran them. The client holds no job store: its {@link #info()} and {@link #ipfs()} are those of
     * its own in-memory node, whose id the orchestrator records as the submitter. Waits up to 10 s
     * for the orchestrator to answer.
     *
     * @param nats the NATS server of the network ({@code nats://host:port})
     * @param orchestratorId the orchestrator's node id
     * @return the connected client; the caller closes it
     * @throws BacalhauException when the orchestrator does not answer, naming it and the server
     * @throws IllegalArgumentException when {@code orchestratorId} is not a node id
     */
    public static Bacalhau connect(URI nats, String orchestratorId) {
        return connect(nats, orchestratorId, Duration.ofSeconds(10));
    }

    /**
     * {@link #connect(URI, String)}, waiting up to {@code timeout} for the orchestrator to answer.
     *
     * @param nats the NATS server of the network ({@code nats://host:port})
     * @param orchestratorId the orchestrator's node id
     * @param timeout how long to wait for the orchestrator's first answer
     * @return the connected client; the caller closes it
     */
    public static Bacalhau connect(URI nats, String orchestratorId, Duration timeout) {
        Objects.requireNonNull(nats, "nats == null");
        Objects.requireNonNull(timeout, "timeout == null");
        NodeConfig client = new Builder().inMemory().noRuntimeDiscovery().fuse(false).nodeConfig(null, null);
        return new Bacalhau(dev.bacalhau4j.core.internal.network.RemoteNode.connect(client, nats, orchestratorId,
                timeout));
    }

    /**
     * Options for an embedded node.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default node directory: {@code $BACALHAU4J_DIR}, else {@code ~/.bacalhau4j}.
     *
     * @return the directory (not created)
     */
    public static Path defaultDirectory() {
        String env = System.getenv(DIRECTORY_ENV);
        return env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".bacalhau4j");
    }

    /**
     * Submits {@code job} and returns at once; the job runs when a slot is free.
     *
     * @param job the job
     * @return a handle on the submitted job
     * @throws dev.bacalhau4j.api.InvalidJobException when the job is invalid, naming the field at fault
     */
    public JobHandle submit(Job job) {
        return node.submit(Objects.requireNonNull(job, "job == null"));
    }

    /**
     * Submits {@code job} and waits for it to end.
     *
     * @param job the job
     * @return its result, in a terminal state
     * @throws InterruptedException when the waiting thread is interrupted (the job goes on)
     */
    public JobResult run(Job job) throws InterruptedException {
        return submit(job).await();
    }

    /**
     * A handle on a job this node knows, including jobs from earlier runs of the node.
     *
     * @param jobId the job's id
     * @return the handle; empty for an unknown job
     */
    public Optional<JobHandle> job(String jobId) {
        return node.handle(jobId);
    }

    /**
     * Every job this node knows, newest first.
     *
     * @return the jobs
     */
    public List<JobInfo> list() {
        return node.list();
    }

    /**
     * The job's spec and state.
     *
     * @param jobId the job's id
     * @return spec and state; empty for an unknown job
     */
    public Optional<JobInfo> describe(String jobId) {
        return node.describe(jobId);
    }

    /**
     * The job's history, oldest first; empty for an unknown job.
     *
     * @param jobId the job's id
     * @return the events
     */
    public List<JobEvent> history(String jobId) {
        return node.history(jobId);
    }

    /**
     * The job's result so far.
     *
     * @param jobId the job's id
     * @return the result; empty for an unknown job
     */
    public Optional<JobResult> result(String jobId) {
        return node.result(jobId);
    }

    /**
     * The node's IPFS: add and read data, CAR files, pins and garbage collection.
     *
     * @return the node's IPFS, owned by the node
     */
    public NodeIpfs ipfs() {
        return ipfs;
    }

    /**
     * Writes a job's published outputs to {@code target} (which must not exist): the tree of an
     * {@code ipfs} result (fetched from the gateways when this node lacks it), or a copy of a
     * {@code local} one.
     *
     * @param result a job's result
     * @param target a directory to create (its parent directories too, when missing)
     * @throws IOException when the outputs cannot be fetched or written
     * @throws BacalhauException when the job published nothing
     */
    public void download(JobResult result, Path target) throws IOException {
        download(result, target, TransferListener.NONE, TransferListener.NONE);
    }

    /**
     * As {@link #download(JobResult, Path)}, in two reported steps for an {@code ipfs} result:
     * {@code fetched} hears the bytes received from a gateway while the outputs' DAG is fetched
     * (nothing when this node has it all), then {@code written} hears the file bytes written against
     * the total the DAG's files declare. The copy of a {@code local} result is not reported.
     *
     * @param result a job's result
     * @param target a directory to create
     * @param fetched hears the fetch, on the calling thread
     * @param written hears the writing, on the calling thread
     * @throws IOException when the outputs cannot be fetched or written
     * @throws BacalhauException when the job published nothing
     */
    public void download(JobResult result, Path target, TransferListener fetched, TransferListener written)
            throws IOException {
        Objects.requireNonNull(fetched, "fetched == null");
        Objects.requireNonNull(written, "written == null");
        PublishedResult published = result.outputs().orElseThrow(() -> new BacalhauException("job "
                + result.jobId() + " published no results (state " + result.state() + ")"));
        URI location = published.location();
        Path parent = target.toAbsolutePath().normalize().getParent();
        if (parent != null) Files.createDirectories(parent); // a/b/outputs: make a/b, as ipfs get -o does
        if ("ipfs".equals(location.getScheme())) {
            String cid = location.getSchemeSpecificPart().replaceFirst("^//", "");
            List<URI> peers = node.gatewaysFor(result.jobId());
            if (!peers.isEmpty()) {
                try {
                    node.ipfs().fetchFrom(dev.bacalhau4j.ipfs.IpfsPath.parse(cid), peers, fetched);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("fetching " + cid + " was interrupted");
                }
            }
            ipfs.get(cid, target, fetched, written);
        } else if ("file".equals(location.getScheme())) {
            FileTrees.copyNew(Path.of(location), target);
        } else {
            throw new BacalhauException("cannot download results published at " + location);
        }
    }

    /**
     * What this node is and can run.
     *
     * @return the node's id, directory, engines, gateway and input mount
     */
    public NodeInfo info() {
        return node.info();
    }

    /**
     * The compute nodes of the network this node's jobs go to, as its orchestrator hears them: the
     * local orchestrator's live set on a network node started with {@code orchestrator(true)}, the
     * remote orchestrator's for a client of {@link #connect}. An embedded node without peers runs
     * its own jobs and has none (see {@link #info()}).
     *
     * @return the live compute nodes, by id
     * @throws BacalhauException when a remote orchestrator does not answer
     */
    public List<ComputeNodeInfo> computeNodes() {
        return node.computeNodes();
    }

    @Override
    public void close() {
        node.close();
    }

    /** Options for a node. Holds the only mutable state; {@link #build()} validates. */
    public static final class Builder {
        private Path directory;
        private boolean inMemory;
        private final List<Path> allowedLocalPaths = new ArrayList<>();
        private final List<Runtime> runtimes = new ArrayList<>();
        private int maxConcurrentExecutions = java.lang.Runtime.getRuntime().availableProcessors();
        private Duration defaultExecutionTimeout = Duration.ofMinutes(30);
        private long maxDownloadBytes = 1L << 30;
        private long logCapBytes = dev.bacalhau4j.api.runtime.ExecutionLimits.DEFAULT_LOG_CAP;
        private boolean discoverRuntimes = true;
        private ImportProfile importProfile = ImportProfile.DEFAULT;
        private final List<URI> gateways = new ArrayList<>();
        private InetSocketAddress gatewayListen;
        private boolean fuse = true;
        private boolean verifyBlockReads;
        private long maxOutputBytes = 10L << 30;
        private URI nats;
        private Boolean orchestrator;
        private Boolean compute;
        private final java.util.Set<String> trustedOrchestrators = new java.util.LinkedHashSet<>();
        private final java.util.Map<String, String> labels = new java.util.TreeMap<>();
        private Duration heartbeat = Duration.ofSeconds(1);
        private int missedHeartbeats = 3;
        private boolean corruptResultsForTesting;

        private Builder() {}

        /**
         * Keeps the job store and results under {@code directory} (created if missing).
         *
         * @param directory the node directory
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory == null");
            this.inMemory = false;
            return this;
        }

        /**
         * Keeps jobs in memory and results in a temporary directory, all gone at {@link #close()}.
         *
         * @return this builder
         */
        public Builder inMemory() {
            this.inMemory = true;
            this.directory = null;
            return this;
        }

        /**
         * Allows {@code local} inputs from under {@code path}; none are allowed by default.
         *
         * @param path a host directory (or file) jobs may read
         * @return this builder
         */
        public Builder allowLocalPath(Path path) {
            allowedLocalPaths.add(Objects.requireNonNull(path, "path == null"));
            return this;
        }

        /**
         * Uses {@code runtime} for its engine type, in place of one found through ServiceLoader.
         *
         * @param runtime the runtime; the node owns it from now on and closes it
         * @return this builder
         */
        public Builder runtime(Runtime runtime) {
            runtimes.add(Objects.requireNonNull(runtime, "runtime == null"));
            return this;
        }

        /**
         * Uses only runtimes passed to {@link #runtime}, not those on the class path.
         *
         * @return this builder
         */
        public Builder noRuntimeDiscovery() {
            this.discoverRuntimes = false;
            return this;
        }

        /**
         * Executions run at once; more wait in the queue. Default: the number of cores.
         *
         * @param max executions at once, at least 1
         * @return this builder
         */
        public Builder maxConcurrentExecutions(int max) {
            if (max < 1) throw new IllegalArgumentException("maxConcurrentExecutions must be >= 1 (got " + max + ")");
            this.maxConcurrentExecutions = max;
            return this;
        }

        /**
         * The execution timeout for tasks that set none. Default: 30 minutes.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder defaultExecutionTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("defaultExecutionTimeout must be positive (got " + timeout + ")");
            }
            this.defaultExecutionTimeout = timeout;
            return this;
        }

        /**
         * The largest {@code urlDownload} input accepted. Default: 1 GiB.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxDownloadBytes(long bytes) {
            if (bytes < 1) throw new IllegalArgumentException("maxDownloadBytes must be >= 1 (got " + bytes + ")");
            this.maxDownloadBytes = bytes;
            return this;
        }

        /**
         * The most bytes one execution may leave in its result paths when its task sets no
         * {@code Resources.Disk}, counted by apparent size (a sparse file counts its length); more
         * fails it with reason {@code disk-limit} and publishes nothing. Runtimes enforce it while
         * the program runs (a WASM write past it is refused; a container past it is killed).
         * Default: 10 GiB.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxOutputBytes(long bytes) {
            if (bytes < 1) throw new IllegalArgumentException("maxOutputBytes must be >= 1 (got " + bytes + ")");
            this.maxOutputBytes = bytes;
            return this;
        }

        /**
         * Bytes of stdout and of stderr kept per execution. Default: 1 MiB each.
         *
         * @param bytes at least 0
         * @return this builder
         */
        public Builder logCapBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("logCapBytes must be >= 0 (got " + bytes + ")");
            this.logCapBytes = bytes;
            return this;
        }

        /**
         * The UnixFS import profile for published results and {@link NodeIpfs#add}:
         * {@code unixfs-v0-2015} (default, what {@code ipfs add} gives), {@code kubo-v1-raw} or
         * {@code unixfs-v1-2025}.
         *
         * @param profile the import profile
         * @return this builder
         */
        public Builder importProfile(ImportProfile profile) {
            this.importProfile = Objects.requireNonNull(profile, "profile == null");
            return this;
        }

        /**
         * The same, by name; an unknown name is refused with the known ones.
         *
         * @param name the profile's name
         * @return this builder
         * @throws IllegalArgumentException when no profile has that name
         */
        public Builder importProfile(String name) {
            return importProfile(ImportProfile.named(name));
        }

        /**
         * Fetches IPFS inputs this node lacks from {@code gateway} (a peer's gateway, or any IPFS
         * gateway such as {@code https://ipfs.io}); gateways are tried in the order added, and every
         * block is verified against its CID before it is stored.
         *
         * @param gateway the gateway's base URL
         * @return this builder
         */
        public Builder gateway(URI gateway) {
            gateways.add(Objects.requireNonNull(gateway, "gateway == null"));
            return this;
        }

        /**
         * Serves this node's blocks as an IPFS trustless gateway on {@code address} (port 0: any free port).
         *
         * @param address where to listen
         * @return this builder
         */
        public Builder serveGateway(InetSocketAddress address) {
            this.gatewayListen = Objects.requireNonNull(address, "address == null");
            return this;
        }

        /**
         * Serves the gateway on 127.0.0.1 on a free port; {@link NodeIpfs#gatewayAddress()} tells which.
         *
         * @return this builder
         */
        public Builder serveGateway() {
            return serveGateway(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        }

        /**
         * Re-hashes every block read from the node's own blockstore and treats a mismatch (disk
         * corruption) as a missing block. Off by default, as in Kubo: blocks are verified when
         * they arrive (import, gateway, CAR) and written atomically, and hashing every read
         * halves the speed of reading IPFS inputs.
         *
         * @param verify true to re-hash every block read
         * @return this builder
         */
        public Builder verifyBlockReads(boolean verify) {
            this.verifyBlockReads = verify;
            return this;
        }

        /**
         * Whether IPFS inputs reach containers through a read-only FUSE mount of the node's IPFS
         * data at {@code <node directory>/ipfs} (default true; used only where FUSE is available).
         * Without it, or where FUSE is unavailable, a container's IPFS inputs are copied into its
         * staging directory first; {@link NodeInfo#inputMount()} says which, and why.
         *
         * @param fuse false to copy IPFS inputs for containers instead of mounting them
         * @return this builder
         */
        public Builder fuse(boolean fuse) {
            this.fuse = fuse;
            return this;
        }

        /**
         * Joins the network of nodes whose control plane is the NATS server {@code server}
         * ({@code nats://host:port}). Without {@link #orchestrator(boolean)} or
         * {@link #compute(boolean)} the node is both. A compute node serves its blocks on a
         * gateway (127.0.0.1, a free port, unless {@link #serveGateway} says where) so that others
         * can fetch its results.
         *
         * @param server the NATS server's URL
         * @return this builder
         */
        public Builder nats(URI server) {
            this.nats = Objects.requireNonNull(server, "server == null");
            return this;
        }

        /**
         * Whether this node accepts jobs and schedules them on compute nodes (needs {@link #nats}).
         *
         * @param orchestrator true to schedule jobs
         * @return this builder
         */
        public Builder orchestrator(boolean orchestrator) {
            this.orchestrator = orchestrator;
            return this;
        }

        /**
         * Whether this node runs executions for the orchestrators it trusts (needs {@link #nats}).
         *
         * @param compute true to run executions
         * @return this builder
         */
        public Builder compute(boolean compute) {
            this.compute = compute;
            return this;
        }

        /**
         * Lets the orchestrator {@code nodeId} ({@code n-...}) give this compute node work; bids from
         * others are rejected with the reason. A node that is both roles trusts itself.
         *
         * @param nodeId the orchestrator's node id
         * @return this builder
         * @throws IllegalArgumentException when {@code nodeId} is not a node id
         */
        public Builder trustOrchestrator(String nodeId) {
            Objects.requireNonNull(nodeId, "nodeId == null");
            if (!nodeId.startsWith("n-")) {
                throw new IllegalArgumentException("trustOrchestrator: not a node id (got \"" + nodeId + "\"; ids look like n-...)");
            }
            trustedOrchestrators.add(nodeId);
            return this;
        }

        /**
         * A label of this compute node, matched by job constraints ({@code region=eu}).
         *
         * @param key the label's key
         * @param value its value
         * @return this builder
         */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /**
         * How often a compute node announces itself. Default: 1 second.
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder heartbeat(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("heartbeat must be positive (got " + interval + ")");
            }
            this.heartbeat = interval;
            return this;
        }

        /**
         * Heartbeats an orchestrator lets a compute node miss before it is lost. Default: 3.
         *
         * @param missed at least 1
         * @return this builder
         */
        public Builder missedHeartbeats(int missed) {
            if (missed < 1) throw new IllegalArgumentException("missedHeartbeats must be >= 1 (got " + missed + ")");
            this.missedHeartbeats = missed;
            return this;
        }

        /**
         * DANGEROUS, for tests only: this compute node reports a wrong result CID for every
         * execution, to show verification outvoting a lying node. Never set it on a real node.
         *
         * @param corrupt true to lie about every result
         * @return this builder
         */
        public Builder corruptResultsForTesting(boolean corrupt) {
            this.corruptResultsForTesting = corrupt;
            return this;
        }

        private NodeConfig nodeConfig(Path dir, InetSocketAddress listen) {
            return new NodeConfig(Optional.ofNullable(dir), allowedLocalPaths, runtimes, discoverRuntimes,
                    maxConcurrentExecutions, defaultExecutionTimeout, maxDownloadBytes, logCapBytes, maxOutputBytes,
                    importProfile, gateways, Optional.ofNullable(listen), verifyBlockReads, fuse);
        }

        /**
         * Opens the node: creates its directory, recovers jobs left by an earlier run, starts its threads.
         *
         * @return the open node; the caller closes it
         * @throws IllegalStateException when the options contradict each other (network roles without
         *     {@code nats})
         */
        public Bacalhau build() {
            Path dir = inMemory ? null : (directory != null ? directory : defaultDirectory());
            boolean networked = nats != null;
            if (!networked && (orchestrator != null || compute != null || !trustedOrchestrators.isEmpty()
                    || !labels.isEmpty() || corruptResultsForTesting)) {
                throw new IllegalStateException("orchestrator, compute, trustOrchestrator, label and"
                        + " corruptResultsForTesting need a network: set nats(URI) too");
            }
            boolean asOrchestrator = orchestrator != null ? orchestrator : compute == null || !compute;
            boolean asCompute = compute != null ? compute : orchestrator == null || !orchestrator;
            if (networked && !asOrchestrator && !asCompute) {
                throw new IllegalStateException("a networked node must be an orchestrator, a compute node, or both");
            }
            InetSocketAddress listen = gatewayListen;
            if (networked && asCompute && listen == null) {
                listen = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);
            }
            NodeConfig config = nodeConfig(dir, listen);
            if (!networked) return new Bacalhau(LocalNode.open(config));
            NetworkConfig network = new NetworkConfig(nats, asOrchestrator, asCompute, trustedOrchestrators, labels,
                    heartbeat, missedHeartbeats, corruptResultsForTesting);
            return new Bacalhau(NetworkNode.open(config, network));
        }
    }
}
