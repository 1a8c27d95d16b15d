package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.InlineSource;
import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobBuilder;
import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.api.SourceSpec;
import dev.bacalhau4j.api.UrlSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bacalhau4j wasm run MODULE [ARGS...]}: runs one WebAssembly program as a job. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a WebAssembly (WASI preview 1) program as a job and wait for it.",
            "",
            "MODULE is a local .wasm file (read and inlined into the job spec), ipfs://CID, or an http(s):// URL. "
                    + "ARGS are passed to the program after argv[0]; put them after -- when they start with '-'.",
            "",
            "Local paths: a file:///abs/path input is a path you named on your own machine, so this command "
                    + "adds it to the node's allowed local paths for this invocation only (job specs run with "
                    + "'job run' still need --allow-local-path).",
            ""},
        footer = {"%nExamples:",
            "  bacalhau4j wasm run echo.wasm hello world -e GREETING=hi",
            "  bacalhau4j wasm run wordcount.wasm -i file:///home/me/texts:/inputs",
            "  bacalhau4j wasm run ipfs://bafy... -i ipfs://bafy...:/inputs --memory 64Mb",
            "%nExit codes: 0 the program exited 0; N the program exited with code N;",
            "  1 the job failed or was stopped; 2 a usage or job-spec error."})
final class WasmRunCommand implements Callable<Integer> {
    private static final byte[] WASM_MAGIC = {0, 'a', 's', 'm'};
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module: a local .wasm file, ipfs://CID or https://... URL.")
    String module;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
    List<String> args = new ArrayList<>();

    @Option(names = {"--entrypoint", "--entry-point"}, paramLabel = "NAME",
            description = "The exported function to call. Default: ${DEFAULT-VALUE}.")
    String entrypoint = WasmEngine.DEFAULT_ENTRYPOINT;

    @Option(names = "--stdin", paramLabel = "FILE", description = "Feed FILE to the program's standard input.")
    Path stdin;

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
        JobBuilder job = Job.wasm(new InputSource(moduleSource(), "", ""))
                .entrypoint(entrypoint)
                .parameters(args);
        if (stdin != null) {
            job.stdin(readFile(stdin, "--stdin"));
        }
        return flags.build(job);
    }

    private SourceSpec moduleSource() {
        String lower = module.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("ipfs://")) {
            return new IpfsSource(module.substring("ipfs://".length()));
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new UrlSource(module, "");
        }
        Path file = lower.startsWith("file:") ? Path.of(URI.create(module)) : Path.of(module);
        byte[] bytes = readFile(file, "MODULE");
        if (bytes.length < 4 || !java.util.Arrays.equals(bytes, 0, 4, WASM_MAGIC, 0, 4)) {
            throw new UsageException("MODULE: " + file + " is not a WebAssembly module (no \\0asm header)");
        }
        return InlineSource.of(bytes);
    }

    static byte[] readFile(Path file, String what) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new UsageException(what + ": " + abs + " is a directory, not a file");
        }
        try {
            return Files.readAllBytes(abs);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + ": no such file: " + abs);
        } catch (IOException e) {
            throw new UsageException(what + ": cannot read " + abs + ": " + e.getMessage(), e);
        }
    }
}
