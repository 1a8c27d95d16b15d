package dev.bacalhau4j.core.internal;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.Verdict;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.Runtime;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.NodeInfo;
import dev.bacalhau4j.core.internal.publish.ResultPublisher;
import dev.bacalhau4j.core.internal.publish.local.LocalPublisher;
import dev.bacalhau4j.core.internal.ipfs.InputMount;
import dev.bacalhau4j.core.internal.ipfs.IpfsServices;
import dev.bacalhau4j.core.internal.publish.ipfs.IpfsPublisher;
import dev.bacalhau4j.core.internal.staging.Stagers;
import dev.bacalhau4j.core.internal.staging.ipfs.IpfsStager;
import dev.bacalhau4j.core.internal.staging.ipfs.IpfsSources;
import dev.bacalhau4j.core.internal.staging.inline.InlineStager;
import dev.bacalhau4j.core.internal.staging.local.LocalStager;
import dev.bacalhau4j.core.internal.staging.url.UrlDownloadStager;
import dev.bacalhau4j.core.internal.store.JobStore;
import dev.bacalhau4j.core.internal.store.SqliteJobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded node: orchestrator and compute in one JVM. Jobs wait in a queue (higher priority
 * first, then FIFO) for one of
 * {@code maxConcurrentExecutions} worker threads; every transition goes to the job store before
 * the node acts on it. Owns its threads, store, runtimes found by ServiceLoader, its IPFS side
 * with the FUSE mount of its inputs ({@code <node dir>/ipfs}), and (in memory mode) its
 * temporary directory.
 */
public final class LocalNode implements NodeApi {
    private static final Logger log = LoggerFactory.getLogger(LocalNode.class);

    private final NodeConfig config;
    private final String nodeId;
    private final dev.bacalhau4j.core.internal.network.NodeKeys keys;
    private final Optional<Path> directory;
    private final Path dataRoot;
    private final JobStore store;
    private final Map<String, Runtime> runtimes;
    private final List<Runtime> ownedRuntimes;
    private final Stagers stagers;
    private final LocalStager localStager;
    private final Map<String, ResultPublisher> publishers;
    private final IpfsServices ipfs;
    private final InputMount inputMount;
    private final ExecutionRunner executionRunner;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timers;
    private final Map<String, JobRun> active = new ConcurrentHashMap<>();
    private final AtomicLong arrivals = new AtomicLong();
    private volatile boolean closed;

    private LocalNode(NodeConfig config, Path dataRoot, dev.bacalhau4j.core.internal.network.NodeKeys keys, JobStore store,
            Map<String, Runtime> runtimes, List<Runtime> ownedRuntimes, IpfsServices ipfs, InputMount inputMount)
            throws IOException {
        this.config = config;
        this.directory = config.directory();
        this.dataRoot = dataRoot;
        this.keys = keys;
        this.nodeId = keys.nodeId();
        this.store = store;
        this.runtimes = runtimes;
        this.ownedRuntimes = ownedRuntimes;
        this.ipfs = ipfs;
        this.inputMount = inputMount;
        this.localStager = new LocalStager(config.allowedLocalPaths());
        this.stagers = new Stagers(List.of(new InlineStager(), localStager,
                new UrlDownloadStager(config.maxDownloadBytes(), Duration.ofMinutes(30)), new IpfsStager(ipfs)));
        this.publishers = Map.of(PublisherSpec.LOCAL, new LocalPublisher(dataRoot.resolve("results")),
                PublisherSpec.IPFS, new IpfsPublisher(ipfs));
        Path work = dataRoot.resolve("work");
        FileTrees.delete(work); // scratch left by a crashed run holds nothing anyone can use
        Files.createDirectories(work);
        this.executionRunner = new ExecutionRunner(this, stagers, work, inputMount);
        AtomicInteger workerCount = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.maxConcurrentExecutions(), config.maxConcurrentExecutions(),
                0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "bacalhau4j-worker-" + workerCount.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bacalhau4j-timers");
            t.setDaemon(true);
            return t;
        });
        timerPool.setRemoveOnCancelPolicy(true);
        this.timers = timerPool;
    }

    /** Opens a node: its directory and store, its runtimes, and recovers jobs of an earlier run. */
    public static LocalNode open(NodeConfig config) {
        return open(config, true);
    }

    /**
     * Opens a node; {@code recoverJobs} false leaves unfinished jobs in the store as they are, for
     * an orchestrator that recovers them itself.
     */
    public static LocalNode open(NodeConfig config, boolean recoverJobs) {
        Path dataRoot;
        JobStore store;
        dev.bacalhau4j.core.internal.network.NodeKeys keys;
        try {
            if (config.directory().isPresent()) {
                dataRoot = Files.createDirectories(config.directory().get());
                keys = NodeIdentity.loadOrCreate(dataRoot);
                store = SqliteJobStore.open(dataRoot.resolve("jobs.db"), Clock.systemUTC());
            } else {
                dataRoot = Files.createTempDirectory("bacalhau4j-node-");
                keys = dev.bacalhau4j.core.internal.network.NodeKeys.generate();
                store = SqliteJobStore.inMemory(Clock.systemUTC());
            }
        } catch (IOException e) {
            throw new BacalhauException("cannot open the node directory " + config.directory().orElse(null)
                    + ": " + e.getMessage(), e);
        }
        List<Runtime> owned = new ArrayList<>();
        Map<String, Runtime> runtimes = new TreeMap<>();
        if (config.discoverRuntimes()) {
            for (Runtime r : java.util.ServiceLoader.load(Runtime.class, LocalNode.class.getClassLoader())) {
                owned.add(r);
                runtimes.put(r.engineType(), r);
            }
        }
        for (Runtime r : config.runtimes()) {
            runtimes.put(r.engineType(), r);
        }
        String nodeId = keys.nodeId();
        runtimes.values().forEach(r -> r.open(nodeId));
        IpfsServices ipfs;
        try {
            ipfs = IpfsServices.open(config.directory().map(d -> dataRoot.resolve("blocks")), config.importProfile(),
                    config.gateways(), config.gatewayListen(), config.verifyBlockReads());
        } catch (IOException e) {
            store.close();
            owned.forEach(Runtime::close);
            throw new BacalhauException("cannot open the blockstore under " + dataRoot + ": " + e.getMessage(), e);
        }
        InputMount inputMount = InputMount.open(ipfs.fileSystem(), dataRoot.resolve("ipfs"), config.fuse());
        try {
            LocalNode node = new LocalNode(config, dataRoot, keys, store, runtimes, owned, ipfs, inputMount);
            if (recoverJobs) node.recover();
            log.info("node {} open on {} with engines {}; inputs: {}", nodeId,
                    config.directory().map(Path::toString).orElse("memory"), runtimes.keySet(),
                    inputMount.description());
            return node;
        } catch (IOException | RuntimeException e) {
            inputMount.close();
            store.close();
            ipfs.close();
            owned.forEach(Runtime::close);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    // ---- submission and state changes ----

    @Override
    public JobHandle submit(Job job) {
        ensureOpen();
        JobSpecs.validate(job);
        IpfsSources.validate(job);
        String id = Ids.newJobId();
        JobRun run = new JobRun(id, job, JobState.PENDING, this);
        active.put(id, run);
        JobEvent created;
        try {
            created = store.createJob(id, job, "submitted to node " + nodeId);
        } catch (RuntimeException e) {
            // the store rolled back: the job exists nowhere, so the caller keeps it and may submit again
            active.remove(id);
            throw new BacalhauException("the job was not submitted to node " + nodeId + ": " + e.getMessage(), e);
        }
        emit(run, created);
        String refusal = refusal(job);
        if (!refusal.isEmpty()) {
            transition(run, JobState.FAILED, refusal);
            return run;
        }
        enqueue(run);
        return run;
    }

    /** Why this node cannot run {@code job} at all, empty when it can. */
    private String refusal(Job job) {
        String refusal = executionRefusal(job);
        if (!refusal.isEmpty()) return refusal;
        int verifyCount = job.task().verification().count();
        if (verifyCount > 1) {
            return "Verification.Count " + verifyCount + " needs " + verifyCount
                    + " distinct compute nodes; this embedded node is one";
        }
        return "";
    }

    /** Why this node cannot run one execution of {@code job}, empty when it can. */
    public String executionRefusal(Job job) {
        String engine = job.task().engine().type();
        Runtime runtime = runtimes.get(engine);
        if (runtime == null) {
            return "no runtime for engine '" + engine + "' on node " + nodeId + " (available: "
                    + String.join(", ", runtimes.keySet()) + ")";
        }
        if (!runtime.availability().isAvailable()) {
            return "engine '" + engine + "' is unavailable on node " + nodeId + ": " + runtime.availability().reason();
        }
        String policy = runtime.refusal(job.task());
        if (!policy.isEmpty()) {
            return "node " + nodeId + " refuses this task: " + policy;
        }
        String local = localStager.refusal(job);
        if (!local.isEmpty()) {
            // here, not at staging: nothing is queued or staged for an input this node never serves
            return "node " + nodeId + " refuses this task: " + local;
        }
        if (!publishers.containsKey(job.task().publisher().type())) {
            return "publisher '" + job.task().publisher().type() + "' is not available on node " + nodeId
                    + " (available: " + String.join(", ", new TreeMap<>(publishers).keySet()) + ")";
        }
        return "";
    }

    private void enqueue(JobRun run) {
        if (!transition(run, JobState.QUEUED, "waiting for a free execution slot")) return;
        Duration queueTimeout = run.job.task().timeouts().queueTimeout();
        Duration totalTimeout = run.job.task().timeouts().totalTimeout();
        synchronized (run) {
            if (!queueTimeout.isZero()) {
                run.queueTimer = timers.schedule(() -> expireQueued(run, queueTimeout),
                        queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!totalTimeout.isZero()) {
                run.totalTimer = timers.schedule(() -> stop(run, JobState.FAILED,
                        "the job ran past its total timeout of " + totalTimeout.toSeconds() + "s"),
                        totalTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        workers.execute(new QueuedJob(run.job.priority(), arrivals.incrementAndGet(), () -> runJob(run)));
    }

    private void expireQueued(JobRun run, Duration queueTimeout) {
        synchronized (run) {
            if (run.state != JobState.QUEUED) return;
            transition(run, JobState.FAILED, FailureKind.QUEUE_TIMEOUT.reason() + ": waited in the queue past its"
                    + " queue timeout of " + queueTimeout.toSeconds() + "s (all " + config.maxConcurrentExecutions()
                    + " execution slots busy)");
        }
    }

    private void runJob(JobRun run) {
        Runtime runtime = runtimes.get(run.job.task().engine().type());
        synchronized (run) {
            if (run.state != JobState.QUEUED || closed) return;
            if (run.queueTimer != null) run.queueTimer.cancel(false);
            if (!transition(run, JobState.RUNNING, "running on node " + nodeId)) return;
            run.worker = Thread.currentThread();
        }
        try {
            ResultPublisher publisher = publishers.get(run.job.task().publisher().type());
            ExecutionResult last = null;
            for (int i = 0; i < run.job.count(); i++) {
                synchronized (run) {
                    if (run.cancelledTo != null) break;
                }
                last = executionRunner.execute(run.id, run.job, Ids.newExecutionId(), runtime, publisher,
                        callbacks(run));
                if (last.state() != ExecutionState.COMPLETED) break;
            }
            finishJob(run, last);
        } catch (BacalhauException e) {
            // the job store could not record an execution's step: say what the store said
            transition(run, JobState.FAILED, "failed on node " + nodeId + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            log.error("job {}: internal error", run.id, e);
            transition(run, JobState.FAILED, "internal error on node " + nodeId + ": " + e);
        } finally {
            synchronized (run) {
                run.worker = null;
            }
            Thread.interrupted(); // a late cancel must not leak into the next job on this thread
        }
    }

    private void finishJob(JobRun run, ExecutionResult last) {
        synchronized (run) {
            if (run.cancelledTo != null) {
                transition(run, run.cancelledTo, run.cancelReason);
            } else if (last == null) {
                transition(run, JobState.FAILED, "no execution ran");
            } else if (last.state() == ExecutionState.COMPLETED) {
                transition(run, JobState.COMPLETED, "completed with exit code " + last.exitCode());
            } else {
                transition(run, JobState.FAILED, last.failureReason() + ": " + last.failureMessage());
            }
        }
    }

    /** Where an execution of a local job reports: the job store, then the job's listeners. */
    private ExecutionCallbacks callbacks(JobRun run) {
        return new ExecutionCallbacks() {
            @Override
            public void created(String executionId) {
                emit(run, store.createExecution(run.id, executionId, nodeId, "created on node " + nodeId));
                emit(run, store.transitionExecution(run.id, executionId, ExecutionState.BID_ACCEPTED,
                        "accepted by node " + nodeId));
            }

            @Override
            public void transition(String executionId, ExecutionState state, String message) {
                emit(run, store.transitionExecution(run.id, executionId, state, message));
            }

            @Override
            public void finished(ExecutionResult result, String message) {
                store.saveExecutionResult(run.id, result);
                emit(run, store.transitionExecution(run.id, result.executionId(), result.state(), message));
            }

            @Override
            public dev.bacalhau4j.api.runtime.ExecutionListener output(String executionId) {
                return run.logs.forExecution(executionId);
            }

            @Override
            public boolean cancelled() {
                synchronized (run) {
                    return run.cancelledTo != null;
                }
            }

            @Override
            public String cancelReason() {
                return LocalNode.this.cancelReason(run);
            }
        };
    }

    // ---- executions for peers (the compute role over NATS) ----

    /**
     * Runs one execution of {@code job} for an orchestrator on this node's worker pool (higher
     * {@code priority} first), reporting to {@code cb}; {@code onWorker} is told the worker thread
     * first (so a cancel can interrupt it). Refused executions end {@code Failed} through {@code cb}.
     */
    public void executeForPeer(String jobId, Job job, String executionId, ExecutionCallbacks cb,
            java.util.function.Consumer<Thread> onWorker, Runnable afterwards) {
        ensureOpen();
        workers.execute(new QueuedJob(job.priority(), arrivals.incrementAndGet(), () -> {
            onWorker.accept(Thread.currentThread());
            try {
                Runtime runtime = runtimes.get(job.task().engine().type());
                ResultPublisher publisher = publishers.get(job.task().publisher().type());
                executionRunner.execute(jobId, job, executionId, runtime, publisher, cb);
            } catch (RuntimeException | Error e) {
                log.error("job {} execution {}: internal error", jobId, executionId, e);
            } finally {
                Thread.interrupted();
                afterwards.run();
            }
        }));
    }

    /** This node's Ed25519 identity. */
    public dev.bacalhau4j.core.internal.network.NodeKeys keys() {
        return keys;
    }

    /** Engine types usable now. */
    public List<String> usableEngines() {
        List<String> usable = new ArrayList<>();
        runtimes.forEach((type, r) -> {
            if (r.availability().isAvailable()) usable.add(type);
        });
        return usable;
    }

    /** Stops {@code run}, ending it in {@code to}; true when this call stopped it. */
    boolean stop(JobRun run, JobState to, String reason) {
        synchronized (run) {
            if (run.state.isTerminal() || run.cancelledTo != null) return false;
            if (run.state == JobState.RUNNING) {
                run.cancelledTo = to;
                run.cancelReason = reason;
                if (run.worker != null) run.worker.interrupt();
                return true;
            }
            return transition(run, to, reason);
        }
    }

    String cancelReason(JobRun run) {
        synchronized (run) {
            return run.cancelReason.isEmpty() ? "the node is closing" : run.cancelReason;
        }
    }

    /**
     * Persists and announces a job transition; false when the job had already ended, or when the
     * store could not record it (the job then ends failed, see {@link #storeFailed}).
     */
    private boolean transition(JobRun run, JobState to, String message) {
        synchronized (run) {
            if (run.state.isTerminal()) return false;
            JobEvent event;
            try {
                event = store.transitionJob(run.id, to, message);
            } catch (BacalhauException e) {
                storeFailed(run, to, e);
                return false;
            }
            run.state = to;
            emit(run, event);
            if (to.isTerminal()) complete(run, resultOf(run.id, to, message));
            return true;
        }
    }

    /**
     * The store refused to record {@code run} moving to {@code to} (a full disk, say). The job must
     * not hang in a state nobody drives: it ends failed, recorded if the store still takes that,
     * else in memory only, with the store's error for whoever awaits it (the store then still shows
     * it unfinished, and the next open marks it failed).
     */
    private void storeFailed(JobRun run, JobState to, BacalhauException e) {
        String reason = "the job store could not record the job as " + to + ": " + e.getMessage();
        if (to != JobState.FAILED) {
            try {
                JobEvent failed = store.transitionJob(run.id, JobState.FAILED, reason);
                run.state = JobState.FAILED;
                emit(run, failed);
                complete(run, resultOf(run.id, JobState.FAILED, reason));
                return;
            } catch (BacalhauException again) {
                e.addSuppressed(again);
            }
        }
        log.warn("job {}: {}", run.id, reason);
        run.state = JobState.FAILED;
        if (run.worker != null && run.cancelledTo == null) {
            run.cancelledTo = JobState.FAILED;
            run.cancelReason = reason;
            run.worker.interrupt();
        }
        ended(run).completeExceptionally(new BacalhauException("job " + run.id + " on node " + nodeId
                + " failed and " + reason, e));
        run.logs.end();
    }

    /** Ends {@code run} with {@code result}: its awaiters get it, and its logs are the result's from now on. */
    private void complete(JobRun run, JobResult result) {
        ended(run).complete(result);
        run.logs.end();
    }

    /** Stops {@code run}'s timers and forgets it as active; returns its future to complete. */
    private java.util.concurrent.CompletableFuture<JobResult> ended(JobRun run) {
        if (run.queueTimer != null) run.queueTimer.cancel(false);
        if (run.totalTimer != null) run.totalTimer.cancel(false);
        active.remove(run.id);
        return run.done;
    }

    void executionEvent(JobRun run, JobEvent event) {
        emit(run, event);
    }

    private void emit(JobRun run, JobEvent event) {
        log.debug("job {} {}: {} {}", run.id, event.executionId(), event.state(), event.message());
        for (var listener : run.listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("job {}: event listener failed", run.id, e);
            }
        }
    }

    // ---- recovery ----

    /**
     * Resumes what an earlier run left unfinished: queued jobs queue again; a running job is never
     * run again (its program may have had effects). Its end was not recorded because the node
     * stopped, or because the store refused the write (a full disk) after it took the job's
     * Running: when the store holds every execution the job needed as Completed, the job completed
     * and only its end is missing, so it is recorded Completed; otherwise it ends failed. A job the
     * store still refuses to update is left for the next open, so a full disk does not stop the
     * node from opening.
     */
    private void recover() {
        for (String id : store.unfinishedJobs()) {
            JobInfo info = store.job(id).orElseThrow();
            JobRun run = new JobRun(id, info.job(), info.state(), this);
            if (info.state() == JobState.PENDING || info.state() == JobState.QUEUED) {
                active.put(id, run);
                run.state = JobState.PENDING; // re-enter the queue through the normal path
                log.info("job {}: queued before the node stopped; queueing it again", id);
                enqueue(run);
                continue;
            }
            try {
                endRecovered(id, info.job());
            } catch (BacalhauException e) {
                log.warn("job {}: was running when the node stopped; its end cannot be recorded yet ({}); it stays"
                        + " unfinished until the node opens again", id, e.getMessage());
            }
        }
    }

    private void endRecovered(String id, Job job) {
        List<ExecutionResult> executions = store.executions(id);
        long completed = executions.stream().filter(e -> e.state() == ExecutionState.COMPLETED).count();
        if (!executions.isEmpty() && completed == executions.size() && completed >= job.count()) {
            ExecutionResult last = executions.get(executions.size() - 1);
            store.transitionJob(id, JobState.COMPLETED, "completed with exit code " + last.exitCode()
                    + " (recorded when the node reopened: its end was not written before)");
            log.info("job {}: its executions had completed before the node stopped; marked completed", id);
            return;
        }
        for (ExecutionResult e : executions) {
            if (!e.state().isTerminal()) {
                store.saveExecutionResult(id, new ExecutionResult(e.executionId(), e.nodeId(),
                        ExecutionState.FAILED, -1, e.stdoutBytes(), e.stdoutTruncated(), e.stderrBytes(),
                        e.stderrTruncated(), FailureKind.NODE_RESTART.reason(),
                        "the node stopped while this execution ran", e.engineDetail(), Optional.empty(), e.startedAt(),
                        e.finishedAt()));
                store.transitionExecution(id, e.executionId(), ExecutionState.FAILED,
                        FailureKind.NODE_RESTART.reason() + ": the node stopped while this execution ran");
            }
        }
        store.transitionJob(id, JobState.FAILED, FailureKind.NODE_RESTART.reason() + ": the node stopped, or its"
                + " job store refused to record the job's end, while the job was running; submit it again");
        log.info("job {}: was running when the node stopped; marked failed", id);
    }

    // ---- queries ----

    @Override
    public Optional<JobHandle> handle(String jobId) {
        JobRun run = active.get(jobId);
        if (run != null) return Optional.of(run);
        return store.job(jobId).map(info -> {
            JobRun ended = new JobRun(jobId, info.job(), info.state(), this);
            ended.done.complete(resultOf(jobId, info.state(), info.message()));
            return ended;
        });
    }

    @Override
    public List<JobInfo> list() {
        return store.jobs();
    }

    @Override
    public Optional<JobInfo> describe(String jobId) {
        return store.job(jobId);
    }

    @Override
    public List<JobEvent> history(String jobId) {
        return store.events(jobId);
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return store.job(jobId).map(info -> resultOf(jobId, info.state(), info.message()));
    }

    private JobResult resultOf(String jobId, JobState state, String message) {
        Verdict verdict = store.job(jobId).map(info -> verdictOf(info.job())).orElse(Verdict.unverified("not verified"));
        return new JobResult(jobId, state, message, store.executions(jobId), verdict);
    }

    /** One embedded node verifies nothing: it refuses jobs that ask for more than one execution. */
    private static Verdict verdictOf(Job job) {
        if (job.task().engine() instanceof DockerEngine) {
            return Verdict.unverified("containers are not deterministic, so their results are not verified");
        }
        return Verdict.unverified("ran once on one node; a network of nodes can verify a WASM or function job "
                + "by running it on several and comparing result CIDs");
    }

    @Override
    public List<dev.bacalhau4j.core.ComputeNodeInfo> computeNodes() {
        return List.of(); // no orchestrator: it runs its own jobs
    }

    @Override
    public NodeInfo info() {
        Map<String, String> engines = new TreeMap<>();
        runtimes.forEach((type, r) -> engines.put(type, r.availability().reason()));
        return new NodeInfo(nodeId, directory, engines, stagers.types(), config.maxConcurrentExecutions(),
                ipfs.profile().name(), ipfs.gatewayAddress(), ipfs.gateways(), inputMount.description());
    }

    // ---- for the execution runner ----

    public JobStore store() {
        return store;
    }

    /** The node's IPFS side, for the public facade. */
    @Override
    public IpfsServices ipfs() {
        return ipfs;
    }

    /** This node's own results are in its blockstore: no gateway needed. */
    @Override
    public List<java.net.URI> gatewaysFor(String jobId) {
        return List.of();
    }

    public String nodeId() {
        return nodeId;
    }

    public NodeConfig config() {
        return config;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("node " + nodeId + " is closed");
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        timers.shutdownNow();
        for (JobRun run : active.values()) {
            synchronized (run) {
                if (run.state == JobState.RUNNING) {
                    stop(run, JobState.STOPPED, "the node closed while the job ran");
                } else if (!run.state.isTerminal()) {
                    run.done.completeExceptionally(new BacalhauException("node " + nodeId + " closed while job "
                            + run.id + " was queued" + directory.map(d -> "; it runs when the node reopens on " + d)
                                    .orElse("")));
                }
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("node {}: executions still running 60s after close; abandoning them", nodeId);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ownedRuntimes.forEach(Runtime::close);
        inputMount.close(); // no execution reads it any more; the file system it serves closes next
        ipfs.close();
        store.close();
        if (directory.isEmpty()) {
            FileTrees.deleteQuietly(dataRoot);
        }
        log.info("node {} closed", nodeId);
    }
}
