package dev.bacalhau4j.core.internal.network;

/**
 * Subjects and message types of the Bacalhau4j control plane over NATS. Every message is a signed
 * {@link Envelope}; compute subjects are addressed by node id, orchestrator subjects by the
 * orchestrator's id.
 *
 * <pre>
 * bacalhau4j.node.info                       node.info (compute → all, every heartbeat)
 * bacalhau4j.node.hello                      node.hello (orchestrator → all: announce now)
 * bacalhau4j.compute.&lt;node&gt;.bid          bid.ask → bid.reply (request/reply)
 * bacalhau4j.compute.&lt;node&gt;.run          run.ask → ack (request/reply)
 * bacalhau4j.compute.&lt;node&gt;.cancel       cancel (orchestrator → compute)
 * bacalhau4j.orch.&lt;orch&gt;.update          execution.update (compute → orchestrator, progress)
 * bacalhau4j.orch.&lt;orch&gt;.result          execution.result → ack (retried until acknowledged)
 * bacalhau4j.orch.&lt;orch&gt;.api            api.request → api.reply (clients, see {@link ApiMessages})
 * bacalhau4j.orch.&lt;orch&gt;.events.&lt;job&gt;  job.event (orchestrator → clients, while the job runs)
 * </pre>
 */
public final class Protocol {
    private Protocol() {}

    public static final String NODE_INFO = "bacalhau4j.node.info";
    public static final String NODE_HELLO = "bacalhau4j.node.hello";

    public static final String T_NODE_INFO = "node.info";
    public static final String T_HELLO = "node.hello";
    public static final String T_BID_ASK = "bid.ask";
    public static final String T_BID_REPLY = "bid.reply";
    public static final String T_RUN = "run.ask";
    public static final String T_ACK = "ack";
    public static final String T_CANCEL = "cancel";
    public static final String T_UPDATE = "execution.update";
    public static final String T_RESULT = "execution.result";
    public static final String T_EVENT = "job.event";
    public static final String T_API = "api.request";
    public static final String T_API_REPLY = "api.reply";

    public static String bid(String computeId) {
        return "bacalhau4j.compute." + computeId + ".bid";
    }

    public static String run(String computeId) {
        return "bacalhau4j.compute." + computeId + ".run";
    }

    public static String cancel(String computeId) {
        return "bacalhau4j.compute." + computeId + ".cancel";
    }

    public static String update(String orchestratorId) {
        return "bacalhau4j.orch." + orchestratorId + ".update";
    }

    public static String result(String orchestratorId) {
        return "bacalhau4j.orch." + orchestratorId + ".result";
    }

    public static String api(String orchestratorId) {
        return "bacalhau4j.orch." + orchestratorId + ".api";
    }

    public static String events(String orchestratorId, String jobId) {
        return "bacalhau4j.orch." + orchestratorId + ".events." + jobId;
    }
}
