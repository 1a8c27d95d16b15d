package dev.bacalhau4j.api.internal.spec;

import dev.bacalhau4j.api.Constraint;
import dev.bacalhau4j.api.DockerEngine;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.PublisherSpec;
import dev.bacalhau4j.api.ResourceQuantities;
import dev.bacalhau4j.api.Resources;
import dev.bacalhau4j.api.ResultPath;
import dev.bacalhau4j.api.SourceSpec;
import dev.bacalhau4j.api.Task;
import dev.bacalhau4j.api.Timeouts;
import dev.bacalhau4j.api.UrlSource;
import dev.bacalhau4j.api.Verification;
import dev.bacalhau4j.api.VerificationType;
import dev.bacalhau4j.api.WasmEngine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * Semantic checks of a {@link Job}, run after decoding and by builders; the first problem found is
 * thrown as an {@link InvalidJobException} naming the spec path of the field at fault.
 */
public final class Validation {
    static final String PUBLISHERS = "ipfs, local";
    private static final List<String> RESERVED_MOUNT_ROOTS = List.of("/proc", "/sys", "/dev");
    private static final java.util.Set<String> RESERVED_RESULT_NAMES = java.util.Set.of("stdout", "stderr", "exitCode");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    /** 100 years: longer timeouts overflow the nanosecond clocks that run them. */
    static final long MAX_TIMEOUT_SECONDS = 100L * 365 * 24 * 3600;

    private Validation() {}

    /** Checks {@code job}; returns normally when it can be run. */
    public static void validate(Job job) {
        if (job.namespace().isBlank()) {
            fail("Namespace", "must not be empty");
        }
        printable(job.name(), "Name");
        printable(job.namespace(), "Namespace");
        keysAndValues(job.labels(), "Labels", true);
        keysAndValues(job.meta(), "Meta", false);
        if (job.count() < 1) {
            fail("Count", "must be at least 1 (got " + job.count() + ")");
        }
        for (int i = 0; i < job.constraints().size(); i++) {
            constraint(job.constraints().get(i), "Constraints[" + i + "]");
        }
        if (job.tasks().size() != 1) {
            fail("Tasks", "exactly one task is supported (got " + job.tasks().size() + ")");
        }
        task(job.task(), "Tasks[0]");
    }

    /**
     * Resources from spec strings, each checked with the path of its field
     * ({@code Tasks[0].Resources.Memory: not a size (got "64Zb"; ...)}).
     */
    public static Resources resources(String cpu, String memory, String disk, String gpu, String path) {
        quantity(cpu, path + ".CPU", ResourceQuantities::cpuMillis);
        quantity(memory, path + ".Memory", ResourceQuantities::bytes);
        quantity(disk, path + ".Disk", ResourceQuantities::bytes);
        quantity(gpu, path + ".GPU", ResourceQuantities::gpuCount);
        return new Resources(cpu, memory, disk, gpu);
    }

    static Resources resources(Fields f, String path) {
        if (f == null) {
            return Resources.NONE;
        }
        return resources(f.string("CPU", ""), f.string("Memory", ""), f.string("Disk", ""), f.string("GPU", ""), path);
    }

    private static void quantity(String value, String path, ToLongFunction<String> parse) {
        try {
            parse.applyAsLong(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException(path, e.getMessage(), e);
        }
    }

    private static void constraint(Constraint c, String path) {
        if (c.key().isBlank()) {
            fail(path + ".Key", "must not be empty");
        }
        int n = c.values().size();
        String op = c.operator().wireName();
        switch (c.operator()) {
            case EXISTS, DOES_NOT_EXIST -> {
                if (n != 0) {
                    fail(path + ".Values", "operator " + op + " takes no values (got " + n + ")");
                }
            }
            case IN, NOT_IN -> {
                if (n == 0) {
                    fail(path + ".Values", "operator " + op + " needs at least one value (got 0)");
                }
            }
            default -> {
                if (n != 1) {
                    fail(path + ".Values", "operator " + op + " takes exactly one value (got " + n + ")");
                }
            }
        }
        if ((op.equals("gt") || op.equals("lt")) && !c.values().get(0).matches("-?[0-9]+")) {
            fail(path + ".Values[0]", "operator " + op + " needs an integer (got " + Fields.quote(c.values().get(0)) + ")");
        }
    }

    private static void task(Task t, String path) {
        if (t.name().isBlank()) {
            fail(path + ".Name", "must not be empty");
        }
        printable(t.name(), path + ".Name");
        String params = path + ".Engine.Params";
        if (t.engine() instanceof DockerEngine d) {
            if (d.image().isBlank()) {
                fail(params + ".Image", "must not be empty");
            }
            if (!d.workingDirectory().isEmpty()) {
                absolute(d.workingDirectory(), params + ".WorkingDirectory");
            }
        } else if (t.engine() instanceof WasmEngine w) {
            module(w.entryModule(), params + ".EntryModule");
            if (w.entrypoint().isBlank()) {
                fail(params + ".Entrypoint", "must not be empty");
            }
            for (int i = 0; i < w.importModules().size(); i++) {
                module(w.importModules().get(i), params + ".ImportModules[" + i + "]");
            }
            noNetwork(t, path);
        } else if (t.engine() instanceof FunctionEngine f) {
            module(f.source(), params + ".Source");
            noNetwork(t, path);
        }
        publisher(t.publisher(), path + ".Publisher");
        env(t.env(), path + ".Env");
        inputs(t.inputSources(), path + ".InputSources");
        moduleTargets(t, path);
        results(t.resultPaths(), path + ".ResultPaths");
        timeouts(t.timeouts(), path + ".Timeouts");
        verification(t.verification(), path + ".Verification");
    }

    private static void noNetwork(Task t, String path) {
        NetworkType net = t.network().type();
        if (net != NetworkType.NONE && net != NetworkType.DEFAULT) {
            fail(path + ".Network.Type", "WASM functions have no network (got " + net.wireName() + "; use None)");
        }
    }

    private static void module(InputSource module, String path) {
        source(module.source(), path + ".Source");
        if (!module.target().isEmpty()) {
            absolute(module.target(), path + ".Target");
        }
    }

    /** WASM modules with a target are mounted there too, so it must not be an input's target. */
    private static void moduleTargets(Task t, String path) {
        List<InputSource> modules = new java.util.ArrayList<>();
        String first;
        if (t.engine() instanceof WasmEngine w) {
            modules.add(w.entryModule());
            modules.addAll(w.importModules());
            first = "EntryModule";
        } else if (t.engine() instanceof FunctionEngine f) {
            modules.add(f.source());
            first = "Source";
        } else {
            return;
        }
        for (int m = 0; m < modules.size(); m++) {
            String target = modules.get(m).target();
            String at = path + ".Engine.Params." + (m == 0 ? first : "ImportModules[" + (m - 1) + "]") + ".Target";
            for (int i = 0; i < t.inputSources().size() && !target.isEmpty(); i++) {
                if (t.inputSources().get(i).target().equals(target)) {
                    fail(at, "duplicate target " + Fields.quote(target) + " (also InputSources[" + i + "])");
                }
            }
        }
    }

    private static void publisher(PublisherSpec p, String path) {
        if (!p.type().equals(PublisherSpec.LOCAL) && !p.type().equals(PublisherSpec.IPFS)) {
            fail(path + ".Type", "unsupported type '" + p.type() + "' (supported: " + PUBLISHERS + ")");
        }
    }

    private static void env(Map<String, String> env, String path) {
        for (String name : env.keySet()) {
            if (name.isBlank() || name.contains("=") || hasControlCharacter(name)) {
                fail(path + "." + Fields.quote(name), "not a variable name (it must be non-empty, with no '=' and no "
                        + "control characters)");
            }
        }
    }

    private static void inputs(List<InputSource> inputs, String path) {
        Map<String, Integer> targets = new HashMap<>();
        Map<String, Integer> aliases = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSource in = inputs.get(i);
            String at = path + "[" + i + "]";
            source(in.source(), at + ".Source");
            mountPoint(in.target(), at + ".Target", true);
            Integer seen = targets.putIfAbsent(in.target(), i);
            if (seen != null) {
                fail(at + ".Target", "duplicate target " + Fields.quote(in.target()) + " (also InputSources[" + seen + "])");
            }
            printable(in.alias(), at + ".Alias");
            if (!in.alias().isEmpty()) {
                seen = aliases.putIfAbsent(in.alias(), i);
                if (seen != null) {
                    fail(at + ".Alias", "duplicate alias " + Fields.quote(in.alias()) + " (also InputSources[" + seen + "])");
                }
            }
        }
    }

    private static void source(SourceSpec source, String path) {
        String params = path + ".Params";
        if (source instanceof IpfsSource s) {
            if (s.cid().isBlank()) {
                fail(params + ".CID", "must not be empty");
            }
        } else if (source instanceof UrlSource s) {
            String scheme = s.url().toLowerCase(Locale.ROOT);
            if (s.url().isBlank()) {
                fail(params + ".URL", "must not be empty");
            }
            if (!scheme.startsWith("http://") && !scheme.startsWith("https://")) {
                fail(params + ".URL", "must be an http or https URL (got " + Fields.quote(s.url()) + ")");
            }
            if (!s.checksum().isEmpty() && !SHA256.matcher(s.checksum()).matches()) {
                fail(params + ".Checksum", "not a checksum (got " + Fields.quote(s.checksum()) + "; use sha256:<64 hex digits>)");
            }
        } else if (source instanceof LocalSource s) {
            if (s.sourcePath().isBlank()) {
                fail(params + ".SourcePath", "must not be empty");
            }
            if (!s.sourcePath().startsWith("/")) {
                fail(params + ".SourcePath", "must be an absolute path on the node (got " + Fields.quote(s.sourcePath()) + ")");
            }
        } else if (source instanceof InlineSource s) {
            if (s.url().isEmpty()) {
                fail(params + ".URL", "must not be empty");
            }
        }
    }

    private static void results(List<ResultPath> results, String path) {
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> paths = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            ResultPath r = results.get(i);
            String at = path + "[" + i + "]";
            if (r.name().isBlank()) {
                fail(at + ".Name", "must not be empty");
            }
            if (RESERVED_RESULT_NAMES.contains(r.name())) {
                fail(at + ".Name", Fields.quote(r.name()) + " is reserved: published results hold the program's "
                        + "stdout, stderr and exitCode under those names");
            }
            if (r.name().equals(".") || r.name().equals("..") || r.name().contains("/")
                    || r.name().chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                fail(at + ".Name", "must be a single file name (got " + Fields.quote(r.name()) + ")");
            }
            Integer seen = names.putIfAbsent(r.name(), i);
            if (seen != null) {
                fail(at + ".Name", "duplicate name " + Fields.quote(r.name()) + " (also ResultPaths[" + seen + "])");
            }
            mountPoint(r.path(), at + ".Path", false);
            seen = paths.putIfAbsent(r.path(), i);
            if (seen != null) {
                fail(at + ".Path", "duplicate path " + Fields.quote(r.path()) + " (also ResultPaths[" + seen + "])");
            }
        }
    }

    private static void timeouts(Timeouts t, String path) {
        seconds(t.executionTimeout(), path + ".ExecutionTimeout");
        seconds(t.queueTimeout(), path + ".QueueTimeout");
        seconds(t.totalTimeout(), path + ".TotalTimeout");
        long total = t.totalTimeout().getSeconds();
        long parts = t.executionTimeout().getSeconds() + t.queueTimeout().getSeconds();
        if (total > 0 && parts > total) {
            fail(path + ".TotalTimeout", "must be at least ExecutionTimeout + QueueTimeout (got " + total
                    + " < " + t.executionTimeout().getSeconds() + " + " + t.queueTimeout().getSeconds() + ")");
        }
    }

    private static void seconds(Duration d, String path) {
        if (d.isNegative()) {
            fail(path, "must not be negative (got " + d.getSeconds() + ")");
        }
        if (d.getSeconds() > MAX_TIMEOUT_SECONDS) {
            fail(path, "too long (got " + d.getSeconds() + " s; at most " + MAX_TIMEOUT_SECONDS + ", 100 years)");
        }
        if (d.getNano() != 0) {
            fail(path, "must be whole seconds (got " + d + ")");
        }
    }

    private static void verification(Verification v, String path) {
        if (v.type() == VerificationType.NONE) {
            if (v.count() != 0 || v.confidence() != 0) {
                fail(path + ".Count", "must be 0 when Type is none (got Count " + v.count() + ", Confidence "
                        + v.confidence() + "; set Type: deterministic to verify)");
            }
            return;
        }
        if (v.count() < 1) {
            fail(path + ".Count", "must be at least 1 for deterministic verification (got " + v.count() + ")");
        }
        if (v.confidence() < 1 || v.confidence() > v.count()) {
            fail(path + ".Confidence", "must be between 1 and Count (" + v.count() + ") (got " + v.confidence() + ")");
        }
    }

    private static void absolute(String p, String path) {
        if (!p.startsWith("/")) {
            fail(path, "must be an absolute path (got " + Fields.quote(p) + ")");
        }
        if (hasControlCharacter(p)) {
            fail(path, "must not contain control characters (got " + Fields.quote(p) + ")");
        }
        String[] segments = p.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean trailingSlash = i == segments.length - 1 && segments[i].isEmpty() && segments.length > 1;
            if ((segments[i].isEmpty() && !trailingSlash && !p.equals("/")) || segments[i].equals(".")
                    || segments[i].equals("..")) {
                fail(path, "must be a plain absolute path, without empty, '.' or '..' segments (got " + Fields.quote(p) + ")");
            }
        }
    }

    /**
     * Where a job mounts data: a plain absolute path, not the root and not inside the kernel's
     * file systems (a container would shadow /proc, /sys or /dev); {@code /dev/stdin} is allowed
     * for inputs, which feed the program's standard input.
     */
    private static void mountPoint(String p, String path, boolean input) {
        if (input && p.equals(InputSource.STDIN)) {
            return;
        }
        absolute(p, path);
        if (p.equals("/") || p.matches("/+")) {
            fail(path, "must not be the root directory");
        }
        for (String reserved : RESERVED_MOUNT_ROOTS) {
            if (p.equals(reserved) || p.startsWith(reserved + "/")) {
                fail(path, "must not be inside " + reserved + " (got " + Fields.quote(p) + ")");
            }
        }
    }

    /** Names end up in logs, terminals and file names: no control characters. */
    private static void printable(String value, String path) {
        if (hasControlCharacter(value)) {
            fail(path, "must not contain control characters (got " + Fields.quote(value) + ")");
        }
    }

    /** Keys (and, for labels, values) without control characters; the path names the key. */
    private static void keysAndValues(Map<String, String> map, String path, boolean values) {
        for (Map.Entry<String, String> e : map.entrySet()) {
            printable(e.getKey(), path);
            if (values) printable(e.getValue(), path + "." + Fields.quote(e.getKey()));
        }
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static void fail(String path, String reason) {
        throw new InvalidJobException(path, reason);
    }
}
