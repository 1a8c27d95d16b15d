package dev.bacalhau4j.examples.cli;

import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of the {@code bacalhau4j} command-line tool (the jar's Main-Class). */
public final class Main {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {}

    /**
     * Runs {@code bacalhau4j} with {@code args} and exits with its exit code (see {@code docs/cli.md}).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (System.getProperty(LOG_LEVEL) == null) {
            // quiet unless asked: job failures are reported by the tool itself, on one line
            System.setProperty(LOG_LEVEL, Arrays.asList(args).contains("--verbose") ? "info" : "warn");
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * A fresh command line for {@code bacalhau4j}; callers may redirect its output with setOut/setErr.
     *
     * @return the command line, with the tool's error handlers
     */
    public static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new BacalhauCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
