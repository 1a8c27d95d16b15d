package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobBuilder;
import dev.bacalhau4j.api.NetworkType;
import dev.bacalhau4j.api.PublisherSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** The job flags {@code wasm run} and {@code docker run} share, named as Bacalhau's CLI names them. */
final class JobFlags {
    /** Spec fields set from one flag, to name the flag in errors. */
    private static final Map<String, String> FLAGS = Map.of(
            "Tasks[0].Resources.Memory", "--memory",
            "Tasks[0].Resources.CPU", "--cpu",
            "Tasks[0].Engine.Params.Entrypoint", "--entrypoint",
            "Count", "--count",
            "Tasks[0].Verification.Count", "--verify");

    @Option(names = {"-i", "--input"}, paramLabel = "URI[:TARGET]", converter = InputOption.Converter.class,
            description = "Input data (repeatable): file:///abs/path, ipfs://CID[/path] or https://..., mounted "
                    + "read-only at TARGET (default /inputs); also src=URI,dst=TARGET.")
    List<InputOption> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "NAME:PATH",
            description = "A result path (repeatable): what the program writes under PATH is published as NAME. "
                    + "Default: outputs:/outputs.")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "An environment variable (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = {"-l", "--labels"}, paramLabel = "KEY=VALUE", split = ",",
            description = "A job label (repeatable, or comma-separated).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory cap, as Bacalhau writes it: 64Mb, 1Gb, 512Mi.")
    String memory = "";

    @Option(names = "--cpu", paramLabel = "CPU", description = "CPU asked for: 500m, 0.5, 1.")
    String cpu = "";

    @Option(names = "--timeout", paramLabel = "DURATION", converter = GoDuration.class,
            description = "Execution timeout: 30s, 5m, 1h30m, or plain seconds. Default: the node's (30m).")
    Duration timeout = Duration.ZERO;

    @Option(names = "--network", paramLabel = "TYPE",
            description = "Network access: None (default), Host, Full, HTTP. Nodes refuse what their policy forbids.")
    String network = "";

    @Option(names = "--count", paramLabel = "N", description = "Executions to run, on distinct nodes. Default: 1.")
    int count = 1;

    @Option(names = "--constraints", paramLabel = "SELECTOR",
            description = "Node label selector: 'region=eu,gpu!=true', 'zone in (a,b)', 'arch', '!spot'.")
    String constraints = "";

    @Option(names = "--verify", paramLabel = "N",
            description = "Run on N distinct nodes and accept the result their output CIDs agree on.")
    int verify = 0;

    @Option(names = {"-p", "--publisher"}, paramLabel = "TYPE",
            description = "Where results go: ipfs (default) or local.")
    String publisher = "";

    @Option(names = "--name", paramLabel = "NAME", description = "A name for the job. Default: its id.")
    String name = "";

    /** Local paths named by {@code file://} inputs, which this invocation allows. */
    List<Path> localPaths() {
        return inputs.stream().flatMap(i -> i.localPath().stream()).toList();
    }

    /** Applies the flags to {@code job} and builds it, naming the flag when a value is refused. */
    Job build(JobBuilder job) {
        job.name(name).cpu(cpu).memory(memory).timeout(timeout).count(count);
        env.forEach(job::env);
        labels.forEach(job::label);
        inputs.forEach(i -> job.input(i.input()));
        for (String o : outputs.isEmpty() ? List.of("outputs:/outputs") : outputs) {
            int colon = o.indexOf(':');
            if (colon < 1 || colon == o.length() - 1) {
                throw new UsageException("--output: expected NAME:PATH, like outputs:/outputs (got '" + o + "')");
            }
            job.output(o.substring(0, colon), o.substring(colon + 1));
        }
        if (!network.isBlank()) {
            job.network(networkType());
        }
        if (!constraints.isBlank()) {
            ConstraintOption.apply(constraints, job);
        }
        if (verify > 0) {
            job.verify(verify);
        }
        if (!publisher.isBlank()) {
            job.publisher(new PublisherSpec(publisher.strip().toLowerCase(Locale.ROOT), Map.of()));
        }
        try {
            return job.build();
        } catch (InvalidJobException e) {
            String flag = FLAGS.get(e.fieldPath());
            if (flag == null && e.fieldPath().endsWith(".Publisher.Type")) {
                flag = "--publisher";
            }
            throw flag == null ? e : new UsageException(flag + ": " + e.reason(), e);
        }
    }

    private NetworkType networkType() {
        for (NetworkType type : NetworkType.values()) {
            if (type.wireName().equalsIgnoreCase(network.strip())) {
                return type;
            }
        }
        throw new UsageException("--network: unknown type '" + network + "' (use None, Host, Full or HTTP)");
    }
}
