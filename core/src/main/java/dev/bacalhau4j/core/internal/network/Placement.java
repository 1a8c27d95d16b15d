package dev.bacalhau4j.core.internal.network;

import dev.bacalhau4j.api.Constraint;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.Resources;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which compute nodes may run a job, and how well placed each is: filters by engine, resources and
 * label constraints (Bacalhau's operators), ranks by data locality (input CIDs the node holds).
 * Stateless.
 */
public final class Placement {
    private Placement() {}

    /** Why {@code node} cannot run {@code job}, empty when it can. */
    public static String mismatch(Job job, String nodeId, Messages.NodeInfo node) {
        String engine = job.task().engine().type();
        if (!node.engines().contains(engine)) {
            return "node " + nodeId + " has no '" + engine + "' engine (it has " + node.engines() + ")";
        }
        Resources r = job.task().resources();
        if (r.cpuMillis() > node.cpuMillis()) {
            return "node " + nodeId + " offers " + node.cpuMillis() + "m CPU, the task asks " + r.cpuMillis() + "m";
        }
        if (r.memoryBytes() > node.memoryBytes()) {
            return "node " + nodeId + " offers " + node.memoryBytes() + " bytes of memory, the task asks "
                    + r.memoryBytes();
        }
        if (r.gpuCount() > 0) {
            return "node " + nodeId + " offers no GPU, the task asks " + r.gpuCount();
        }
        for (Constraint c : job.constraints()) {
            if (!matches(c, node.labels())) {
                return "node " + nodeId + " does not satisfy constraint " + describe(c) + " (its labels: "
                        + node.labels() + ")";
            }
        }
        return "";
    }

    /** True when {@code labels} satisfy {@code c}, as Bacalhau's label selectors read it. */
    public static boolean matches(Constraint c, Map<String, String> labels) {
        String value = labels.get(c.key());
        return switch (c.operator()) {
            case EQUALS -> value != null && c.values().size() == 1 && c.values().get(0).equals(value);
            case NOT_EQUALS -> value == null || !c.values().contains(value);
            case IN -> value != null && c.values().contains(value);
            case NOT_IN -> value == null || !c.values().contains(value);
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
            case GREATER_THAN -> compare(value, c) > 0;
            case LESS_THAN -> compare(value, c) < 0;
        };
    }

    /** {@code value} compared with the constraint's one number; 0 when either is missing or not a number. */
    private static int compare(String value, Constraint c) {
        if (value == null || c.values().size() != 1) return 0;
        try {
            return new BigDecimal(value.trim()).compareTo(new BigDecimal(c.values().get(0).trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String describe(Constraint c) {
        return c.key() + " " + c.operator().wireName() + (c.values().isEmpty() ? "" : " " + String.join(",", c.values()));
    }

    /** The root CIDs of the job's IPFS inputs (and IPFS modules). */
    public static Set<String> inputRoots(Job job) {
        Set<String> roots = new LinkedHashSet<>();
        for (InputSource input : job.task().inputSources()) {
            if (input.source() instanceof IpfsSource ipfs) roots.add(root(ipfs.cid()));
        }
        if (job.task().engine() instanceof dev.bacalhau4j.api.WasmEngine wasm
                && wasm.entryModule().source() instanceof IpfsSource ipfs) {
            roots.add(root(ipfs.cid()));
        }
        return roots;
    }

    private static String root(String cidOrPath) {
        String s = cidOrPath.startsWith("/ipfs/") ? cidOrPath.substring(6) : cidOrPath;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /** How many of {@code roots} the node holds. */
    public static int locality(Set<String> roots, Messages.NodeInfo node) {
        if (roots.isEmpty()) return 0;
        int held = 0;
        for (String cid : node.cids()) {
            if (roots.contains(cid)) held++;
        }
        return held;
    }
}
