package dev.bacalhau4j.api.internal.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bacalhau4j.api.Constraint;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.ResultPath;
import dev.bacalhau4j.api.SourceSpec;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.Timeouts;
import dev.bacalhau4j.api.UrlSource;
import dev.bacalhau4j.api.Verification;
import dev.bacalhau4j.api.VerificationType;
import dev.bacalhau4j.api.WasmEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Encodes a {@link Job} as an ordered spec tree: fields in the order of Bacalhau's Go structs,
 * defaults and empty values left out. {@code Type}, the task {@code Name}, {@code Engine} and
 * {@code Publisher} are always written, because Bacalhau requires the first three and the
 * default publisher may change.
 */
public final class JobEncoder {
    private JobEncoder() {}

    public static ObjectNode encode(Job job) {
        ObjectNode o = Jackson.NODES.objectNode();
        text(o, "Name", job.name(), "");
        text(o, "Namespace", job.namespace(), "default");
        o.put("Type", job.type().wireName());
        if (job.priority() != 0) {
            o.put("Priority", job.priority());
        }
        if (job.count() != 1) {
            o.put("Count", job.count());
        }
        if (!job.constraints().isEmpty()) {
            ArrayNode list = o.putArray("Constraints");
            job.constraints().forEach(c -> list.add(constraint(c)));
        }
        map(o, "Meta", job.meta());
        map(o, "Labels", job.labels());
        ArrayNode tasks = o.putArray("Tasks");
        job.tasks().forEach(t -> tasks.add(task(t)));
        return o;
    }

    private static ObjectNode constraint(Constraint c) {
        ObjectNode o = Jackson.NODES.objectNode();
        o.put("Key", c.key());
        o.put("Operator", c.operator().wireName());
        strings(o, "Values", c.values());
        return o;
    }

    private static ObjectNode task(Task t) {
        ObjectNode o = Jackson.NODES.objectNode();
        o.put("Name", t.name());
        ObjectNode engine = o.putObject("Engine");
        engine.put("Type", t.engine().type());
        ObjectNode params = engine.putObject("Params");
        if (t.engine() instanceof DockerEngine d) {
            text(params, "Image", d.image(), "");
            strings(params, "Entrypoint", d.entrypoint());
            strings(params, "Parameters", d.parameters());
            strings(params, "EnvironmentVariables", d.environmentVariables());
            text(params, "WorkingDirectory", d.workingDirectory(), "");
        } else if (t.engine() instanceof WasmEngine w) {
            params.set("EntryModule", input(w.entryModule()));
            text(params, "Entrypoint", w.entrypoint(), WasmEngine.DEFAULT_ENTRYPOINT);
            strings(params, "Parameters", w.parameters());
            map(params, "EnvironmentVariables", w.environmentVariables());
            if (!w.importModules().isEmpty()) {
                ArrayNode list = params.putArray("ImportModules");
                w.importModules().forEach(m -> list.add(input(m)));
            }
        } else if (t.engine() instanceof FunctionEngine f) {
            params.put("Language", f.language());
            params.set("Source", input(f.source()));
            strings(params, "Parameters", f.parameters());
            map(params, "EnvironmentVariables", f.environmentVariables());
        }
        if (params.isEmpty()) {
            engine.remove("Params");
        }
        ObjectNode publisher = o.putObject("Publisher");
        publisher.put("Type", t.publisher().type());
        map(publisher, "Params", t.publisher().params());
        map(o, "Env", t.env());
        if (!t.inputSources().isEmpty()) {
            ArrayNode list = o.putArray("InputSources");
            t.inputSources().forEach(i -> list.add(input(i)));
        }
        if (!t.resultPaths().isEmpty()) {
            ArrayNode list = o.putArray("ResultPaths");
            for (ResultPath r : t.resultPaths()) {
                list.addObject().put("Name", r.name()).put("Path", r.path());
            }
        }
        ObjectNode resources = Jackson.NODES.objectNode();
        text(resources, "CPU", t.resources().cpu(), "");
        text(resources, "Memory", t.resources().memory(), "");
        text(resources, "Disk", t.resources().disk(), "");
        text(resources, "GPU", t.resources().gpu(), "");
        nonEmpty(o, "Resources", resources);
        if (t.network().type() != NetworkType.NONE) {
            o.putObject("Network").put("Type", t.network().type().wireName());
        }
        nonEmpty(o, "Timeouts", timeouts(t.timeouts()));
        Verification v = t.verification();
        if (!v.equals(Verification.NONE)) {
            ObjectNode ver = o.putObject("Verification");
            ver.put("Type", v.type().wireName());
            if (v.count() != 0 || v.type() == VerificationType.DETERMINISTIC) {
                ver.put("Count", v.count());
                ver.put("Confidence", v.confidence());
            }
        }
        return o;
    }

    private static ObjectNode timeouts(Timeouts t) {
        ObjectNode o = Jackson.NODES.objectNode();
        seconds(o, "ExecutionTimeout", t.executionTimeout());
        seconds(o, "QueueTimeout", t.queueTimeout());
        seconds(o, "TotalTimeout", t.totalTimeout());
        return o;
    }

    private static void seconds(ObjectNode o, String name, Duration d) {
        if (!d.isZero()) {
            o.put(name, d.getSeconds());
        }
    }

    static ObjectNode input(InputSource in) {
        ObjectNode o = Jackson.NODES.objectNode();
        ObjectNode source = o.putObject("Source");
        source.put("Type", in.source().type());
        ObjectNode params = source.putObject("Params");
        source(params, in.source());
        text(o, "Alias", in.alias(), "");
        text(o, "Target", in.target(), "");
        return o;
    }

    private static void source(ObjectNode params, SourceSpec s) {
        if (s instanceof IpfsSource ipfs) {
            params.put("CID", ipfs.cid());
        } else if (s instanceof UrlSource url) {
            params.put("URL", url.url());
            text(params, "Checksum", url.checksum(), "");
        } else if (s instanceof LocalSource local) {
            params.put("SourcePath", local.sourcePath());
            if (local.readWrite()) {
                params.put("ReadWrite", true);
            }
        } else if (s instanceof InlineSource inline) {
            params.put("URL", inline.url());
        }
    }

    private static void text(ObjectNode o, String name, String value, String absent) {
        if (!value.equals(absent)) {
            o.put(name, value);
        }
    }

    private static void strings(ObjectNode o, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode list = o.putArray(name);
            values.forEach(list::add);
        }
    }

    private static void map(ObjectNode o, String name, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode m = o.putObject(name);
            map.forEach(m::put);
        }
    }

    private static void nonEmpty(ObjectNode o, String name, ObjectNode value) {
        if (!value.isEmpty()) {
            o.set(name, value);
        }
    }
}
