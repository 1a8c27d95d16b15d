package dev.bacalhau4j.ipfs.fuse.internal;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * The few libfuse3 entry points the mount uses, bound with JNA to {@code libfuse3.so.3}.
 *
 * <p>Symbols are named explicitly where libfuse versions them: {@code fuse_new_31} (the
 * {@code FUSE_USE_VERSION 31} ABI of {@code fuse_new}, present since 3.1) and
 * {@code fuse_loop_mt_312} with a {@code fuse_loop_config} object (3.12+), falling back to
 * {@code fuse_loop_mt_31(fuse, clone_fd)} (3.2+) on older libraries.
 */
public final class LibFuse {
    /** The soname loaded; Debian/Ubuntu package {@code fuse3} (or {@code libfuse3-3}). */
    public static final String SONAME = "libfuse3.so.3";

    /** Functions every supported libfuse3 has. */
    public interface Api extends Library {
        Pointer fuse_new_31(Pointer args, Pointer ops, long opSize, Pointer userData);

        int fuse_mount(Pointer fuse, String mountPoint);

        void fuse_exit(Pointer fuse);

        void fuse_destroy(Pointer fuse);

        void fuse_opt_free_args(Pointer args);

        int fuse_version();
    }

    private final Api api;
    private final NativeLibrary library;
    private final Optional<Function> loopMt312;
    private final Optional<Function> loopCfgCreate;
    private final Optional<Function> loopCfgSetMaxThreads;
    private final Optional<Function> loopCfgSetIdleThreads;
    private final Optional<Function> loopCfgDestroy;
    private final Optional<Function> setLogFunc;
    private final Function loopMt31;

    private LibFuse(Api api, NativeLibrary library) {
        this.api = api;
        this.library = library;
        this.loopMt312 = optional("fuse_loop_mt_312");
        this.loopCfgCreate = optional("fuse_loop_cfg_create");
        this.loopCfgSetMaxThreads = optional("fuse_loop_cfg_set_max_threads");
        this.loopCfgSetIdleThreads = optional("fuse_loop_cfg_set_idle_threads");
        this.loopCfgDestroy = optional("fuse_loop_cfg_destroy");
        this.setLogFunc = optional("fuse_set_log_func");
        this.loopMt31 = library.getFunction("fuse_loop_mt_31");
    }

    private Optional<Function> optional(String name) {
        try {
            return Optional.of(library.getFunction(name));
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }

    /** The loaded library, or the reason it cannot be loaded. */
    public static LibFuse get() {
        if (Holder.ERROR != null) {
            throw new UnsatisfiedLinkError(Holder.ERROR);
        }
        return Holder.INSTANCE;
    }

    /** Why {@link #get()} fails, or empty when libfuse3 is usable. */
    public static Optional<String> loadError() {
        return Optional.ofNullable(Holder.ERROR);
    }

    public Api api() {
        return api;
    }

    /** {@code fuse_set_log_func} if this libfuse has it (3.7+). */
    Optional<Function> setLogFunc() {
        return setLogFunc;
    }

    /**
     * Runs the multi-threaded loop on the calling thread until the session ends; returns its
     * result (0, or a negative errno such as -ENODEV after an unmount).
     */
    public int loopMt(Pointer fuse, int maxThreads) {
        if (loopMt312.isPresent() && loopCfgCreate.isPresent() && loopCfgDestroy.isPresent()) {
            Pointer config = (Pointer) loopCfgCreate.get().invoke(Pointer.class, new Object[0]);
            if (config != null) {
                try {
                    loopCfgSetMaxThreads.ifPresent(f -> f.invokeVoid(new Object[] {config, maxThreads}));
                    // keep every worker: a worker that exits must be re-attached to the JVM later
                    loopCfgSetIdleThreads.ifPresent(f -> f.invokeVoid(new Object[] {config, maxThreads}));
                    return loopMt312.get().invokeInt(new Object[] {fuse, config});
                } finally {
                    loopCfgDestroy.get().invokeVoid(new Object[] {config});
                }
            }
        }
        return loopMt31.invokeInt(new Object[] {fuse, 0});
    }

    private static final class Holder {
        static final LibFuse INSTANCE;
        static final String ERROR;

        static {
            LibFuse lib = null;
            String error = null;
            try {
                Api api = Native.load(SONAME, Api.class);
                lib = new LibFuse(api, NativeLibrary.getInstance(SONAME));
                int version = api.fuse_version();
                if (version < 302) { // FUSE_MAKE_VERSION(3, 2)
                    error = SONAME + " reports FUSE version " + version / 100 + "." + version % 100
                            + "; 3.2 or newer is needed";
                    lib = null;
                }
            } catch (LinkageError | RuntimeException e) {
                error = "cannot load " + SONAME + " (install the fuse3 package): " + e.getMessage();
            }
            INSTANCE = lib;
            ERROR = error;
        }
    }
}
