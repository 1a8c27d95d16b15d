package dev.bacalhau4j.ipfs.fuse.internal;

import com.sun.jna.Callback;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes libfuse's own messages ({@code fuse_log}) to slf4j, and lets a thread capture the
 * messages libfuse prints while that thread calls it, so a failed {@code fuse_new} or
 * {@code fuse_mount} can say why ("bad mount point ...: Transport endpoint is not connected").
 * libfuse has one log function per process; it is installed once and never removed.
 */
public final class FuseLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.bacalhau4j.ipfs.fuse.libfuse");
    private static final ThreadLocal<List<String>> CAPTURE = new ThreadLocal<>();

    /** {@code void (*)(enum fuse_log_level, const char *fmt, va_list ap)}; va_list is a pointer on x86_64. */
    public interface LogFunc extends Callback {
        void invoke(int level, Pointer format, Pointer args);
    }

    private FuseLog() {
    }

    /** Installs the log function if this libfuse supports it (3.7+); safe to call many times. */
    public static void install() {
        Installed.touch();
    }

    /** Starts capturing libfuse messages printed on this thread. */
    public static void startCapture() {
        install();
        CAPTURE.set(new ArrayList<>());
    }

    /** Stops capturing and returns the messages, joined ("" if none). */
    public static String stopCapture() {
        List<String> lines = CAPTURE.get();
        CAPTURE.remove();
        return lines == null ? "" : String.join("; ", lines);
    }

    private static void log(int level, Pointer format, Pointer args) {
        try {
            byte[] buf = new byte[1024];
            int n = LibC.get().vsnprintf(buf, buf.length, format, args);
            int len = Math.max(0, Math.min(n, buf.length - 1));
            String line = new String(buf, 0, len, StandardCharsets.UTF_8).strip();
            List<String> capture = CAPTURE.get();
            if (capture != null) {
                capture.add(line);
            }
            if (level <= 3) { // EMERG, ALERT, CRIT, ERR
                LOG.warn("libfuse: {}", line);
            } else if (level <= 5) {
                LOG.info("libfuse: {}", line);
            } else {
                LOG.debug("libfuse: {}", line);
            }
        } catch (Throwable t) {
            // never let an exception reach libfuse
        }
    }

    private static final class Installed {
        static final LogFunc FUNC = FuseLog::log; // strongly held for the life of the process

        static {
            try {
                // libfuse logs from its worker threads too: keep them attached, as the other callbacks do
                Native.setCallbackThreadInitializer(FUNC, new CallbackThreadInitializer(true, false, "bacalhau4j-fuse-worker"));
                LibFuse.get().setLogFunc().ifPresent(f -> f.invokeVoid(new Object[] {FUNC}));
            } catch (Throwable t) {
                LOG.debug("libfuse messages stay on stderr: {}", t.toString());
            }
        }

        static void touch() {
        }
    }
}
