package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.api.InvalidJobException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear line on stderr and an exit code: 2 for usage and job-spec
 * errors, 1 for everything else. With {@code --verbose} the stack trace follows.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean usage = e instanceof InvalidJobException || e instanceof UsageException
                || e instanceof dev.bacalhau4j.ipfs.IpfsFormatException;
        err.println("Error: " + oneLine(e));
        if (verbose(cl)) {
            e.printStackTrace(err);
        }
        err.flush();
        return usage ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("Error: " + oneLine(e));
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        if (verbose(cl)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The message of {@code e} on one line; the class name when there is no message. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable cause = e.getCause();
            return cause != null && cause != e ? oneLine(cause) : e.getClass().getSimpleName();
        }
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean verbose(CommandLine cl) {
        Object root = cl.getCommandSpec().root().userObject();
        return root instanceof BacalhauCommand b && b.verbose;
    }
}
