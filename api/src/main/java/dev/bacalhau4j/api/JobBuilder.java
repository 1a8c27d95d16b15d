package dev.bacalhau4j.api;

import dev.bacalhau4j.api.internal.spec.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mutable, single-threaded builder of one {@link Job}; start from {@link Job#wasm(Path)},
 * {@link Job#function(String)}, {@link Job#docker(String)}, {@link Job#builder()} or {@link Job#toBuilder()}.
 *
 * <p>Setters replace, adders ({@code label}, {@code env}, {@code input...}, {@code output}) append.
 * Engine-specific methods called on the other engine throw {@link IllegalStateException} naming the
 * engine. Values are checked in {@link #build()}, which throws {@link InvalidJobException} with the
 * spec path of the first problem ({@link JobSpecs#validate(Job)}); the builder stays usable after.
 *
 * <pre>{@code
 * Job job = Job.wasm(Path.of("wordcount.wasm"))
 *         .inputIpfs("bafy...", "/inputs")
 *         .output("outputs", "/outputs")
 *         .memory("64Mb").timeout(Duration.ofSeconds(30))
 *         .verify(3)
 *         .build();
 * }</pre>
 */
public final class JobBuilder {
    private String name = "";
    private String namespace = "default";
    private JobType type = JobType.BATCH;
    private int priority;
    private int count = 1;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private String taskName = "main";
    private EngineSpec engine;
    private PublisherSpec publisher = PublisherSpec.defaultPublisher();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<InputSource> inputs = new ArrayList<>();
    private final List<ResultPath> outputs = new ArrayList<>();
    private String cpu = "";
    private String memory = "";
    private String disk = "";
    private String gpu = "";
    private Duration executionTimeout = Duration.ZERO;
    private Duration queueTimeout = Duration.ZERO;
    private Duration totalTimeout = Duration.ZERO;
    private NetworkSpec network = NetworkSpec.NONE;
    private Verification verification = Verification.NONE;

    JobBuilder(EngineSpec engine) {
        this.engine = engine;
    }

    JobBuilder(Job job) {
        if (job.tasks().size() != 1) {
            throw new IllegalStateException("toBuilder() needs a job with exactly one task (got " + job.tasks().size() + ")");
        }
        name = job.name();
        namespace = job.namespace();
        type = job.type();
        priority = job.priority();
        count = job.count();
        labels.putAll(job.labels());
        constraints.addAll(job.constraints());
        meta.putAll(job.meta());
        Task t = job.task();
        taskName = t.name();
        engine = t.engine();
        publisher = t.publisher();
        env.putAll(t.env());
        inputs.addAll(t.inputSources());
        outputs.addAll(t.resultPaths());
        cpu = t.resources().cpu();
        memory = t.resources().memory();
        disk = t.resources().disk();
        gpu = t.resources().gpu();
        executionTimeout = t.timeouts().executionTimeout();
        queueTimeout = t.timeouts().queueTimeout();
        totalTimeout = t.timeouts().totalTimeout();
        network = t.network();
        verification = t.verification();
    }

    // ---- job ----

    /**
     * A human name for the job; empty by default.
     *
     * @param name the name
     * @return this builder
     */
    public JobBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name == null");
        return this;
    }

    /**
     * The namespace the job belongs to, {@code default} by default.
     *
     * @param namespace the namespace
     * @return this builder
     */
    public JobBuilder namespace(String namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace == null");
        return this;
    }

    /**
     * The kind of job, {@link JobType#BATCH} by default.
     *
     * @param type the job type
     * @return this builder
     */
    public JobBuilder type(JobType type) {
        this.type = Objects.requireNonNull(type, "type == null");
        return this;
    }

    /**
     * Scheduling priority: higher runs first when jobs wait for a slot. Default 0.
     *
     * @param priority the priority
     * @return this builder
     */
    public JobBuilder priority(int priority) {
        this.priority = priority;
        return this;
    }

    /**
     * How many executions to run, 1 by default.
     *
     * @param count the number of executions
     * @return this builder
     */
    public JobBuilder count(int count) {
        this.count = count;
        return this;
    }

    /**
     * Adds a label of the job, replacing an earlier one with the same key.
     *
     * @param key the label's key
     * @param value the label's value
     * @return this builder
     */
    public JobBuilder label(String key, String value) {
        labels.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
        return this;
    }

    /**
     * Adds a placement constraint on node labels, such as {@code constraint("region", IN, "eu", "us")}.
     *
     * @param key the node label
     * @param operator how the label is compared
     * @param values the values compared against (none for {@code EXISTS} and {@code DOES_NOT_EXIST})
     * @return this builder
     */
    public JobBuilder constraint(String key, ConstraintOperator operator, String... values) {
        constraints.add(new Constraint(key, operator, Arrays.asList(values)));
        return this;
    }

    /**
     * Adds a metadata entry (the job's {@code Meta}), replacing an earlier one with the same key.
     *
     * @param key the entry's key
     * @param value the entry's value
     * @return this builder
     */
    public JobBuilder meta(String key, String value) {
        meta.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
        return this;
    }

    // ---- engine ----

    /**
     * Replaces the program, engine params included.
     *
     * @param engine the program and its engine params
     * @return this builder
     */
    public JobBuilder engine(EngineSpec engine) {
        this.engine = Objects.requireNonNull(engine, "engine == null");
        return this;
    }

    /**
     * The task's name, {@code main} by default.
     *
     * @param taskName the name
     * @return this builder
     */
    public JobBuilder taskName(String taskName) {
        this.taskName = Objects.requireNonNull(taskName, "taskName == null");
        return this;
    }

    /**
     * WASM only: the exported function to call, {@code _start} by default.
     *
     * @param function the export's name
     * @return this builder
     * @throws IllegalStateException when the engine is not {@code wasm}
     */
    public JobBuilder entrypoint(String function) {
        Objects.requireNonNull(function, "function == null");
        WasmEngine w = wasm("entrypoint(String)", "for docker use entrypointCommand(...)");
        engine = new WasmEngine(w.entryModule(), function, w.parameters(), w.environmentVariables(), w.importModules());
        return this;
    }

    /**
     * WASM only: adds a module whose exports the entry module may import.
     *
     * @param module where the module's bytes come from
     * @return this builder
     * @throws IllegalStateException when the engine is not {@code wasm}
     */
    public JobBuilder importModule(InputSource module) {
        Objects.requireNonNull(module, "module == null");
        WasmEngine w = wasm("importModule(InputSource)", "docker images have no import modules");
        List<InputSource> imports = new ArrayList<>(w.importModules());
        imports.add(module);
        engine = new WasmEngine(w.entryModule(), w.entrypoint(), w.parameters(), w.environmentVariables(), imports);
        return this;
    }

    /**
     * Docker only: replaces the image's entrypoint.
     *
     * @param command the entrypoint and its first arguments
     * @return this builder
     * @throws IllegalStateException when the engine is not {@code docker}
     */
    public JobBuilder entrypointCommand(String... command) {
        DockerEngine d = docker("entrypointCommand(String...)", "for WASM use entrypoint(String)");
        engine = new DockerEngine(d.image(), List.of(command), d.parameters(), d.environmentVariables(), d.workingDirectory());
        return this;
    }

    /**
     * Docker only: the absolute directory the command runs in.
     *
     * @param directory an absolute path inside the container
     * @return this builder
     * @throws IllegalStateException when the engine is not {@code docker}
     */
    public JobBuilder workingDirectory(String directory) {
        Objects.requireNonNull(directory, "directory == null");
        DockerEngine d = docker("workingDirectory(String)", "WASM functions run in /");
        engine = new DockerEngine(d.image(), d.entrypoint(), d.parameters(), d.environmentVariables(), directory);
        return this;
    }

    /**
     * The program's arguments (after argv[0] for WASM, a function's {@code args}, after the entrypoint
     * for docker); replaces earlier ones.
     *
     * @param args the arguments
     * @return this builder
     */
    public JobBuilder args(String... args) {
        return parameters(List.of(args));
    }

    /**
     * Same as {@link #args(String...)}.
     *
     * @param parameters the arguments
     * @return this builder
     */
    public JobBuilder parameters(List<String> parameters) {
        List<String> p = List.copyOf(parameters);
        EngineSpec e = requireEngine("parameters");
        if (e instanceof WasmEngine w) {
            engine = new WasmEngine(w.entryModule(), w.entrypoint(), p, w.environmentVariables(), w.importModules());
        } else if (e instanceof FunctionEngine f) {
            engine = new FunctionEngine(f.language(), f.source(), p, f.environmentVariables());
        } else if (e instanceof DockerEngine d) {
            engine = new DockerEngine(d.image(), d.entrypoint(), p, d.environmentVariables(), d.workingDirectory());
        }
        return this;
    }

    /**
     * Adds an environment variable of the program (the task's {@code Env}).
     *
     * @param name the variable's name
     * @param value its value
     * @return this builder
     */
    public JobBuilder env(String name, String value) {
        env.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
        return this;
    }

    // ---- data ----

    /**
     * Adds an input.
     *
     * @param input the source and where it is mounted
     * @return this builder
     */
    public JobBuilder input(InputSource input) {
        inputs.add(Objects.requireNonNull(input, "input == null"));
        return this;
    }

    /**
     * Adds an input mounted read-only at the absolute path {@code target}.
     *
     * @param source where the data comes from
     * @param target the absolute path the program sees it at
     * @return this builder
     */
    public JobBuilder input(SourceSpec source, String target) {
        return input(new InputSource(source, "", target));
    }

    /**
     * Adds a host file or directory (made absolute), allowed only under the node's allow-listed paths.
     *
     * @param hostPath the file or directory on this machine
     * @param target the absolute path the program sees it at
     * @return this builder
     */
    public JobBuilder inputLocal(Path hostPath, String target) {
        return input(new LocalSource(hostPath.toAbsolutePath().normalize().toString(), false), target);
    }

    /**
     * Adds a file downloaded over http(s).
     *
     * @param url the {@code http} or {@code https} URL
     * @param target the absolute path the program sees it at
     * @return this builder
     */
    public JobBuilder inputUrl(String url, String target) {
        return input(new UrlSource(url, ""), target);
    }

    /**
     * Adds bytes carried in the spec itself.
     *
     * @param bytes the file's content
     * @param target the absolute path the program sees it at
     * @return this builder
     */
    public JobBuilder inputInline(byte[] bytes, String target) {
        return input(InlineSource.of(bytes), target);
    }

    /**
     * Adds UTF-8 text carried in the spec itself.
     *
     * @param text the file's content
     * @param target the absolute path the program sees it at
     * @return this builder
     */
    public JobBuilder inputInline(String text, String target) {
        return input(InlineSource.ofText(text), target);
    }

    /**
     * Adds IPFS content: a CID, optionally followed by a path inside it.
     *
     * @param cid a CID, or {@code CID/path}
     * @param target the absolute path the program sees it at
     * @return this builder
     */
    public JobBuilder inputIpfs(String cid, String target) {
        return input(new IpfsSource(cid), target);
    }

    /**
     * Feeds {@code bytes} to the program's standard input: an inline input whose target is
     * {@link InputSource#STDIN} ({@code /dev/stdin}), which by convention is streamed to standard
     * input rather than mounted.
     *
     * @param bytes what the program reads from standard input
     * @return this builder
     */
    public JobBuilder stdin(byte[] bytes) {
        return inputInline(bytes, InputSource.STDIN);
    }

    /**
     * Feeds UTF-8 {@code text} to the program's standard input; see {@link #stdin(byte[])}.
     *
     * @param text what the program reads from standard input
     * @return this builder
     */
    public JobBuilder stdin(String text) {
        return inputInline(text, InputSource.STDIN);
    }

    /**
     * Adds a directory whose contents are published as the output {@code name}.
     *
     * @param name the output's name in the published result
     * @param path the absolute directory the program writes it to
     * @return this builder
     */
    public JobBuilder output(String name, String path) {
        outputs.add(new ResultPath(name, path));
        return this;
    }

    /**
     * Where results are published, {@link PublisherSpec#defaultPublisher()} ({@code ipfs}) by default.
     *
     * @param publisher the publisher
     * @return this builder
     */
    public JobBuilder publisher(PublisherSpec publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher == null");
        return this;
    }

    // ---- limits ----

    /**
     * CPU cores: {@code 500m}, {@code 0.5}, {@code 2}.
     *
     * @param cpu the quantity, as job specs write it
     * @return this builder
     */
    public JobBuilder cpu(String cpu) {
        this.cpu = Objects.requireNonNull(cpu, "cpu == null");
        return this;
    }

    /**
     * Memory: {@code 64Mb} (10<sup>6</sup> bytes per Mb), {@code 512Mi} (2<sup>20</sup> per Mi), {@code 1Gb}.
     *
     * @param memory the size, as job specs write it
     * @return this builder
     */
    public JobBuilder memory(String memory) {
        this.memory = Objects.requireNonNull(memory, "memory == null");
        return this;
    }

    /**
     * Disk, in the forms of {@link #memory(String)}.
     *
     * @param disk the size, as job specs write it
     * @return this builder
     */
    public JobBuilder disk(String disk) {
        this.disk = Objects.requireNonNull(disk, "disk == null");
        return this;
    }

    /**
     * How many GPUs the job needs; 0 (the default) for none.
     *
     * @param count the number of GPUs
     * @return this builder
     */
    public JobBuilder gpu(int count) {
        this.gpu = count == 0 ? "" : Integer.toString(count);
        return this;
    }

    /**
     * How long one execution may run; rounded up to whole seconds, as specs write them.
     *
     * @param timeout the limit; zero for the node's default
     * @return this builder
     */
    public JobBuilder timeout(Duration timeout) {
        this.executionTimeout = wholeSeconds(timeout);
        return this;
    }

    /**
     * How long the job may wait for capacity; rounded up to whole seconds.
     *
     * @param timeout the limit; zero for the node's default
     * @return this builder
     */
    public JobBuilder queueTimeout(Duration timeout) {
        this.queueTimeout = wholeSeconds(timeout);
        return this;
    }

    /**
     * How long the whole job may take; rounded up to whole seconds.
     *
     * @param timeout the limit; zero for the node's default
     * @return this builder
     */
    public JobBuilder totalTimeout(Duration timeout) {
        this.totalTimeout = wholeSeconds(timeout);
        return this;
    }

    /**
     * The network the program may reach, {@link NetworkType#NONE} by default.
     *
     * @param network the network type
     * @return this builder
     */
    public JobBuilder network(NetworkType network) {
        this.network = new NetworkSpec(network);
        return this;
    }

    // ---- verification ----

    /**
     * Runs on {@code count} nodes and accepts the output a majority ({@code count / 2 + 1}) agrees on.
     *
     * @param count how many nodes run the job
     * @return this builder
     */
    public JobBuilder verify(int count) {
        return verify(count, count / 2 + 1);
    }

    /**
     * Runs on {@code count} nodes and accepts the output at least {@code confidence} of them agree on.
     *
     * @param count how many nodes run the job
     * @param confidence how many of them must publish the same output
     * @return this builder
     */
    public JobBuilder verify(int count, int confidence) {
        return verification(new Verification(VerificationType.DETERMINISTIC, count, confidence));
    }

    /**
     * Replaces the verification; {@link Verification#NONE} turns it off.
     *
     * @param verification the verification
     * @return this builder
     */
    public JobBuilder verification(Verification verification) {
        this.verification = Objects.requireNonNull(verification, "verification == null");
        return this;
    }

    /**
     * The job.
     *
     * @return the job, validated
     * @throws IllegalStateException when no engine was given
     * @throws InvalidJobException when a value is invalid, naming its spec path
     */
    public Job build() {
        requireEngine("build()");
        Resources resources = Validation.resources(cpu, memory, disk, gpu, "Tasks[0].Resources");
        Task task = new Task(taskName, engine, publisher, env, inputs, outputs, resources,
                new Timeouts(executionTimeout, queueTimeout, totalTimeout), network, verification);
        return JobSpecs.validate(new Job(name, namespace, type, priority, count, labels, constraints, meta, List.of(task)));
    }

    private EngineSpec requireEngine(String method) {
        if (engine == null) {
            throw new IllegalStateException(method + " needs an engine: start from Job.wasm(...), Job.function(...) or Job.docker(...), or call engine(...)");
        }
        return engine;
    }

    private WasmEngine wasm(String method, String hint) {
        if (requireEngine(method) instanceof WasmEngine w) {
            return w;
        }
        throw new IllegalStateException(method + " is for WASM jobs, not " + engine.type() + " (" + hint + ")");
    }

    private DockerEngine docker(String method, String hint) {
        if (requireEngine(method) instanceof DockerEngine d) {
            return d;
        }
        throw new IllegalStateException(method + " is for docker jobs, not " + engine.type() + " (" + hint + ")");
    }

    private static Duration wholeSeconds(Duration d) {
        Objects.requireNonNull(d, "timeout == null");
        return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
    }
}
