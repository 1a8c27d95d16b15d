package dev.bacalhau4j.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process's standard error is a terminal, which decides whether live progress is
 * drawn. Java 17 has no direct test for stderr: {@link System#console()} answers for stdin and
 * stdout together, so {@code tool | grep} would hide progress that belongs on the terminal and
 * {@code tool 2>log} would write it into the log. On Linux the file that fd 2 is open on says it
 * exactly ({@code /proc/self/fd/2} links to {@code /dev/pts/N} or {@code /dev/ttyN}); elsewhere
 * the console check is the fallback.
 */
final class Terminal {
    private Terminal() {}

    /** True when stderr is a terminal (see the class comment for how that is told). */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /** True for the device paths of terminals: pseudo-terminals, virtual consoles and serial lines. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.matches("/dev/tty[0-9A-Za-z]*") || path.equals("/dev/console");
    }

    /** True when the terminal can be assumed to show UTF-8 (so the braille spinner draws; else ASCII). */
    static boolean utf8() {
        return java.nio.charset.Charset.defaultCharset().equals(java.nio.charset.StandardCharsets.UTF_8);
    }
}
