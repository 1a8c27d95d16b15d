package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.api.Verdict;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.internal.Ids;
import dev.bacalhau4j.core.internal.staging.ipfs.IpfsSources;
import dev.bacalhau4j.core.internal.store.JobStore;
import io.nats.client.Dispatcher;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator role over NATS: accepts jobs, places their executions on live compute nodes
 * (filter, rank by data locality then load, ask for a bid, run), follows their progress, verifies
 * results across nodes, reschedules executions of lost nodes, and keeps everything in the job
 * store so a restarted orchestrator resumes its jobs. Every decision runs on one scheduling
 * thread; it owns that thread, a timer thread and its subscriptions, not the store or the bus.
 */
public final class Orchestrator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);
    static final Duration BID_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(5);
    /** A node that rejected a job is not asked again for that job this soon. */
    private static final long REASK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Set<String> REPLACEABLE = Set.of("node-lost", "run-failed");

    private final String id;
    private final JobStore store;
    private final NatsBus bus;
    private final LiveNodes live;
    private final Duration heartbeat;
    private final ExecutorService actor;
    private final ScheduledExecutorService timers;
    private final Map<String, OrchestratedJob> active = new ConcurrentHashMap<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final List<Dispatcher> subscriptions = new ArrayList<>();
    private final List<java.util.function.BiConsumer<String, JobEvent>> eventTaps =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    // confined to the actor thread
    private final TreeSet<OrchestratedJob> needy = new TreeSet<>(Comparator
            .comparingInt((OrchestratedJob j) -> -j.job.priority()).thenComparingLong(j -> j.arrival));
    private final Map<String, Integer> load = new HashMap<>();
    private final Map<String, Set<OrchestratedJob.Exec>> byNode = new HashMap<>();
    private volatile boolean closed;
    private OrchestratorApi api;

    private Orchestrator(String id, JobStore store, NatsBus bus, NetworkConfig config) {
        this.id = id;
        this.store = store;
        this.bus = bus;
        this.live = new LiveNodes(config.missedHeartbeats());
        this.heartbeat = config.heartbeat();
        this.actor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bacalhau4j-orchestrator-" + id);
            t.setDaemon(true);
            return t;
        });
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bacalhau4j-orchestrator-timers");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.timers = pool;
    }

    /** Starts orchestrating: recovers unfinished jobs from {@code store}, subscribes, asks nodes to announce. */
    public static Orchestrator start(String id, JobStore store, NatsBus bus, NetworkConfig config) {
        Orchestrator o = new Orchestrator(id, store, bus, config);
        o.live.onLost(node -> o.onActor(() -> o.nodeLost(node)));
        o.live.onJoined(node -> o.onActor(o::pumpAll));
        o.submitOnActor(o::recover);
        o.subscriptions.add(bus.subscribe(Protocol.NODE_INFO, o::onNodeInfo));
        o.subscriptions.add(bus.subscribe(Protocol.update(id), o::onUpdate));
        o.subscriptions.add(bus.subscribe(Protocol.result(id), o::onResult));
        o.api = new OrchestratorApi(o, bus);
        bus.onDropped(o::onDropped);
        bus.onReconnect(() -> {
            o.live.refreshAll();
            bus.publish(Protocol.NODE_HELLO, Protocol.T_HELLO, new Messages.Hello(id));
        });
        long tick = Math.max(50, config.heartbeat().toMillis() / 2);
        o.timers.scheduleWithFixedDelay(() -> {
            // while this orchestrator is cut off from NATS it hears nobody: that loses no node
            if (bus.connected()) {
                o.live.expire();
            } else {
                o.live.refreshAll();
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
        o.timers.scheduleWithFixedDelay(() -> o.onActor(o::pumpAll), 250, 250, TimeUnit.MILLISECONDS);
        bus.publish(Protocol.NODE_HELLO, Protocol.T_HELLO, new Messages.Hello(id));
        log.info("orchestrator {} on NATS {}", id, config.nats());
        return o;
    }

    public String id() {
        return id;
    }

    public LiveNodes liveNodes() {
        return live;
    }

    /** Calls {@code tap} with every job event (the job id, the event), on the scheduling thread. */
    public void tapEvents(java.util.function.BiConsumer<String, JobEvent> tap) {
        eventTaps.add(tap);
    }

    // ---- the public face: submit, query, cancel ----

    public JobHandle submit(Job job) {
        return submit(job, "");
    }

    /** Submits {@code job} on behalf of {@code submitter} (named in its first event; empty for this process). */
    public JobHandle submit(Job job, String submitter) {
        if (closed) throw new IllegalStateException("orchestrator " + id + " is closed");
        JobSpecs.validate(job);
        IpfsSources.validate(job);
        String jobId = Ids.newJobId();
        OrchestratedJob j = new OrchestratedJob(jobId, job, JobState.PENDING, arrivals.incrementAndGet(), this);
        active.put(jobId, j);
        emit(j, store.createJob(jobId, job, "submitted to orchestrator " + id
                + (submitter.isEmpty() ? "" : " by " + submitter)));
        onActor(() -> {
            transition(j, JobState.QUEUED, "waiting for a compute node");
            armTimers(j, true);
            needy.add(j);
            pumpAll();
        });
        return j;
    }

    public Optional<JobHandle> handle(String jobId) {
        OrchestratedJob j = active.get(jobId);
        if (j != null) return Optional.of(j);
        return store.job(jobId).map(info -> {
            OrchestratedJob ended = new OrchestratedJob(jobId, info.job(), info.state(), 0, this);
            if (info.state().isTerminal()) ended.done.complete(resultOf(info));
            return ended;
        });
    }

    public List<JobInfo> list() {
        return store.jobs();
    }

    public Optional<JobInfo> describe(String jobId) {
        return store.job(jobId);
    }

    public List<JobEvent> history(String jobId) {
        return store.events(jobId);
    }

    public Optional<JobResult> result(String jobId) {
        return store.job(jobId).map(this::resultOf);
    }

    private JobResult resultOf(JobInfo info) {
        List<ExecutionResult> executions = store.executions(info.id());
        Verdict verdict = Verifier.verifies(info.job()) && !info.state().isTerminal()
                ? Verdict.unverified("verification pending: " + executions.stream()
                        .filter(e -> e.state() == ExecutionState.COMPLETED).count() + " of "
                        + Verifier.target(info.job()) + " executions completed")
                : Verifier.decide(info.job(), executions);
        return new JobResult(info.id(), info.state(), info.message(), executions, verdict);
    }

    boolean cancel(OrchestratedJob j) {
        return callOnActor(() -> {
            if (j.state.isTerminal()) return false;
            finish(j, JobState.STOPPED, "stopped by the user");
            return true;
        });
    }

    /** The live compute nodes, by id. */
    public List<dev.bacalhau4j.core.ComputeNodeInfo> computeNodes() {
        return live.all().stream().sorted(java.util.Comparator.comparing(LiveNodes.Peer::nodeId))
                .map(LiveNodes.Peer::toApi).toList();
    }

    /** Gateways of the live nodes that ran {@code jobId} (first), then of the other live nodes. */
    public List<URI> gatewaysFor(String jobId) {
        Set<URI> out = new LinkedHashSet<>();
        for (ExecutionResult e : store.executions(jobId)) {
            live.get(e.nodeId()).map(p -> p.info().gateway()).filter(g -> !g.isEmpty())
                    .ifPresent(g -> out.add(URI.create(g)));
        }
        for (LiveNodes.Peer p : live.all()) {
            if (!p.info().gateway().isEmpty()) out.add(URI.create(p.info().gateway()));
        }
        return List.copyOf(out);
    }

    // ---- placement ----

    /** Offers spare capacity to the needy jobs in queue order (priority, then arrival). */
    private void pumpAll() {
        if (closed || needy.isEmpty()) return;
        // walked in place, not copied: place() may remove j, and higher() needs only its sort key
        for (OrchestratedJob j = needy.first(); j != null; j = needy.higher(j)) {
            if (!hasSpareCapacity()) return;
            place(j);
        }
    }

    private boolean hasSpareCapacity() {
        for (LiveNodes.Peer p : live.all()) {
            if (load.getOrDefault(p.nodeId(), 0) < p.info().capacity()) return true;
        }
        return false;
    }

    private void place(OrchestratedJob j) {
        if (j.state.isTerminal()) {
            needy.remove(j);
            return;
        }
        int needed = j.needed();
        if (needed <= 0) {
            if (j.asking.isEmpty()) needy.remove(j);
            return;
        }
        long now = System.nanoTime();
        List<LiveNodes.Peer> candidates = new ArrayList<>();
        for (LiveNodes.Peer p : live.all()) {
            String node = p.nodeId();
            if (j.usedNode(node) || j.asking.contains(node)) continue;
            String mismatch = Placement.mismatch(j.job, node, p.info());
            if (!mismatch.isEmpty()) {
                j.rejections.put(node, mismatch);
                continue;
            }
            Long rejected = j.rejectedAt.get(node);
            if (rejected != null && now - rejected < REASK_NANOS) continue;
            if (load.getOrDefault(node, 0) >= p.info().capacity()) continue;
            candidates.add(p);
        }
        candidates.sort(Comparator
                .comparingInt((LiveNodes.Peer p) -> -Placement.locality(j.inputRoots, p.info()))
                .thenComparingInt(p -> load.getOrDefault(p.nodeId(), 0))
                .thenComparing(LiveNodes.Peer::nodeId));
        for (int i = 0; i < Math.min(needed, candidates.size()); i++) {
            ask(j, candidates.get(i));
        }
    }

    private void ask(OrchestratedJob j, LiveNodes.Peer peer) {
        String node = peer.nodeId();
        String executionId = Ids.newExecutionId();
        j.asking.add(node);
        load.merge(node, 1, Integer::sum);
        List<String> holders = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (LiveNodes.Peer other : live.all()) {
            if (other.nodeId().equals(node) || other.info().gateway().isEmpty()) continue;
            all.add(other.info().gateway());
            if (!j.inputRoots.isEmpty() && Placement.locality(j.inputRoots, other.info()) > 0) {
                holders.add(other.info().gateway());
            }
        }
        // the peers that announced the inputs; else every peer: data added just now is announced
        // with the next heartbeat, and a fetch from a peer that lacks it is only a miss (verified)
        List<String> gateways = holders.isEmpty() ? all : holders;
        bus.request(Protocol.bid(node), Protocol.T_BID_ASK, new Messages.BidAsk(j.id, executionId, j.spec, gateways),
                BID_TIMEOUT).whenComplete((reply, error) -> onActor(() -> onBid(j, node, executionId, reply, error)));
    }

    private void onBid(OrchestratedJob j, String node, String executionId, Envelope reply, Throwable error) {
        j.asking.remove(node);
        load.merge(node, -1, Integer::sum);
        Messages.BidReply bid;
        try {
            if (error != null) throw new RejectedMessageException("no answer to the bid request: " + error.getMessage());
            if (!reply.from().equals(node)) throw new RejectedMessageException("the bid reply came from " + reply.from());
            bid = bus.codec().payload(reply, Messages.BidReply.class);
        } catch (RejectedMessageException e) {
            reject(j, node, "node " + node + ": " + e.getMessage());
            return;
        }
        if (!bid.accepted()) {
            reject(j, node, bid.reason());
            return;
        }
        if (j.state.isTerminal() || j.needed() <= 0) {
            bus.publish(Protocol.cancel(node), Protocol.T_CANCEL, new Messages.Cancel(j.id, executionId,
                    "the job no longer needs this execution"));
            return;
        }
        emit(j, store.createExecution(j.id, executionId, node, "node " + node + " bid for it"));
        emit(j, store.transitionExecution(j.id, executionId, ExecutionState.BID_ACCEPTED,
                "bid of node " + node + " accepted"));
        OrchestratedJob.Exec exec = new OrchestratedJob.Exec(j, executionId, node, ExecutionState.BID_ACCEPTED);
        j.executions.put(executionId, exec);
        byNode.computeIfAbsent(node, n -> new HashSet<>()).add(exec);
        load.merge(node, 1, Integer::sum);
        if (j.state == JobState.QUEUED) transition(j, JobState.RUNNING, "placed on node " + node);
        if (j.needed() <= 0 && j.queueTimer != null) j.queueTimer.cancel(false);
        bus.request(Protocol.run(node), Protocol.T_RUN, new Messages.Run(j.id, executionId), RUN_TIMEOUT)
                .whenComplete((ack, err) -> onActor(() -> {
                    String problem = null;
                    if (err != null) {
                        problem = err.getMessage();
                    } else {
                        try {
                            Messages.Ack a = bus.codec().payload(ack, Messages.Ack.class);
                            if (!a.ok()) problem = a.reason();
                        } catch (RejectedMessageException e) {
                            problem = e.getMessage();
                        }
                    }
                    if (problem != null && !exec.state.isTerminal()) {
                        failExecution(exec, "run-failed", "node " + node + " did not take the run: " + problem);
                    }
                }));
    }

    private void reject(OrchestratedJob j, String node, String reason) {
        j.rejections.put(node, reason);
        j.rejectedAt.put(node, System.nanoTime());
    }

    // ---- progress from compute nodes ----

    private NatsBus.Reply onNodeInfo(Envelope m) throws RejectedMessageException {
        Messages.NodeInfo info = bus.codec().payload(m, Messages.NodeInfo.class);
        live.heard(m.from(), info);
        onActor(() -> checkHeld(m.from(), info));
        return null;
    }

    /** Fails executions a live node no longer holds (it restarted) after two heartbeats without them. */
    private void checkHeld(String node, Messages.NodeInfo info) {
        Set<OrchestratedJob.Exec> execs = byNode.get(node);
        if (execs == null) return;
        Set<String> held = new HashSet<>(info.running());
        long grace = heartbeat.toNanos() * 2;
        for (OrchestratedJob.Exec e : new ArrayList<>(execs)) {
            if (e.state.isTerminal() || held.contains(e.id) || System.nanoTime() - e.acceptedAt < grace) {
                e.missingFromHeartbeats = 0;
                continue;
            }
            if (++e.missingFromHeartbeats >= 2) {
                failExecution(e, "node-lost", "node " + node + " no longer holds this execution (it restarted?)");
            }
        }
    }

    private NatsBus.Reply onUpdate(Envelope m) throws RejectedMessageException {
        Messages.Update u = bus.codec().payload(m, Messages.Update.class);
        onActor(() -> {
            OrchestratedJob.Exec e = execution(m.from(), u.jobId(), u.executionId());
            if (e == null) return;
            ExecutionState to;
            try {
                to = ExecutionState.valueOf(u.state());
            } catch (IllegalArgumentException ex) {
                return;
            }
            if (to.isTerminal() || e.state.isTerminal() || to.ordinal() <= e.state.ordinal()) {
                log.debug("job {} execution {}: ignored {} from {} (now {})", u.jobId(), u.executionId(), to, m.from(),
                        e.state);
                return;
            }
            e.state = to;
            emit(e.job, store.transitionExecution(e.job.id, e.id, to, u.message()));
        });
        return null;
    }

    private NatsBus.Reply onResult(Envelope m) throws RejectedMessageException {
        Messages.Result r = bus.codec().payload(m, Messages.Result.class);
        String outcome = callOnActor(() -> {
            OrchestratedJob.Exec e = execution(m.from(), r.jobId(), r.executionId());
            if (e == null) return "ignored: no such execution of an active job on node " + m.from();
            if (e.state.isTerminal()) return "ignored: execution already " + e.state;
            ExecutionState state;
            try {
                state = ExecutionState.valueOf(r.state());
            } catch (IllegalArgumentException ex) {
                return "ignored: unknown state " + r.state();
            }
            if (!state.isTerminal()) return "ignored: not a final state";
            ExecutionResult result = new ExecutionResult(r.executionId(), m.from(), state, r.exitCode(), r.stdout(),
                    r.stdoutTruncated(), r.stderr(), r.stderrTruncated(), r.failureReason(), r.failureMessage(),
                    r.engineDetail(), r.location().isEmpty() ? Optional.empty()
                            : Optional.of(new PublishedResult(r.publisher(), URI.create(r.location()))),
                    Instant.ofEpochMilli(r.startedAt()), Instant.ofEpochMilli(r.finishedAt()));
            store.saveExecutionResult(e.job.id, result);
            ended(e, state, r.message(), false);
            return "recorded";
        });
        return new NatsBus.Reply(Protocol.T_ACK, new Messages.Ack(r.executionId(), true, outcome));
    }

    /** The execution {@code executionId} of an active job, when {@code node} is the one running it. */
    private OrchestratedJob.Exec execution(String node, String jobId, String executionId) {
        OrchestratedJob j = active.get(jobId);
        OrchestratedJob.Exec e = j == null ? null : j.executions.get(executionId);
        if (e == null || !e.nodeId.equals(node)) {
            log.debug("ignored a message about job {} execution {} from node {}: it holds no such execution",
                    jobId, executionId, node);
            return null;
        }
        return e;
    }

    private void onDropped(NatsBus.Dropped dropped) {
        String jobId;
        String claimed;
        try {
            Envelope e = bus.codec().json().readValue(dropped.wire(), Envelope.class);
            claimed = e.from();
            jobId = bus.codec().json().readTree(e.payload()).path("jobId").asText("");
        } catch (java.io.IOException | RuntimeException e) {
            return;
        }
        onActor(() -> {
            OrchestratedJob j = active.get(jobId);
            if (j != null) {
                emit(j, store.note(j.id, "", "dropped a message claiming to come from " + claimed + " on "
                        + dropped.subject() + ": " + dropped.reason()));
            }
        });
    }

    // ---- execution and job ends ----

    private void failExecution(OrchestratedJob.Exec e, String reason, String message) {
        if (e.state.isTerminal()) return;
        store.saveExecutionResult(e.job.id, OrchestratedJob.failed(e.id, e.nodeId, reason, message));
        e.failure = reason + ": " + message;
        ended(e, ExecutionState.FAILED, reason + ": " + message, REPLACEABLE.contains(reason));
        if (REPLACEABLE.contains(reason)) {
            bus.publish(Protocol.cancel(e.nodeId), Protocol.T_CANCEL, new Messages.Cancel(e.job.id, e.id, message));
        }
    }

    private void ended(OrchestratedJob.Exec e, ExecutionState state, String message, boolean replaceable) {
        e.state = state;
        e.replaceable = replaceable;
        if (e.failure.isEmpty() && state != ExecutionState.COMPLETED) e.failure = message;
        load.merge(e.nodeId, -1, Integer::sum);
        Set<OrchestratedJob.Exec> onNode = byNode.get(e.nodeId);
        if (onNode != null) onNode.remove(e);
        emit(e.job, store.transitionExecution(e.job.id, e.id, state, message));
        OrchestratedJob j = e.job;
        if (j.state.isTerminal()) return;
        if (replaceable) {
            armTimers(j, false);
            needy.add(j);
            pumpAll();
            return;
        }
        evaluate(j);
        pumpAll();
    }

    private void evaluate(OrchestratedJob j) {
        int completed = 0;
        OrchestratedJob.Exec first = null;
        for (OrchestratedJob.Exec e : j.executions.values()) {
            if (e.state == ExecutionState.COMPLETED) {
                completed++;
                if (first == null) first = e;
            } else if (e.state.isTerminal() && !e.replaceable) {
                finish(j, JobState.FAILED, e.failure);
                return;
            }
        }
        if (completed < Verifier.target(j.job)) return;
        if (Verifier.verifies(j.job)) {
            Verdict verdict = Verifier.decide(j.job, store.executions(j.id));
            if (verdict.verified()) {
                finish(j, JobState.COMPLETED, "verified: " + verdict.explanation());
            } else {
                finish(j, JobState.FAILED, "verification: " + verdict.explanation());
            }
            return;
        }
        String firstId = first.id;
        int exit = store.executions(j.id).stream().filter(x -> x.executionId().equals(firstId))
                .mapToInt(ExecutionResult::exitCode).findFirst().orElse(-1);
        finish(j, JobState.COMPLETED, "completed with exit code " + exit);
    }

    private void finish(OrchestratedJob j, JobState to, String message) {
        if (j.state.isTerminal()) return;
        for (OrchestratedJob.Exec e : j.executions.values()) {
            if (!e.state.isTerminal()) {
                bus.publish(Protocol.cancel(e.nodeId), Protocol.T_CANCEL, new Messages.Cancel(j.id, e.id,
                        "the job ended " + to));
                e.state = ExecutionState.CANCELLED;
                load.merge(e.nodeId, -1, Integer::sum);
                Set<OrchestratedJob.Exec> onNode = byNode.get(e.nodeId);
                if (onNode != null) onNode.remove(e);
                emit(j, store.transitionExecution(j.id, e.id, ExecutionState.CANCELLED, "the job ended " + to));
            }
        }
        transition(j, to, message);
    }

    private void transition(OrchestratedJob j, JobState to, String message) {
        if (j.state.isTerminal()) return;
        JobEvent event = store.transitionJob(j.id, to, message);
        j.state = to;
        emit(j, event);
        if (to.isTerminal()) {
            if (j.queueTimer != null) j.queueTimer.cancel(false);
            if (j.totalTimer != null) j.totalTimer.cancel(false);
            needy.remove(j);
            active.remove(j.id);
            j.done.complete(resultOf(store.job(j.id).orElseThrow()));
        }
    }

    private void armTimers(OrchestratedJob j, boolean total) {
        Duration queue = j.job.task().timeouts().queueTimeout();
        if (!queue.isZero() && (j.queueTimer == null || j.queueTimer.isDone())) {
            j.queueTimer = timers.schedule(() -> onActor(() -> queueExpired(j, queue)), queue.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        Duration totalTimeout = j.job.task().timeouts().totalTimeout();
        if (total && !totalTimeout.isZero()) {
            j.totalTimer = timers.schedule(() -> onActor(() -> finish(j, JobState.FAILED,
                    "the job ran past its total timeout of " + totalTimeout.toSeconds() + "s")),
                    totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void queueExpired(OrchestratedJob j, Duration queue) {
        if (j.state.isTerminal() || j.needed() + j.asking.size() <= 0) return;
        List<String> reasons = new ArrayList<>();
        int used = 0;
        for (LiveNodes.Peer p : live.all()) {
            if (j.usedNode(p.nodeId())) {
                used++;
            } else {
                reasons.add(j.rejections.getOrDefault(p.nodeId(), "node " + p.nodeId() + " is busy"));
            }
        }
        j.rejections.forEach((node, reason) -> {
            if (!live.isLive(node) && !j.usedNode(node)) reasons.add(reason + " (node since lost)");
        });
        if (used > 0) reasons.add(0, used + " live compute node(s) already ran or run one of its executions");
        String why = reasons.isEmpty() ? "no compute node is known to orchestrator " + id : String.join("; ", reasons);
        int placed = Verifier.target(j.job) - j.needed() - j.asking.size();
        finish(j, JobState.FAILED, FailureKind.QUEUE_TIMEOUT.reason() + ": found " + placed + " of "
                + Verifier.target(j.job) + " distinct compute nodes within the queue timeout of " + queue.toSeconds()
                + "s: " + why);
    }

    private void nodeLost(String node) {
        Set<OrchestratedJob.Exec> execs = byNode.get(node);
        if (execs == null) return;
        for (OrchestratedJob.Exec e : new ArrayList<>(execs)) {
            failExecution(e, "node-lost", "node " + node + " missed " + live.missedHeartbeats()
                    + " heartbeats; rescheduling on another node");
        }
    }

    // ---- recovery ----

    private void recover() {
        List<OrchestratedJob> resumed = new ArrayList<>();
        for (String jobId : store.unfinishedJobs()) {
            JobInfo info = store.job(jobId).orElseThrow();
            OrchestratedJob j = new OrchestratedJob(jobId, info.job(), info.state(), arrivals.incrementAndGet(), this);
            for (ExecutionResult e : store.executions(jobId)) {
                OrchestratedJob.Exec exec = new OrchestratedJob.Exec(j, e.executionId(), e.nodeId(), e.state());
                exec.replaceable = REPLACEABLE.contains(e.failureReason());
                exec.failure = e.failureReason().isEmpty() ? "" : e.failureReason() + ": " + e.failureMessage();
                j.executions.put(e.executionId(), exec);
                if (!e.state().isTerminal()) {
                    byNode.computeIfAbsent(e.nodeId(), n -> new HashSet<>()).add(exec);
                    load.merge(e.nodeId(), 1, Integer::sum);
                }
            }
            active.put(jobId, j);
            if (j.state == JobState.PENDING) transition(j, JobState.QUEUED, "waiting for a compute node");
            armTimers(j, true);
            needy.add(j);
            resumed.add(j);
            log.info("orchestrator {}: resumed job {} ({}, {} executions)", id, jobId, j.state, j.executions.size());
        }
        if (resumed.isEmpty()) return;
        for (OrchestratedJob j : resumed) evaluate(j);
        // executions on nodes that do not come back are lost like any other
        long grace = heartbeat.toMillis() * (live.missedHeartbeats() + 1);
        timers.schedule(() -> onActor(() -> {
            for (OrchestratedJob j : resumed) {
                for (OrchestratedJob.Exec e : new ArrayList<>(j.executions.values())) {
                    if (!e.state.isTerminal() && !live.isLive(e.nodeId)) {
                        failExecution(e, "node-lost", "node " + e.nodeId + " was not heard from after orchestrator "
                                + id + " restarted; rescheduling on another node");
                    }
                }
            }
        }), grace, TimeUnit.MILLISECONDS);
    }

    // ---- plumbing ----

    private void emit(OrchestratedJob j, JobEvent event) {
        for (var listener : j.listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("job {}: event listener failed", j.id, e);
            }
        }
        for (var tap : eventTaps) {
            try {
                tap.accept(j.id, event);
            } catch (RuntimeException e) {
                log.warn("job {}: event tap failed", j.id, e);
            }
        }
    }

    private void onActor(Runnable work) {
        if (closed) return;
        try {
            actor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("orchestrator {}: internal error", id, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    private void submitOnActor(Runnable work) {
        callOnActor(() -> {
            work.run();
            return null;
        });
    }

    private <T> T callOnActor(java.util.concurrent.Callable<T> work) {
        if (closed) throw new IllegalStateException("orchestrator " + id + " is closed");
        CompletableFuture<T> f = new CompletableFuture<>();
        actor.execute(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BacalhauException("interrupted waiting for orchestrator " + id, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new BacalhauException(e.getCause().toString(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BacalhauException("orchestrator " + id + " did not answer within 30 s", e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        subscriptions.forEach(bus::unsubscribe);
        api.close();
        closed = true;
        timers.shutdownNow();
        actor.shutdown();
        try {
            actor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (OrchestratedJob j : active.values()) {
            j.done.completeExceptionally(new BacalhauException("orchestrator " + id + " closed while job " + j.id
                    + " was " + j.state + "; it resumes when the orchestrator reopens on its node directory"));
        }
    }
}
