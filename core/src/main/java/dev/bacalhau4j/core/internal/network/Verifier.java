package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.Verdict;
import dev.bacalhau4j.api.VerificationType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a job's executions verify each other: completed executions are grouped by the
 * result location they published, and the largest group is accepted only when it is the only
 * largest and has at least {@code Confidence} members. A pure function of the job and its
 * executions, so the verdict is recomputed from the job store rather than stored.
 */
public final class Verifier {
    private static final URI NOTHING = URI.create("none:nothing-published");
    private Verifier() {}

    /** True when the orchestrator runs {@code job} on several nodes to compare results. */
    public static boolean verifies(Job job) {
        return job.task().verification().type() == VerificationType.DETERMINISTIC;
    }

    /** Executions to run on distinct nodes: Verification.Count when verifying, else Count. */
    public static int target(Job job) {
        return verifies(job) ? Math.max(1, job.task().verification().count()) : Math.max(1, job.count());
    }

    /** The verdict over {@code executions}; only meaningful once {@link #target} of them completed. */
    public static Verdict decide(Job job, List<ExecutionResult> executions) {
        if (!verifies(job)) {
            if (job.task().engine() instanceof DockerEngine) {
                return Verdict.unverified("containers are not deterministic, so their results are not verified");
            }
            return Verdict.unverified("verification not asked for (Verification.Type none); set Type deterministic"
                    + " with Count and Confidence to compare result CIDs across nodes");
        }
        int confidence = Math.max(1, job.task().verification().confidence());
        Map<URI, List<ExecutionResult>> groups = new LinkedHashMap<>();
        for (ExecutionResult e : executions) {
            if (e.state() != ExecutionState.COMPLETED) continue;
            URI where = e.published().map(p -> p.location()).orElse(NOTHING);
            groups.computeIfAbsent(where, k -> new ArrayList<>()).add(e);
        }
        if (groups.isEmpty()) {
            return Verdict.unverified("no execution completed, nothing to compare");
        }
        int largest = groups.values().stream().mapToInt(List::size).max().orElse(0);
        List<URI> tops = groups.entrySet().stream().filter(g -> g.getValue().size() == largest)
                .map(Map.Entry::getKey).toList();
        int completed = groups.values().stream().mapToInt(List::size).sum();
        if (tops.size() > 1) {
            return Verdict.unverified("no quorum: " + tops.size() + " results tie with " + largest + " execution(s)"
                    + " each among " + completed + " completed (" + summary(groups) + ")");
        }
        URI accepted = tops.get(0);
        if (largest < confidence) {
            return Verdict.unverified("no quorum: the most agreeing result has " + largest + " of the " + confidence
                    + " executions Confidence asks (" + summary(groups) + ")");
        }
        List<String> agreeing = groups.get(accepted).stream().map(ExecutionResult::executionId).toList();
        List<String> rejected = new ArrayList<>();
        List<String> rejectedNodes = new ArrayList<>();
        groups.forEach((where, members) -> {
            if (!where.equals(accepted)) {
                members.forEach(e -> {
                    rejected.add(e.executionId());
                    rejectedNodes.add(e.executionId() + " on " + e.nodeId() + " (" + where + ")");
                });
            }
        });
        String explanation = largest + " of " + completed + " executions on distinct nodes agreed on " + accepted
                + " (Confidence " + confidence + ")"
                + (rejected.isEmpty() ? "" : "; rejected " + String.join(", ", rejectedNodes));
        return new Verdict(true, explanation, Optional.of(accepted), agreeing, rejected);
    }

    private static String summary(Map<URI, List<ExecutionResult>> groups) {
        List<String> parts = new ArrayList<>();
        groups.forEach((where, members) -> parts.add(where + " from "
                + members.stream().map(ExecutionResult::nodeId).toList()));
        return String.join("; ", parts);
    }
}
