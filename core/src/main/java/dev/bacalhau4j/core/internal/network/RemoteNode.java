package dev.bacalhau4j.core.internal.network;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.NodeInfo;
import dev.bacalhau4j.core.internal.LocalNode;
import dev.bacalhau4j.core.internal.NodeApi;
import dev.bacalhau4j.core.internal.NodeConfig;
import dev.bacalhau4j.core.internal.ipfs.IpfsServices;
import io.nats.client.Dispatcher;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of a remote orchestrator ({@code Bacalhau.connect}): the node API answered over NATS by
 * the orchestrator's {@link OrchestratorApi}. Replies and events count only when signed by that
 * orchestrator. Jobs this client follows are synced every {@link #SYNC_EVERY}, so events missed
 * while NATS or the orchestrator was down are caught up and no job's end is lost. Owns an
 * in-memory local node (its identity, and the blockstore downloads go through), its NATS
 * connection, one subscription and a sync thread.
 */
public final class RemoteNode implements NodeApi {
    private static final Logger log = LoggerFactory.getLogger(RemoteNode.class);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SYNC_EVERY = Duration.ofSeconds(1);

    private final LocalNode local;
    private final NatsBus bus;
    private final String orchestratorId;
    private final ObjectMapper json;
    private final Map<String, RemoteJob> following = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sync;
    private final AtomicBoolean syncing = new AtomicBoolean();
    private final Dispatcher events;

    private RemoteNode(LocalNode local, NatsBus bus, String orchestratorId) {
        this.local = local;
        this.bus = bus;
        this.orchestratorId = orchestratorId;
        this.json = bus.codec().json();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bacalhau4j-client-" + local.nodeId());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.sync = pool;
        this.events = bus.subscribe(Protocol.events(orchestratorId, "*"), this::onEvent);
    }

    /**
     * Connects to orchestrator {@code orchestratorId} over {@code nats}, waiting up to
     * {@code connectTimeout} for it to answer.
     *
     * @throws BacalhauException naming the orchestrator and the server when it does not answer
     */
    public static RemoteNode connect(NodeConfig config, URI nats, String orchestratorId, Duration connectTimeout) {
        if (orchestratorId == null || !orchestratorId.matches("n-[a-z2-7]{10,}")) {
            throw new IllegalArgumentException("orchestrator id must be a node id (n-...), got '" + orchestratorId + "'");
        }
        LocalNode local = LocalNode.open(config, false);
        NatsBus bus = null;
        try {
            bus = NatsBus.connect(nats, new EnvelopeCodec(local.keys(), Clock.systemUTC()));
            RemoteNode node = new RemoteNode(local, bus, orchestratorId);
            node.awaitOrchestrator(nats, connectTimeout);
            node.sync.scheduleWithFixedDelay(node::syncNow, SYNC_EVERY.toMillis(), SYNC_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            return node;
        } catch (RuntimeException e) {
            if (bus != null) bus.close();
            local.close();
            throw e;
        }
    }

    private void awaitOrchestrator(URI nats, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                call(request(ApiMessages.SYNC, ""), new TypeReference<List<ApiMessages.Sync>>() {},
                        Duration.ofSeconds(1));
                return;
            } catch (BacalhauException e) {
                if (System.nanoTime() > deadline) {
                    throw new BacalhauException("orchestrator " + orchestratorId + " did not answer on " + nats
                            + " within " + timeout.toSeconds() + "s (is it running, with that id?): " + e.getMessage(), e);
                }
                sleep(100);
            }
        }
    }

    // ---- the node API ----

    @Override
    public JobHandle submit(Job job) {
        JobSpecs.validate(job); // the clear local error first; the orchestrator checks again
        ApiMessages.Request r = new ApiMessages.Request(ApiMessages.SUBMIT, "", JobSpecs.toJson(job), Map.of());
        String jobId = call(r, new TypeReference<String>() {}, REQUEST_TIMEOUT);
        return follow(jobId, JobState.PENDING, 0);
    }

    @Override
    public Optional<JobHandle> handle(String jobId) {
        return describe(jobId).map(info -> {
            RemoteJob known = following.get(jobId);
            if (known != null) return known;
            if (!info.state().isTerminal()) return follow(jobId, info.state(), 0);
            RemoteJob ended = new RemoteJob(jobId, info.state(), Long.MAX_VALUE, this);
            result(jobId).ifPresent(ended::complete);
            return ended;
        });
    }

    /** Every job, newest first, asked for page by page (a reply must fit one NATS message). */
    @Override
    public List<JobInfo> list() {
        // a job submitted meanwhile shifts the pages by one: it repeats a job, never skips one
        Map<String, JobInfo> jobs = new java.util.LinkedHashMap<>();
        long offset = 0;
        while (true) {
            ApiMessages.Page page = call(new ApiMessages.Request(ApiMessages.LIST, "", "", Map.of(), offset),
                    new TypeReference<ApiMessages.Page>() {}, REQUEST_TIMEOUT);
            for (ApiMessages.Info i : page.jobs()) jobs.putIfAbsent(i.id(), i.toApi());
            offset += page.jobs().size();
            if (!page.more() || page.jobs().isEmpty()) return List.copyOf(jobs.values());
        }
    }

    @Override
    public Optional<JobInfo> describe(String jobId) {
        return Optional.ofNullable(call(request(ApiMessages.DESCRIBE, jobId), new TypeReference<ApiMessages.Info>() {},
                REQUEST_TIMEOUT)).map(ApiMessages.Info::toApi);
    }

    @Override
    public List<JobEvent> history(String jobId) {
        return call(request(ApiMessages.HISTORY, jobId), new TypeReference<List<ApiMessages.Event>>() {},
                REQUEST_TIMEOUT).stream().map(ApiMessages.Event::toApi).toList();
    }

    @Override
    public Optional<JobResult> result(String jobId) {
        return Optional.ofNullable(call(request(ApiMessages.RESULT, jobId),
                new TypeReference<ApiMessages.Result>() {}, REQUEST_TIMEOUT)).map(ApiMessages.Result::toApi);
    }

    boolean cancel(String jobId) {
        return call(request(ApiMessages.CANCEL, jobId), new TypeReference<Boolean>() {}, REQUEST_TIMEOUT);
    }

    /** The client's own (in-memory) node: its id is the one the orchestrator records as the submitter. */
    @Override
    public NodeInfo info() {
        return local.info();
    }

    @Override
    public List<dev.bacalhau4j.core.ComputeNodeInfo> computeNodes() {
        return call(request(ApiMessages.NODES, ""), new TypeReference<List<ApiMessages.ComputeNode>>() {},
                REQUEST_TIMEOUT).stream().map(ApiMessages.ComputeNode::toApi).toList();
    }

    @Override
    public IpfsServices ipfs() {
        return local.ipfs();
    }

    @Override
    public List<URI> gatewaysFor(String jobId) {
        return call(request(ApiMessages.GATEWAYS, jobId), new TypeReference<List<String>>() {}, REQUEST_TIMEOUT)
                .stream().map(URI::create).toList();
    }

    // ---- following jobs ----

    private RemoteJob follow(String jobId, JobState state, long lastSequence) {
        RemoteJob job = following.computeIfAbsent(jobId, id -> new RemoteJob(id, state, lastSequence, this));
        sync.execute(this::syncNow); // what happened before the stream reached us
        return job;
    }

    private NatsBus.Reply onEvent(Envelope m) throws RejectedMessageException {
        if (!m.from().equals(orchestratorId)) {
            throw new RejectedMessageException("a job event from " + m.from() + ", not orchestrator " + orchestratorId);
        }
        JobEvent event = bus.codec().payload(m, ApiMessages.Event.class).toApi();
        RemoteJob job = following.get(event.jobId());
        if (job != null && job.offer(List.of(event))) syncSoon();
        return null;
    }

    private void syncSoon() {
        try {
            sync.execute(this::syncNow);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing
        }
    }

    /** Asks the orchestrator what the followed jobs did since their last event; one request for all. */
    private void syncNow() {
        if (following.isEmpty() || !syncing.compareAndSet(false, true)) return;
        try {
            Map<String, Long> after = new HashMap<>();
            following.forEach((id, job) -> {
                if (!job.isDone()) after.put(id, job.lastSequence());
            });
            if (after.isEmpty()) return;
            ApiMessages.Request r = new ApiMessages.Request(ApiMessages.SYNC, "", "", after);
            for (ApiMessages.Sync s : call(r, new TypeReference<List<ApiMessages.Sync>>() {}, REQUEST_TIMEOUT)) {
                RemoteJob job = following.get(s.jobId());
                if (job == null) continue;
                if (!s.known()) {
                    following.remove(s.jobId());
                    job.fail(new BacalhauException("orchestrator " + orchestratorId + " no longer knows job " + s.jobId()));
                    continue;
                }
                job.offer(s.events().stream().map(ApiMessages.Event::toApi).toList());
            }
        } catch (BacalhauException e) {
            log.debug("client {}: sync with orchestrator {} failed, retrying: {}", local.nodeId(), orchestratorId,
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("client {}: sync with orchestrator {} failed", local.nodeId(), orchestratorId, e);
        } finally {
            syncing.set(false);
        }
    }

    /** Called by a job that saw its end: fetches the result off the event thread, retrying on the sync timer. */
    void fetchResultOf(RemoteJob job) {
        try {
            sync.execute(() -> {
                try {
                    JobResult r = result(job.id()).orElseThrow(() -> new BacalhauException(
                            "orchestrator " + orchestratorId + " no longer knows job " + job.id()));
                    following.remove(job.id());
                    job.complete(r);
                } catch (BacalhauException e) {
                    log.debug("client {}: result of {} not fetched yet: {}", local.nodeId(), job.id(), e.getMessage());
                    sync.schedule(() -> fetchResultOf(job), SYNC_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: the job is failed below
        }
    }

    // ---- requests ----

    private static ApiMessages.Request request(String op, String jobId) {
        return new ApiMessages.Request(op, jobId, "", Map.of());
    }

    private <T> T call(ApiMessages.Request request, TypeReference<T> type, Duration timeout) {
        Envelope reply;
        try {
            reply = bus.request(Protocol.api(orchestratorId), Protocol.T_API, request, timeout).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BacalhauException("interrupted waiting for orchestrator " + orchestratorId, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BacalhauException b ? b
                    : new BacalhauException(request.op() + " to orchestrator " + orchestratorId + ": " + e.getCause(), e);
        }
        try {
            if (!reply.from().equals(orchestratorId)) {
                throw new RejectedMessageException("the reply came from " + reply.from());
            }
            ApiMessages.Reply r = bus.codec().payload(reply, ApiMessages.Reply.class);
            if (!r.ok()) throw new BacalhauException(r.error());
            return json.readValue(r.body(), type);
        } catch (RejectedMessageException | IOException e) {
            throw new BacalhauException(request.op() + " to orchestrator " + orchestratorId + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BacalhauException("interrupted while connecting", e);
        }
    }

    @Override
    public void close() {
        sync.shutdownNow();
        bus.unsubscribe(events);
        for (RemoteJob job : following.values()) {
            job.fail(new BacalhauException("client closed while job " + job.id() + " was " + job.state()
                    + "; it goes on at orchestrator " + orchestratorId));
        }
        bus.close();
        local.close();
    }
}
