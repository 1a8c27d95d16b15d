package dev.bacalhau4j.examples.cli;

/** The command-line tool's exit codes (a completed job's non-zero program exit code is passed through). */
final class ExitCodes {
    /** The job completed and its program exited 0; or the command did what it was asked. */
    static final int OK = 0;
    /** The job failed or was stopped, or the node could not do what was asked. */
    static final int FAILED = 1;
    /** A usage or job-spec error. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
