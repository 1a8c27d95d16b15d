package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code bacalhau4j}: the top command and its global options. Each invocation opens the embedded
 * node on {@code --node-dir} (or, for job commands given {@code --nats} and {@code --orchestrator},
 * a client of that remote orchestrator), does one thing and closes it.
 */
@Command(name = "bacalhau4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compute over data: run WebAssembly, JavaScript and Docker jobs on an embedded Bacalhau4j node,"
                + " or serve it as part of a network of nodes over NATS.%n"
                + "Jobs, their history and published results are kept under the node directory.%n"
                + "With --nats and --orchestrator, job commands go to that remote orchestrator instead.",
        subcommands = {WasmCommand.class, FunctionCommand.class, DockerCommand.class, JobCommand.class, NodeCommand.class, IpfsCommand.class, ServeCommand.class,
            HelpCommand.class},
        footer = {"%nExamples:",
                "  bacalhau4j wasm run echo.wasm hello -e NAME=world",
                "  bacalhau4j wasm run wordcount.wasm -i file:///data/texts:/inputs",
                "  bacalhau4j job run job.yaml --follow        # or -f job.yaml (-f is --file)",
                "  bacalhau4j job list",
                "  bacalhau4j job describe j-...",
                "  bacalhau4j job executions j-...",
                "  bacalhau4j job logs j-... --follow",
                "  bacalhau4j job stop j-...",
                "  bacalhau4j job get j-... --output-dir results",
                "  bacalhau4j node list",
                "  bacalhau4j --nats nats://127.0.0.1:4222 --orchestrator n-... wasm run echo.wasm hi",
                "  bacalhau4j ipfs add ./data",
                "  bacalhau4j serve --gateway-port 8080",
                "  bacalhau4j serve --orchestrator --nats nats://127.0.0.1:4222",
                "%nExit codes:",
                "  0  done (a job's program exited 0)",
                "  N  a job's program exited with code N",
                "  1  the job failed or was stopped",
                "  2  a usage or job-spec error"})
final class BacalhauCommand implements Runnable {

    @Option(names = "--node-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The node directory (job store and results). Default: $BACALHAU4J_DIR or ~/.bacalhau4j.")
    Path nodeDir;

    @Option(names = "--allow-local-path", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Allow jobs to read local inputs from under DIR (repeatable). None by default.")
    List<Path> allowLocalPaths = new ArrayList<>();

    @Option(names = "--gateway", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "An IPFS gateway to fetch missing data from (repeatable, tried in order), e.g. a peer's "
                    + "http://127.0.0.1:8080 or https://ipfs.io. Every block is verified against its CID.")
    List<java.net.URI> gateways = new ArrayList<>();

    @Option(names = "--import-profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "How results and added files become CIDs: unixfs-v0-2015 (default), kubo-v1-raw, unixfs-v1-2025.")
    String importProfile;

    @Option(names = "--nats", paramLabel = "URI", description = RemoteOptions.NATS_HELP)
    java.net.URI nats;

    @Option(names = "--orchestrator", paramLabel = "ID", description = RemoteOptions.ORCHESTRATOR_HELP)
    String orchestratorId;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors, and the node's log at INFO level.")
    boolean verbose;

    /** When live progress is drawn on stderr. */
    enum ProgressWhen { AUTO, ALWAYS, NEVER }

    @Option(names = "--progress", paramLabel = "WHEN", scope = ScopeType.INHERIT,
            description = "Live progress on stderr while waiting for a job (state and elapsed time) or moving data "
                    + "(a bar with bytes and rate): auto (default: only when stderr is a terminal), always, never. "
                    + "Never with --output json|yaml or --id-only; stdout is the same either way.")
    ProgressWhen progress = ProgressWhen.AUTO;

    @Option(names = "--no-progress", scope = ScopeType.INHERIT, description = "The same as --progress=never.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: wasm, function, docker, job, node, ipfs or serve");
    }

    /** The top command of the command line that {@code spec} belongs to. */
    static BacalhauCommand of(CommandSpec spec) {
        return (BacalhauCommand) spec.root().userObject();
    }

    /**
     * Whether this invocation draws live progress on stderr: {@code --progress} and
     * {@code --no-progress}, and for {@code auto} whether stderr is a terminal. Each command also
     * leaves it off for machine output (--output json|yaml, --id-only).
     */
    boolean showsProgress() {
        if (noProgress || progress == ProgressWhen.NEVER) return false;
        return progress == ProgressWhen.ALWAYS || Terminal.stderrIsTerminal();
    }

    /** The node directory this invocation uses. */
    Path nodeDirectory() {
        return nodeDir != null ? nodeDir : Bacalhau.defaultDirectory();
    }

    /**
     * Opens the node the job command {@code command} works on: a client of the remote orchestrator
     * when {@code --nats} and {@code --orchestrator} are given (on the command or above it, the
     * nearest winning), else the embedded node (see {@link #openNode(Collection)}). The caller
     * closes it.
     */
    Bacalhau openJobNode(CommandSpec command, Collection<Path> extraAllowed) {
        java.net.URI server = null;
        String orchestrator = null;
        for (CommandSpec s = command; s != null; s = s.parent()) {
            for (CommandSpec mixin : s.mixins().values()) {
                if (mixin.userObject() instanceof RemoteOptions r) {
                    if (server == null) server = r.nats;
                    if (orchestrator == null) orchestrator = r.orchestratorId;
                }
            }
        }
        if (server == null) server = nats;
        if (orchestrator == null) orchestrator = orchestratorId;
        if (server == null && orchestrator == null) {
            return localNode(extraAllowed, b -> { });
        }
        if (orchestrator == null) {
            throw new UsageException("--nats " + server + " needs --orchestrator ID (the orchestrator's node id, n-...)");
        }
        if (server == null) {
            throw new UsageException("--orchestrator " + orchestrator + " needs --nats URI (the NATS server it is on)");
        }
        refuseEmbeddedNodeOptions(orchestrator);
        if (!extraAllowed.isEmpty()) {
            throw new UsageException("local inputs (" + extraAllowed.iterator().next() + ") cannot go to a remote "
                    + "orchestrator: its compute nodes cannot read this machine's files; use ipfs:// or https:// inputs");
        }
        try {
            Bacalhau client = Bacalhau.connect(server, orchestrator);
            jobsLocation = "orchestrator " + orchestrator + " on " + server;
            return client;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--orchestrator: " + e.getMessage(), e);
        }
    }

    /** Options that configure the embedded node mean nothing to a remote one: say so rather than ignore them. */
    private void refuseEmbeddedNodeOptions(String orchestrator) {
        String remote = " configures the embedded node, not the remote orchestrator " + orchestrator;
        if (!gateways.isEmpty()) {
            throw new UsageException("--gateway" + remote + " (its compute nodes fetch from their own gateways and peers)");
        }
        if (importProfile != null) {
            throw new UsageException("--import-profile" + remote + " (its compute nodes publish results with theirs)");
        }
        if (!allowLocalPaths.isEmpty()) {
            throw new UsageException("--allow-local-path" + remote + " (its compute nodes cannot read this machine's"
                    + " files; use ipfs:// or https:// inputs)");
        }
    }

    private String jobsLocation;

    /** Whether {@link #openJobNode} connected to a remote orchestrator. */
    boolean isRemote() {
        return jobsLocation != null;
    }

    /** Where the job commands' jobs are, for messages: the remote orchestrator, or the node directory. */
    String jobsLocation() {
        return jobsLocation != null ? jobsLocation : "the node at " + nodeDirectory();
    }

    /**
     * Opens the node on {@link #nodeDirectory()}, allowing the {@code --allow-local-path}
     * directories and {@code extraAllowed} (paths the user named on this command line). The
     * caller closes it.
     */
    Bacalhau openNode(Collection<Path> extraAllowed) {
        if (nats != null || orchestratorId != null) {
            throw new UsageException("--nats and --orchestrator (a remote orchestrator) apply only to the job, node, wasm, "
                    + "function and docker commands; this command works on the node directory " + nodeDirectory());
        }
        return localNode(extraAllowed, b -> { });
    }

    /**
     * The same, with {@code more} applied to the builder last; for {@code serve}, which reads the
     * top command's {@code --nats} itself.
     */
    Bacalhau openNode(Collection<Path> extraAllowed, java.util.function.Consumer<Bacalhau.Builder> more) {
        return localNode(extraAllowed, more);
    }

    private Bacalhau localNode(Collection<Path> extraAllowed, java.util.function.Consumer<Bacalhau.Builder> more) {
        Bacalhau.Builder builder = Bacalhau.builder().directory(nodeDirectory());
        gateways.forEach(builder::gateway);
        if (importProfile != null) {
            try {
                builder.importProfile(importProfile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--import-profile: " + e.getMessage(), e);
            }
        }
        for (Path p : allowLocalPaths) {
            builder.allowLocalPath(p.toAbsolutePath().normalize());
        }
        for (Path p : extraAllowed) {
            builder.allowLocalPath(p);
        }
        more.accept(builder);
        return builder.build();
    }
}
