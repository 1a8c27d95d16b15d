package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.core.internal.ExecutionCallbacks;
import dev.bacalhau4j.core.internal.LocalNode;
import dev.bacalhau4j.ipfs.block.Pin;
import dev.bacalhau4j.ipfs.importer.UnixFsImporter;
import io.nats.client.Dispatcher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute role over NATS: announces this node (engines, capacity, labels, held CIDs, gateway)
 * every heartbeat, answers bids from trusted orchestrators, runs accepted executions on the local
 * node's workers, reports progress, and delivers each final result until the orchestrator
 * acknowledges it. Owns its subscriptions and one timer thread; the local node owns the workers.
 */
public final class ComputeService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ComputeService.class);
    /** How long an accepted bid holds a slot waiting for its run message. */
    static final Duration RESERVATION = Duration.ofSeconds(30);
    private static final Duration RESULT_RETRY_FOR = Duration.ofMinutes(30);

    private final LocalNode node;
    private final NatsBus bus;
    private final NetworkConfig config;
    private final Set<String> trusted;
    private final int capacity;
    private final ScheduledExecutorService timers;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final List<Dispatcher> subscriptions = new ArrayList<>();
    private volatile boolean closed;

    /** One execution this node holds: reserved, running, or finished with its result not yet acknowledged. */
    private static final class Held {
        final String jobId;
        final String executionId;
        final Job job;
        final String orchestrator;
        volatile boolean started;
        volatile boolean finished;
        volatile boolean cancelled;
        volatile String cancelReason = "";
        volatile Thread worker;

        Held(String jobId, String executionId, Job job, String orchestrator) {
            this.jobId = jobId;
            this.executionId = executionId;
            this.job = job;
            this.orchestrator = orchestrator;
        }
    }

    private ComputeService(LocalNode node, NatsBus bus, NetworkConfig config, Set<String> trusted) {
        this.node = node;
        this.bus = bus;
        this.config = config;
        this.trusted = trusted;
        this.capacity = node.config().maxConcurrentExecutions() * 4;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bacalhau4j-compute-" + node.nodeId());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.timers = pool;
    }

    /** Starts serving: subscribes, announces at once, then every heartbeat. */
    public static ComputeService start(LocalNode node, NatsBus bus, NetworkConfig config, Set<String> trusted) {
        ComputeService service = new ComputeService(node, bus, config, trusted);
        String id = node.nodeId();
        service.subscriptions.add(bus.subscribe(Protocol.bid(id), service::onBid));
        service.subscriptions.add(bus.subscribe(Protocol.run(id), service::onRun));
        service.subscriptions.add(bus.subscribe(Protocol.cancel(id), service::onCancel));
        service.subscriptions.add(bus.subscribe(Protocol.NODE_HELLO, m -> {
            service.announce();
            return null;
        }));
        bus.onReconnect(service::announce);
        long every = config.heartbeat().toMillis();
        service.timers.scheduleAtFixedRate(service::announce, 0, every, TimeUnit.MILLISECONDS);
        log.info("node {}: compute over NATS {}, trusting orchestrators {}, labels {}", id, config.nats(), trusted,
                config.labels());
        return service;
    }

    // ---- announcements ----

    void announce() {
        if (closed) return;
        try {
            bus.publish(Protocol.NODE_INFO, Protocol.T_NODE_INFO, info());
        } catch (RuntimeException e) {
            log.warn("node {}: cannot announce itself: {}", node.nodeId(), e.toString());
        }
    }

    private Messages.NodeInfo info() {
        List<String> cids = new ArrayList<>();
        for (Pin pin : node.ipfs().store().pins().list()) {
            if (cids.size() >= Messages.NodeInfo.MAX_CIDS) break;
            cids.add(pin.root().toString());
        }
        return new Messages.NodeInfo(node.usableEngines(), node.config().maxConcurrentExecutions(), capacity,
                held.size(), java.lang.Runtime.getRuntime().availableProcessors() * 1000L,
                java.lang.Runtime.getRuntime().maxMemory(), config.labels(), cids,
                node.ipfs().gatewayAddress().map(URI::toString).orElse(""), List.copyOf(held.keySet()),
                config.heartbeat().toMillis());
    }

    // ---- bids, runs, cancels ----

    private NatsBus.Reply onBid(Envelope m) throws RejectedMessageException {
        Messages.BidAsk ask = bus.codec().payload(m, Messages.BidAsk.class);
        String refusal = refusal(m.from(), ask);
        if (!refusal.isEmpty()) {
            log.debug("node {}: rejected execution {} of job {} from {}: {}", node.nodeId(), ask.executionId(),
                    ask.jobId(), m.from(), refusal);
            return new NatsBus.Reply(Protocol.T_BID_REPLY, new Messages.BidReply(ask.executionId(), false, refusal));
        }
        return new NatsBus.Reply(Protocol.T_BID_REPLY, new Messages.BidReply(ask.executionId(), true, ""));
    }

    /** Why this node does not take the execution, empty when it reserved a slot for it. */
    private String refusal(String orchestrator, Messages.BidAsk ask) {
        if (!trusted.contains(orchestrator)) {
            return "node " + node.nodeId() + " does not trust orchestrator " + orchestrator
                    + " (trust it with trustOrchestrator(\"" + orchestrator + "\") or --trust " + orchestrator + ")";
        }
        if (closed) return "node " + node.nodeId() + " is closing";
        Job job;
        try {
            job = JobSpecs.validate(JobSpecs.readJson(ask.spec()));
        } catch (RuntimeException e) {
            return "node " + node.nodeId() + " cannot read the job spec: " + e.getMessage();
        }
        String engine = node.executionRefusal(job);
        if (!engine.isEmpty()) return engine;
        if (held.containsKey(ask.executionId())) return "";
        synchronized (held) {
            long busy = held.values().stream().filter(x -> !x.finished).count(); // results in delivery take no slot
            if (busy >= capacity) {
                return "node " + node.nodeId() + " is at capacity (" + busy + " of " + capacity
                        + " executions reserved or running)";
            }
            held.put(ask.executionId(), new Held(ask.jobId(), ask.executionId(), job, orchestrator));
        }
        node.ipfs().addPeerGateways(ask.gateways().stream().map(URI::create).toList());
        timers.schedule(() -> expireReservation(ask.executionId()), RESERVATION.toMillis(), TimeUnit.MILLISECONDS);
        return "";
    }

    private void expireReservation(String executionId) {
        Held h = held.get(executionId);
        if (h != null && !h.started && held.remove(executionId, h)) {
            log.info("node {}: no run for execution {} within {}s of its bid; slot released", node.nodeId(),
                    executionId, RESERVATION.toSeconds());
        }
    }

    private NatsBus.Reply onRun(Envelope m) throws RejectedMessageException {
        Messages.Run run = bus.codec().payload(m, Messages.Run.class);
        Held h = held.get(run.executionId());
        if (h == null || !h.orchestrator.equals(m.from())) {
            return ack(run.executionId(), false, "node " + node.nodeId() + " holds no bid for execution "
                    + run.executionId() + " from " + m.from());
        }
        synchronized (h) {
            if (h.started) return ack(run.executionId(), true, "already running"); // a duplicate run
            h.started = true;
        }
        node.executeForPeer(h.jobId, h.job, h.executionId, callbacks(h), t -> h.worker = t, () -> h.worker = null);
        return ack(run.executionId(), true, "");
    }

    private NatsBus.Reply onCancel(Envelope m) throws RejectedMessageException {
        Messages.Cancel cancel = bus.codec().payload(m, Messages.Cancel.class);
        Held h = held.get(cancel.executionId());
        if (h == null || !h.orchestrator.equals(m.from())) return null;
        h.cancelReason = cancel.reason();
        h.cancelled = true;
        if (!h.started) {
            held.remove(cancel.executionId(), h);
        } else {
            Thread worker = h.worker;
            if (worker != null) worker.interrupt();
        }
        return null;
    }

    private static NatsBus.Reply ack(String id, boolean ok, String reason) {
        return new NatsBus.Reply(Protocol.T_ACK, new Messages.Ack(id, ok, reason));
    }

    // ---- progress and results ----

    private ExecutionCallbacks callbacks(Held h) {
        return new ExecutionCallbacks() {
            @Override
            public void created(String executionId) {
                // the orchestrator recorded it when it accepted the bid
            }

            @Override
            public void transition(String executionId, ExecutionState state, String message) {
                bus.publish(Protocol.update(h.orchestrator), Protocol.T_UPDATE,
                        new Messages.Update(h.jobId, executionId, state.name(), message));
            }

            @Override
            public void finished(ExecutionResult result, String message) {
                h.finished = true;
                deliver(h, toMessage(h, result, message), System.nanoTime() + RESULT_RETRY_FOR.toNanos(), 0);
            }

            @Override
            public boolean cancelled() {
                return h.cancelled;
            }

            @Override
            public String cancelReason() {
                return h.cancelReason.isEmpty() ? "cancelled by orchestrator " + h.orchestrator : h.cancelReason;
            }
        };
    }

    private Messages.Result toMessage(Held h, ExecutionResult r, String message) {
        String publisher = r.published().map(PublishedResult::publisherType).orElse("");
        String location = r.published().map(p -> p.location().toString()).orElse("");
        if (config.corruptResultsForTesting() && location.startsWith("ipfs://")) {
            location = corrupt(h);
        }
        return new Messages.Result(h.jobId, h.executionId, r.state().name(), message, r.exitCode(), r.stdoutBytes(),
                r.stdoutTruncated(), r.stderrBytes(), r.stderrTruncated(), r.failureReason(), r.failureMessage(),
                r.engineDetail(), publisher, location, node.ipfs().gatewayAddress().map(URI::toString).orElse(""),
                r.startedAt().toEpochMilli(), r.finishedAt().toEpochMilli());
    }

    /** The testing lie: a DAG other than the outputs, so its CID differs from honest nodes'. */
    private String corrupt(Held h) {
        try {
            var cid = new UnixFsImporter(node.ipfs().store(), node.ipfs().profile()).addBytes(
                    ("corrupted by node " + node.nodeId() + " for execution " + h.executionId)
                            .getBytes(StandardCharsets.UTF_8)).cid();
            node.ipfs().store().pins().pin(cid, "corrupted result of " + h.executionId);
            log.warn("node {}: reporting a corrupted result for execution {} (corruptResultsForTesting)",
                    node.nodeId(), h.executionId);
            return "ipfs://" + cid;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends the final result until the orchestrator acknowledges it, backing off up to 5 s. */
    private void deliver(Held h, Messages.Result result, long deadline, int attempt) {
        if (closed) return;
        bus.request(Protocol.result(h.orchestrator), Protocol.T_RESULT, result, Duration.ofSeconds(5))
                .whenComplete((reply, error) -> {
                    if (error == null) {
                        held.remove(h.executionId, h);
                        return;
                    }
                    if (System.nanoTime() > deadline || closed) {
                        held.remove(h.executionId, h);
                        log.warn("node {}: gave up delivering the result of execution {} to {}: {}", node.nodeId(),
                                h.executionId, h.orchestrator, error.getMessage());
                        return;
                    }
                    long delay = Math.min(5000, 100L << Math.min(attempt, 6));
                    log.debug("node {}: result of {} not acknowledged ({}); retrying in {} ms", node.nodeId(),
                            h.executionId, error.getMessage(), delay);
                    try {
                        timers.schedule(() -> deliver(h, result, deadline, attempt + 1), delay, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                        // closing
                    }
                });
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        subscriptions.forEach(bus::unsubscribe);
        timers.shutdownNow();
        for (Held h : held.values()) { // the local node waits for its workers: stop ours first
            h.cancelReason = "compute node " + node.nodeId() + " closed";
            h.cancelled = true;
            Thread worker = h.worker;
            if (worker != null) worker.interrupt();
        }
    }
}
