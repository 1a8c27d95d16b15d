package dev.bacalhau4j.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the {@code bacalhau4j} command line, with its output captured. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code bacalhau4j --node-dir NODE_DIR ARGS...}. */
    static CliRun run(Path nodeDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--node-dir", nodeDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The error lines (stderr without the program's own stderr lines). */
    List<String> errorLines() {
        return err.lines().filter(l -> l.startsWith("Error:")).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
