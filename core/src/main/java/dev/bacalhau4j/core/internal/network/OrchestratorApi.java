package dev.bacalhau4j.core.internal.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.JobHandle;
import io.nats.client.Dispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's face to remote clients ({@code Bacalhau.connect}): answers their signed
 * requests on {@link Protocol#api} (submit, describe, list, history, result, cancel, gateways, sync)
 * and streams the events of the jobs they watch on {@link Protocol#events}. Clients need no trust:
 * like Bacalhau's own API, any signed client may submit; the job history names who did. Owns its
 * subscription only.
 */
final class OrchestratorApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrchestratorApi.class);

    private final Orchestrator orchestrator;
    private final NatsBus bus;
    private final ObjectMapper json;
    /** Jobs whose events a client follows: published until the job ends. */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Dispatcher subscription;

    OrchestratorApi(Orchestrator orchestrator, NatsBus bus) {
        this.orchestrator = orchestrator;
        this.bus = bus;
        this.json = bus.codec().json();
        orchestrator.tapEvents(this::onEvent);
        this.subscription = bus.subscribe(Protocol.api(orchestrator.id()), this::onRequest);
    }

    private void onEvent(String jobId, JobEvent event) {
        if (!watched.contains(jobId)) return; // sealing costs a signature: only for jobs a client follows
        bus.publish(Protocol.events(orchestrator.id(), jobId), Protocol.T_EVENT, ApiMessages.Event.of(event));
        if (event.isJobEvent() && JobState.valueOf(event.state()).isTerminal()) watched.remove(jobId);
    }

    private NatsBus.Reply onRequest(Envelope m) throws RejectedMessageException {
        ApiMessages.Request request = bus.codec().payload(m, ApiMessages.Request.class);
        ApiMessages.Reply reply;
        try {
            reply = new ApiMessages.Reply(true, "", json.writeValueAsString(answer(m.from(), request)));
            int size = bus.codec().seal(Protocol.T_API_REPLY, reply).length;
            if (size > bus.maxPayload()) {
                // published as it is, it would never arrive and the client would only see a timeout
                reply = new ApiMessages.Reply(false, "orchestrator " + orchestrator.id() + ": the answer to "
                        + request.op() + " is " + size + " bytes, more than the NATS server takes in one message ("
                        + bus.maxPayload() + ")", "");
            }
        } catch (BacalhauException | IllegalArgumentException | IllegalStateException e) {
            reply = new ApiMessages.Reply(false, e.getMessage(), "");
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("orchestrator {}: client request {} from {} failed", orchestrator.id(), request.op(), m.from(), e);
            reply = new ApiMessages.Reply(false, "orchestrator " + orchestrator.id() + " failed on " + request.op()
                    + ": " + e, "");
        }
        return new NatsBus.Reply(Protocol.T_API_REPLY, reply);
    }

    private Object answer(String client, ApiMessages.Request r) throws JsonProcessingException {
        String jobId = r.jobId() == null ? "" : r.jobId();
        return switch (r.op() == null ? "" : r.op()) {
            case ApiMessages.SUBMIT -> {
                if (r.spec() == null || r.spec().isBlank()) throw new IllegalArgumentException("submit without a job spec");
                JobHandle handle = orchestrator.submit(JobSpecs.readJson(r.spec()), "client " + client);
                watched.add(handle.id());
                yield handle.id();
            }
            // absent as JSON null: Optional has no JSON form without a Jackson module
            case ApiMessages.DESCRIBE -> orchestrator.describe(jobId).map(ApiMessages.Info::of).orElse(null);
            case ApiMessages.LIST -> page(orchestrator.list(), r.offset());
            case ApiMessages.HISTORY -> orchestrator.history(jobId).stream().map(ApiMessages.Event::of).toList();
            case ApiMessages.RESULT -> orchestrator.result(jobId).map(ApiMessages.Result::of).orElse(null);
            case ApiMessages.CANCEL -> orchestrator.handle(jobId)
                    .orElseThrow(() -> new IllegalArgumentException("orchestrator " + orchestrator.id()
                            + " knows no job " + jobId))
                    .cancel();
            case ApiMessages.GATEWAYS -> orchestrator.gatewaysFor(jobId).stream().map(Object::toString).toList();
            case ApiMessages.SYNC -> sync(r.after() == null ? Map.of() : r.after());
            case ApiMessages.NODES -> orchestrator.computeNodes().stream().map(ApiMessages.ComputeNode::of).toList();
            default -> throw new IllegalArgumentException("unknown client operation '" + r.op() + "' (known: "
                    + String.join(", ", ApiMessages.SUBMIT, ApiMessages.DESCRIBE, ApiMessages.LIST,
                    ApiMessages.HISTORY, ApiMessages.RESULT, ApiMessages.CANCEL, ApiMessages.GATEWAYS,
                    ApiMessages.SYNC, ApiMessages.NODES) + ")");
        };
    }

    /**
     * The jobs from {@code offset} on, as many as {@link ApiMessages#LIST_LIMIT} and one NATS
     * message allow (halved until the sealed reply fits); at least one, or the reply names the job
     * too large to list.
     */
    private ApiMessages.Page page(List<JobInfo> all, long offset) throws JsonProcessingException {
        int from = (int) Math.min(Math.max(0, offset), all.size());
        int n = Math.min(ApiMessages.LIST_LIMIT, all.size() - from);
        while (true) {
            List<ApiMessages.Info> jobs = all.subList(from, from + n).stream().map(ApiMessages.Info::of).toList();
            ApiMessages.Page page = new ApiMessages.Page(jobs, from + n < all.size());
            ApiMessages.Reply reply = new ApiMessages.Reply(true, "", json.writeValueAsString(page));
            if (n <= 1 || bus.codec().seal(Protocol.T_API_REPLY, reply).length <= bus.maxPayload()) return page;
            n /= 2;
        }
    }

    /** What each job did after the sequence the client has; from now on its events are streamed too. */
    private List<ApiMessages.Sync> sync(Map<String, Long> after) {
        List<ApiMessages.Sync> out = new ArrayList<>();
        after.forEach((jobId, seq) -> {
            Optional<JobInfo> info = orchestrator.describe(jobId);
            if (info.isEmpty()) {
                out.add(new ApiMessages.Sync(jobId, false, "", List.of()));
                return;
            }
            if (!info.get().state().isTerminal()) {
                watched.add(jobId);
                // it may have ended between the read and the add, after its last event was published
                if (orchestrator.describe(jobId).map(i -> i.state().isTerminal()).orElse(true)) watched.remove(jobId);
            }
            List<ApiMessages.Event> events = orchestrator.history(jobId).stream()
                    .filter(e -> e.sequence() > seq).map(ApiMessages.Event::of).toList();
            out.add(new ApiMessages.Sync(jobId, true, info.get().state().name(), events));
        });
        return out;
    }

    @Override
    public void close() {
        bus.unsubscribe(subscription);
    }
}
