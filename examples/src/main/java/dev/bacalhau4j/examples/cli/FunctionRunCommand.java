package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.UrlSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j function run FILE.js [ARGS...]}: runs one JavaScript function as a job. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a JavaScript function as a job and wait for it.",
            "",
            "SCRIPT is a local .js file (read and inlined into the job spec), ipfs://CID, or an http(s):// URL. "
                    + "It runs in QuickJS compiled to WebAssembly under the determinism contract of WASM jobs "
                    + "(fixed clock, seeded Math.random, no network), sees only its inputs and outputs, and "
                    + "uses readFile, writeFile, listDir, args, env, console.log... (docs/functions.md). "
                    + "ARGS become the script's args; put them after -- when they start with '-'.",
            "",
            "Local paths: a file:///abs/path input is a path you named on your own machine, so this command "
                    + "adds it to the node's allowed local paths for this invocation only.",
            ""},
        footer = {"%nExamples:",
            "  bacalhau4j function run wordcount.js -i file:///home/me/texts:/inputs",
            "  bacalhau4j function run wordcount.js /inputs 20 -i ipfs://bafy...:/inputs --memory 64Mb",
            "%nExit codes: 0 the script ended normally; N it called exit(N); 1 an uncaught exception,",
            "  or the job failed or was stopped; 2 a usage or job-spec error (a syntax error fails the job)."})
final class FunctionRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The script: a local .js file, ipfs://CID or https://... URL.")
    String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script (its args).")
    List<String> args = new ArrayList<>();

    @Mixin
    JobFlags flags = new JobFlags();

    @Mixin
    WaitOptions waiting = new WaitOptions();

    @Override
    public Integer call() throws Exception {
        return Runs.runFromCommandLine(spec, flags, waiting, job());
    }

    /** The job this command line describes. */
    Job job() {
        return flags.build(Job.function(scriptSource()).parameters(args));
    }

    /** The script as a job input; its target names it in messages ({@code /function/<file name>}). */
    private InputSource scriptSource() {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ipfs://")) {
            return new InputSource(new IpfsSource(script.substring("ipfs://".length())), "", "");
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String path = URI.create(script).getPath();
            String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return new InputSource(new UrlSource(script, ""), "", name.isEmpty() ? "" : "/function/" + name);
        }
        Path file = lower.startsWith("file:") ? Path.of(URI.create(script)) : Path.of(script);
        byte[] bytes = WasmRunCommand.readFile(file, "SCRIPT");
        return new InputSource(InlineSource.of(bytes), "", "/function/" + file.getFileName());
    }
}
