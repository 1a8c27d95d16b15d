package dev.bacalhau4j.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.runtime.Availability;
import dev.bacalhau4j.api.runtime.CapturedOutput;
import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Runtime;
import dev.bacalhau4j.runtime.container.internal.ContainerExecution;
import dev.bacalhau4j.runtime.container.internal.ContainerSpec;
import dev.bacalhau4j.runtime.container.internal.EngineConnection;
import dev.bacalhau4j.runtime.container.internal.ExecutionFailure;
import dev.bacalhau4j.runtime.container.internal.ImageReference;
import dev.bacalhau4j.runtime.container.internal.Images;
import dev.bacalhau4j.runtime.container.internal.Labels;
import dev.bacalhau4j.runtime.container.internal.Messages;
import dev.bacalhau4j.runtime.container.internal.TaskPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code docker} runtime: runs a job's Docker image as one container on this machine's
 * Docker engine, through docker-java.
 *
 * <p>The engine is the one {@link Builder#dockerHost} names, else {@code DOCKER_HOST}, else
 * {@code unix:///var/run/docker.sock}; when none answers, {@link #availability()} says why and
 * the node does not offer the engine. Images are pulled according to the {@link PullPolicy};
 * the container runs the image id that was resolved, and the outcome's
 * {@link ExecutionOutcome#engineDetail()} records its digest. Each container is sandboxed: no
 * network unless the node allows it, {@code no-new-privileges}, Docker's default capabilities less
 * {@code MKNOD}, {@code SETFCAP}, {@code FSETID}, {@code SETPCAP}, {@code SYS_CHROOT},
 * {@code AUDIT_WRITE} and {@code NET_RAW}, a pids limit (default 1024) and a memory limit (the
 * task's, else 1 GiB by default) without swap (see the builder); it is bound only to the
 * execution's inputs (read-only) and result paths (read-write), labelled {@code bacalhau4j.node=<node id>} and
 * {@code bacalhau4j.execution=<execution id>}, and removed when its execution ends, whatever
 * the end (exit, failure, timeout, cancellation, {@link #close()}). {@link #open(String)}
 * removes containers an earlier run of the same node left behind.
 *
 * <p>Threads and resources: {@link #execute} runs on the caller's thread; docker-java starts
 * one daemon thread per streaming call (attach, wait, pull) that ends with the call. The
 * runtime owns its engine connections and the containers it is running; {@link #close()}
 * removes those containers and closes the connections. Thread-safe: one instance serves
 * concurrent executions, for one node.
 */
public final class DockerRuntime implements Runtime {

    private static final Logger LOG = LoggerFactory.getLogger(DockerRuntime.class);

    private final Optional<String> requestedHost;
    private final EngineConnection connection;
    private final String connectionError;
    private final PullPolicy pullPolicy;
    private final Images images;
    private final TaskPolicy policy;
    private final ContainerSpec.Settings containerSettings;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile String nodeId;
    private volatile boolean closed;

    /** A runtime with the defaults of {@link #builder()}; used by {@link java.util.ServiceLoader}. */
    public DockerRuntime() {
        this(builder());
    }

    private DockerRuntime(Builder b) {
        this.requestedHost = b.dockerHost;
        EngineConnection c = null;
        String error = "";
        try {
            c = EngineConnection.open(b.dockerHost, b.probeTimeout);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        this.connection = c;
        this.connectionError = error;
        this.pullPolicy = b.pullPolicy;
        this.images = c == null ? null : new Images(c.client(), b.pullTimeout);
        this.policy = new TaskPolicy(b.allowedNetworks);
        this.containerSettings = new ContainerSpec.Settings(b.pidsLimit, b.defaultMemoryBytes, b.init);
        this.nodeId = b.nodeId;
    }

    /**
     * Options: engine host, pull policy, pids limit, default memory, allowed networks, node id.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String engineType() {
        return DockerEngine.TYPE;
    }

    /**
     * The engine address this runtime talks to, such as {@code unix:///var/run/docker.sock}.
     *
     * @return the engine's address
     */
    public String dockerHost() {
        return connection != null ? connection.host() : requestedHost.orElse("(unknown)");
    }

    /**
     * The node id containers are labelled with.
     *
     * @return the node id
     */
    public String nodeId() {
        return nodeId;
    }

    /**
     * The pull policy of this runtime.
     *
     * @return the pull policy
     */
    public PullPolicy pullPolicy() {
        return pullPolicy;
    }

    /** Pings the engine (with a short timeout); unavailable with the engine's address and the cause when it does not answer. */
    @Override
    public Availability availability() {
        if (closed) return Availability.unavailable("the docker runtime is closed");
        if (connection == null) return Availability.unavailable(connectionError);
        try {
            connection.probe().pingCmd().exec();
            return Availability.ok();
        } catch (RuntimeException e) {
            return Availability.unavailable("no Docker engine at " + connection.host() + ": " + Messages.of(e));
        }
    }

    /** Labels containers with {@code nodeId} from now on and removes that node's leftovers (see {@link #cleanupLeftovers()}). */
    @Override
    public void open(String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId == null");
        this.nodeId = nodeId;
        if (availability().isAvailable()) {
            int removed = cleanupLeftovers();
            if (removed > 0) LOG.info("node {}: removed {} container(s) left by an earlier run", nodeId, removed);
        }
    }

    @Override
    public String refusal(Task task) {
        try {
            policy.check(task);
            return "";
        } catch (ExecutionFailure f) {
            return f.getMessage();
        }
    }

    /**
     * Removes every container labelled with this runtime's node id that this runtime is not
     * running now (a crashed run of the same node left them), and returns how many.
     *
     * @return how many containers were removed
     * @throws IllegalStateException when the engine cannot be reached, with its cause
     */
    public int cleanupLeftovers() {
        DockerClient client = client();
        String owner = nodeId;
        try {
            List<Container> leftovers = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(Labels.NODE, owner)).exec();
            int removed = 0;
            for (Container c : leftovers) {
                boolean ours = c.getNames() != null && List.of(c.getNames()).stream()
                        .anyMatch(n -> running.contains(n.startsWith("/") ? n.substring(1) : n));
                if (ours) continue;
                ContainerExecution.removeQuietly(client, c.getId());
                removed++;
            }
            return removed;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot remove leftover containers of node " + owner + " on the Docker engine at "
                    + dockerHost() + ": " + Messages.of(e), e);
        }
    }

    @Override
    public ExecutionOutcome execute(ExecutionContext context) throws InterruptedException {
        Objects.requireNonNull(context, "context == null");
        if (closed) throw new IllegalStateException("the docker runtime is closed");
        CapturedOutput stdout = new CapturedOutput(context.limits().stdoutCapBytes(), context.listener()::onStdout);
        CapturedOutput stderr = new CapturedOutput(context.limits().stderrCapBytes(), context.listener()::onStderr);
        List<com.github.dockerjava.api.model.Mount> mounts;
        DockerEngine engine;
        Images.Resolved image;
        try {
            engine = policy.check(context.task());
            if (context.stdin().isPresent()) throw new ExecutionFailure(FailureKind.INVALID_PROGRAM, TaskPolicy.NO_STDIN);
            mounts = ContainerSpec.mounts(context);
            if (connection == null) throw new ExecutionFailure(FailureKind.ENGINE, connectionError);
            image = images.resolve(ImageReference.parse(engine.image()), pullPolicy);
        } catch (ExecutionFailure f) {
            return ExecutionOutcome.failed(f.kind(), f.getMessage(), stdout, stderr, "");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.interrupted()) throw new InterruptedException("cancelled while resolving image " + context.task().engine());
            return ExecutionOutcome.failed(FailureKind.ENGINE, "Docker engine at " + dockerHost() + ": " + Messages.of(e));
        }
        String name = Labels.containerName(context.executionId());
        running.add(name);
        LOG.debug("job {} execution {}: running image {} as container {}", context.jobId(), context.executionId(),
                image.digest(), name);
        DockerClient client = connection.client();
        ContainerExecution execution = new ContainerExecution(client, context, stdout, stderr, name, image.digest());
        String owner = nodeId;
        boolean throwingInterrupt = false;
        try {
            ExecutionOutcome outcome = execution.run(() -> ContainerSpec.create(client, containerSettings, context,
                    engine, mounts, image.id(), name, owner), engine);
            if (closed) {
                // close() removed the container under it: what it saw (exit 137) is not the program's doing
                return ExecutionOutcome.failed(FailureKind.CANCELLED, "the docker runtime was closed (node shutdown)",
                        stdout, stderr, image.digest());
            }
            return outcome;
        } catch (ExecutionFailure f) {
            return ExecutionOutcome.failed(f.kind(), f.getMessage(), stdout, stderr, image.digest());
        } catch (InterruptedException e) {
            throwingInterrupt = true;
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // an interrupt closed the engine socket under a call (ClosedByInterruptException)
                throwingInterrupt = true;
                throw new InterruptedException("cancelled while running container " + name);
            }
            if (closed) {
                return ExecutionOutcome.failed(FailureKind.CANCELLED, "the docker runtime was closed (node shutdown)",
                        stdout, stderr, image.digest());
            }
            return ExecutionOutcome.failed(FailureKind.ENGINE, "Docker engine at " + dockerHost() + ", container " + name
                    + ": " + Messages.of(e), stdout, stderr, image.digest());
        } finally {
            // clear a pending interrupt so the removal's socket I/O is not aborted; it is restored after,
            // unless the InterruptedException thrown already carries it
            boolean interrupted = Thread.interrupted();
            try {
                ContainerExecution.removeQuietly(client, name);
            } catch (RuntimeException e) {
                if (!closed) { // when closed, close() removed it
                    LOG.warn("job {} execution {}: could not remove container {}; the node removes it at its next start",
                            context.jobId(), context.executionId(), name, e);
                }
            } finally {
                running.remove(name);
                if (interrupted && !throwingInterrupt) Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes the containers this runtime is running and closes its engine connections. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (connection == null) return;
        for (String name : List.copyOf(running)) {
            try {
                ContainerExecution.removeQuietly(connection.client(), name);
            } catch (RuntimeException e) {
                LOG.warn("could not remove container {} at close; the node removes it at its next start", name, e);
            }
        }
        connection.close();
    }

    private DockerClient client() {
        if (closed) throw new IllegalStateException("the docker runtime is closed");
        if (connection == null) throw new IllegalStateException(connectionError);
        return connection.client();
    }

    /** Options of a {@link DockerRuntime}; checked as they are set. */
    public static final class Builder {
        /** The default of {@link #defaultMemoryBytes(long)}: 1 GiB. */
        public static final long DEFAULT_MEMORY_BYTES = 1L << 30;

        private Optional<String> dockerHost = Optional.empty();
        private PullPolicy pullPolicy = PullPolicy.IF_MISSING;
        private Duration pullTimeout = Duration.ofMinutes(10);
        private Duration probeTimeout = Duration.ofSeconds(3);
        private long pidsLimit = 1024;
        private long defaultMemoryBytes = DEFAULT_MEMORY_BYTES;
        private boolean init = false;
        private Set<NetworkType> allowedNetworks = EnumSet.of(NetworkType.NONE);
        private String nodeId = "local";

        private Builder() {}

        /**
         * The engine's address ({@code unix:///path/docker.sock}, {@code tcp://host:2376}); default: {@code DOCKER_HOST}, else the default socket.
         *
         * @param host the engine's address
         * @return this builder
         */
        public Builder dockerHost(String host) {
            Objects.requireNonNull(host, "host == null");
            this.dockerHost = host.isBlank() ? Optional.empty() : Optional.of(host.strip());
            return this;
        }

        /**
         * When images are pulled (default {@link PullPolicy#IF_MISSING}).
         *
         * @param policy the pull policy
         * @return this builder
         */
        public Builder pullPolicy(PullPolicy policy) {
            this.pullPolicy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /**
         * How long one image pull may take before the execution fails (default 10 min).
         *
         * @param timeout the limit
         * @return this builder
         */
        public Builder pullTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout == null");
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("pullTimeout must be > 0: " + timeout);
            this.pullTimeout = timeout;
            return this;
        }

        /**
         * Connect timeout, and the timeout of {@link #availability()}'s ping (default 3 s).
         *
         * @param timeout the limit
         * @return this builder
         */
        public Builder probeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout == null");
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("probeTimeout must be > 0: " + timeout);
            this.probeTimeout = timeout;
            return this;
        }

        /**
         * Most processes and threads a container may have at once, bounding fork bombs (default 1024; 0: the engine's default).
         *
         * @param limit the most processes, at least 0
         * @return this builder
         */
        public Builder pidsLimit(long limit) {
            if (limit < 0) throw new IllegalArgumentException("pidsLimit < 0: " + limit);
            this.pidsLimit = limit;
            return this;
        }

        /**
         * Memory cap when a task asks for none (default {@link #DEFAULT_MEMORY_BYTES}, 1 GiB; 0: none,
         * the whole host's memory). Swap is never given.
         *
         * @param bytes the cap, at least 0
         * @return this builder
         */
        public Builder defaultMemoryBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("defaultMemoryBytes < 0: " + bytes);
            this.defaultMemoryBytes = bytes;
            return this;
        }

        /**
         * Run the engine's init (tini) as PID 1, to reap zombies and forward signals (default false,
         * as {@code docker run}: with it a missing entrypoint becomes exit code 127 instead of a
         * {@code missing-entrypoint} failure, and engines without {@code docker-init} cannot start containers).
         *
         * @param init true to run an init process as PID 1
         * @return this builder
         */
        public Builder init(boolean init) {
            this.init = init;
            return this;
        }

        /**
         * The network types this node admits for docker jobs (default {@code None} only; {@code None}
         * is always admitted). {@code Full} and {@code Default} join the engine's default bridge.
         * {@code Host} is never admitted (a container never shares the host's namespaces) and
         * {@code HTTP} (Bacalhau's filtering proxy) is not supported.
         *
         * @param types the network types to admit
         * @return this builder
         * @throws IllegalArgumentException for {@code Host} or {@code HTTP}
         */
        public Builder allowedNetworks(Set<NetworkType> types) {
            Objects.requireNonNull(types, "types == null");
            for (NetworkType t : types) {
                if (t == NetworkType.HOST) {
                    throw new IllegalArgumentException("allowedNetworks: Host is never allowed (containers never share"
                            + " the host's namespaces); use Full for a bridged network");
                }
                if (t == NetworkType.HTTP) {
                    throw new IllegalArgumentException("allowedNetworks: HTTP is not supported by the docker runtime"
                            + " (use None, Full or Default)");
                }
            }
            this.allowedNetworks = types.isEmpty() ? EnumSet.noneOf(NetworkType.class) : EnumSet.copyOf(types);
            this.allowedNetworks.add(NetworkType.NONE);
            return this;
        }

        /**
         * The node id containers are labelled with until {@link DockerRuntime#open(String)} gives the node's (default {@code local}).
         *
         * @param nodeId the node id, not blank
         * @return this builder
         */
        public Builder nodeId(String nodeId) {
            Objects.requireNonNull(nodeId, "nodeId == null");
            if (nodeId.isBlank()) throw new IllegalArgumentException("nodeId is blank");
            this.nodeId = nodeId;
            return this;
        }

        /**
         * The runtime with these options; an engine address it cannot use makes it unavailable, with the reason.
         *
         * @return the runtime; its owner closes it
         */
        public DockerRuntime build() {
            return new DockerRuntime(this);
        }
    }
}
