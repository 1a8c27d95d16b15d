package dev.bacalhau4j.api.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bacalhau4j.api.Constraint;
import dev.bacalhau4j.api.ConstraintOperator;
import dev.bacalhau4j.api.EngineSpec;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobType;
import dev.bacalhau4j.api.NetworkSpec;
import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.api.ResultPath;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.Timeouts;
import dev.bacalhau4j.api.Verification;
import dev.bacalhau4j.api.VerificationType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Decodes a Bacalhau v1 job spec tree into a {@link Job}, naming the field path of anything wrong.
 *
 * <p>Server-assigned fields that {@code bacalhau job describe --output yaml} writes ({@code ID},
 * {@code State}, {@code Version}, {@code Revision}, {@code CreateTime}, {@code ModifyTime}) are
 * accepted and ignored, as Bacalhau's own {@code Job.SanitizeSubmission} does; {@code Priority} is
 * kept; task {@code Meta} and network {@code Domains}/{@code Ports} are accepted only when empty; anything else unknown is an error. A describe document
 * ({@code {Job: {...}, History, Executions}}) is read as its {@code Job}.
 */
public final class JobDecoder {
    private static final String[] JOB_FIELDS = {
        "Name", "Namespace", "Type", "Count", "Constraints", "Meta", "Labels", "Tasks",
        "ID", "Priority", "State", "Version", "Revision", "CreateTime", "ModifyTime"};
    private static final String[] TASK_FIELDS = {
        "Name", "Engine", "Publisher", "Env", "Meta", "InputSources", "ResultPaths", "Resources",
        "Network", "Timeouts", "Verification"};

    private JobDecoder() {}

    /** The job of a parsed spec ({@code null} for an empty document); not yet semantically validated. */
    public static Job decode(JsonNode root) {
        if (root == null) {
            throw new InvalidJobException("", "empty spec; expected a job object with Tasks");
        }
        String path = "";
        if (root.isObject() && hasField(root, "Job") && !hasField(root, "Tasks")) {
            Fields describe = Fields.of(root, "", "Job", "History", "Executions");
            root = describe.raw("Job");
            path = "Job";
        }
        Fields f = Fields.of(root, path, JOB_FIELDS);
        JobType type = jobType(f);
        int count = f.integer("Count", 1);
        if (count == 0 && type == JobType.OPS) {
            count = 1; // Bacalhau ignores Count for ops jobs and stores 0
        }
        List<Fields.Element> tasks = f.list("Tasks");
        if (tasks.size() != 1) {
            throw new InvalidJobException(f.child("Tasks"), "exactly one task is supported (got " + tasks.size() + ")");
        }
        String namespace = f.string("Namespace", "");
        return new Job(
                f.string("Name", ""),
                namespace.isEmpty() ? "default" : namespace,
                type,
                f.integer("Priority", 0),
                count,
                f.stringMap("Labels"),
                constraints(f),
                f.stringMap("Meta"),
                List.of(task(tasks.get(0).node(), tasks.get(0).path())));
    }

    private static JobType jobType(Fields f) {
        String type = f.string("Type", "");
        for (JobType t : JobType.values()) {
            if (t.wireName().equals(type)) {
                return t;
            }
        }
        if (type.isEmpty()) {
            return JobType.BATCH;
        }
        String why = type.equals("service") || type.equals("daemon") ? "unsupported" : "unknown";
        throw new InvalidJobException(f.child("Type"), why + " job type '" + type + "' (supported: batch, ops)");
    }

    private static List<Constraint> constraints(Fields f) {
        List<Constraint> out = new ArrayList<>();
        for (Fields.Element e : f.list("Constraints")) {
            Fields c = Fields.of(e.node(), e.path(), "Key", "Operator", "Values");
            String op = c.string("Operator", "").strip();
            out.add(new Constraint(c.string("Key", ""), operator(op, c.child("Operator")), c.strings("Values")));
        }
        return out;
    }

    /** Kubernetes selection operators as Bacalhau takes them; {@code ==} is read as {@code =}. */
    static ConstraintOperator operator(String op, String path) {
        if (op.equals("==")) {
            return ConstraintOperator.EQUALS;
        }
        for (ConstraintOperator o : ConstraintOperator.values()) {
            if (o.wireName().equals(op)) {
                return o;
            }
        }
        String supported = Arrays.stream(ConstraintOperator.values())
                .map(ConstraintOperator::wireName).collect(Collectors.joining(", "));
        throw new InvalidJobException(path, (op.isEmpty() ? "missing" : "unknown operator " + Fields.quote(op))
                + " (supported: " + supported + ")");
    }

    private static Task task(JsonNode node, String path) {
        Fields f = Fields.of(node, path, TASK_FIELDS);
        if (!f.stringMap("Meta").isEmpty()) {
            throw new InvalidJobException(f.child("Meta"), "unsupported (task metadata is not kept; use the job's Meta)");
        }
        List<InputSource> inputs = new ArrayList<>();
        for (Fields.Element e : f.list("InputSources")) {
            inputs.add(SourceDecoder.inputSource(e.node(), e.path()));
        }
        if (!f.has("Engine")) {
            throw new InvalidJobException(f.child("Engine"), "missing; a task needs Engine{Type, Params}");
        }
        EngineSpec engine = EngineDecoder.engine(f.raw("Engine"), f.child("Engine"), inputs, f.child("InputSources"));
        List<ResultPath> results = new ArrayList<>();
        for (Fields.Element e : f.list("ResultPaths")) {
            Fields r = Fields.of(e.node(), e.path(), "Name", "Path");
            results.add(new ResultPath(r.string("Name", ""), r.string("Path", "")));
        }
        String name = f.string("Name", "");
        return new Task(
                name.isEmpty() ? "main" : name,
                engine,
                publisher(f),
                f.stringMap("Env"),
                inputs,
                results,
                Validation.resources(f.object("Resources", "CPU", "Memory", "Disk", "GPU"), f.child("Resources")),
                timeouts(f.object("Timeouts", "ExecutionTimeout", "QueueTimeout", "TotalTimeout")),
                network(f.object("Network", "Type", "Domains", "Ports")),
                verification(f.object("Verification", "Type", "Count", "Confidence")));
    }

    private static PublisherSpec publisher(Fields task) {
        Fields f = task.object("Publisher", "Type", "Params");
        if (f == null) {
            return PublisherSpec.defaultPublisher();
        }
        String type = f.string("Type", "").strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            type = PublisherSpec.defaultPublisher().type(); // Bacalhau writes an unset publisher as Type: ""
        }
        if (!type.equals(PublisherSpec.LOCAL) && !type.equals(PublisherSpec.IPFS)) {
            throw new InvalidJobException(f.child("Type"), "unsupported type '" + f.string("Type", "").strip()
                    + "' (supported: " + Validation.PUBLISHERS + ")");
        }
        return new PublisherSpec(type, f.stringMap("Params"));
    }

    private static Timeouts timeouts(Fields f) {
        if (f == null) {
            return Timeouts.NONE;
        }
        return new Timeouts(seconds(f, "ExecutionTimeout"), seconds(f, "QueueTimeout"), seconds(f, "TotalTimeout"));
    }

    private static Duration seconds(Fields f, String name) {
        long s = f.longInteger(name, 0);
        if (s < 0) {
            throw new InvalidJobException(f.child(name), "must not be negative (got " + s + ")");
        }
        return Duration.ofSeconds(s);
    }

    private static NetworkSpec network(Fields f) {
        if (f == null) {
            return NetworkSpec.NONE;
        }
        for (String unsupported : List.of("Domains", "Ports")) {
            if (f.has(unsupported) && !f.raw(unsupported).isEmpty()) {
                throw new InvalidJobException(f.child(unsupported), "unsupported (network " + unsupported.toLowerCase(Locale.ROOT)
                        + " are not implemented)");
            }
        }
        String type = f.string("Type", "").strip();
        if (type.isEmpty()) {
            return NetworkSpec.NONE;
        }
        for (NetworkType t : NetworkType.values()) {
            if (t.wireName().equalsIgnoreCase(type)) {
                return new NetworkSpec(t);
            }
        }
        String supported = Arrays.stream(NetworkType.values()).map(NetworkType::wireName).collect(Collectors.joining(", "));
        String why = type.equalsIgnoreCase("Bridge") ? "unsupported" : "unknown";
        throw new InvalidJobException(f.child("Type"), why + " network type '" + type + "' (supported: " + supported + ")");
    }

    private static Verification verification(Fields f) {
        if (f == null) {
            return Verification.NONE;
        }
        String type = f.string("Type", "").strip();
        VerificationType vt = null;
        for (VerificationType t : VerificationType.values()) {
            if (t.wireName().equalsIgnoreCase(type)) {
                vt = t;
            }
        }
        if (type.isEmpty()) {
            vt = VerificationType.NONE;
        }
        if (vt == null) {
            throw new InvalidJobException(f.child("Type"), "unknown verification type '" + type + "' (supported: deterministic, none)");
        }
        int count = f.integer("Count", 0);
        int confidence = f.integer("Confidence", vt == VerificationType.DETERMINISTIC ? count / 2 + 1 : 0);
        return new Verification(vt, count, confidence);
    }

    private static boolean hasField(JsonNode object, String name) {
        for (var it = object.fieldNames(); it.hasNext(); ) {
            if (it.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
