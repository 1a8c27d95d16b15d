package dev.bacalhau4j.runtime.function.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's standard error, with QuickJS's report of an uncaught exception rewritten for people.
 *
 * <p>The QuickJS plugin reports an uncaught exception as a Rust panic: {@code thread '<unnamed>'
 * panicked at src/lib.rs...}, {@code called `Result::unwrap()` on an `Err` value: Error:1:21 boom},
 * a stack naming {@code function.mjs}, and a {@code RUST_BACKTRACE} note. This filter drops the
 * panic lines, turns the error line into {@code wordcount.js:1:21: uncaught exception: boom} and
 * names the script in the stack lines after it. Lines before a panic pass unchanged, but blank
 * lines are held back until a line that is not a panic follows. Output is passed on line by line
 * (a line longer than 64 KiB in pieces). Confined to the guest's thread.
 */
final class JsErrorFilter extends OutputStream {

    static final String QUICKJS_FILE = "function.mjs";
    private static final String PANIC = "' panicked at ";
    private static final String UNWRAP = "called `Result::unwrap()` on an `Err` value: ";
    private static final String NOTE = "note: run with `RUST_BACKTRACE";
    private static final Pattern ERROR = Pattern.compile(
            "Error:(?:\\[[^\\]]*\\]:)?(?:(\\d+):(\\d+))? ?(.*)", Pattern.DOTALL);
    private static final int MAX_LINE = 64 * 1024;

    private final OutputStream out;
    private final String script;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean panicked;
    private int blankLines; // held back: QuickJS writes one before a panic
    private String error;

    JsErrorFilter(OutputStream out, String script) {
        this.out = out;
        this.script = script;
    }

    /** The rewritten error line of the panic, or null when the guest did not panic with one. */
    String error() {
        return error;
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) emit();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Passes on what is left of the last line. */
    void finish() throws IOException {
        if (line.size() > 0) emit();
        releaseBlankLines();
        out.flush();
    }

    private void releaseBlankLines() throws IOException {
        for (; blankLines > 0; blankLines--) out.write('\n');
    }

    private void emit() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (body.startsWith("thread '") && body.contains(PANIC)) {
            panicked = true;
            blankLines = 0;
            return;
        }
        if (!panicked) {
            if (text.equals("\n")) {
                blankLines++;
                return;
            }
            releaseBlankLines();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (body.isEmpty() || body.startsWith(NOTE)) return;
        if (body.startsWith(UNWRAP) && error == null) {
            error = describe(body.substring(UNWRAP.length()), script, "uncaught exception");
            body = error;
        } else {
            body = body.replace(QUICKJS_FILE, script);
        }
        out.write((body + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The QuickJS error a panic reported in {@code stderr} ({@code Error:...}), or null when there is none. */
    static String panicError(String stderr) {
        int at = stderr.indexOf(UNWRAP);
        if (at < 0) return null;
        int end = stderr.indexOf("\n" + NOTE, at);
        return stderr.substring(at + UNWRAP.length(), end < 0 ? stderr.length() : end).strip();
    }

    /**
     * {@code Error:[function.mjs]:1:8 unexpected token} or {@code Error:1:21 boom} as
     * {@code <script>:1:21: <what>: boom}.
     */
    static String describe(String quickjsError, String script, String what) {
        Matcher m = ERROR.matcher(quickjsError.strip());
        if (!m.matches()) return script + ": " + what + ": " + quickjsError.replace(QUICKJS_FILE, script);
        String where = script + (m.group(1) == null ? "" : ":" + m.group(1) + ":" + m.group(2));
        return where + ": " + what + ": " + (m.group(3).isEmpty() ? "(no message)" : m.group(3));
    }
}
