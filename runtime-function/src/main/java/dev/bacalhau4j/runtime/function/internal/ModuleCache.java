package dev.bacalhau4j.runtime.function.internal;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed (and, in compiled mode, compiled) modules by the SHA-256 of their bytes, least
 * recently used evicted past {@code maxEntries} or past {@link #MAX_CACHED_BYTES} of module bytes
 * (a parsed module holds its data segments, so 64 large modules must not stay on the heap). A module is prepared once even when several
 * executions ask for it at the same time; failures are not cached. Thread-safe.
 *
 * <p>The machine factory from {@link MachineFactoryCompiler.Builder#compile()} holds the
 * generated classes and creates a fresh machine per {@link Instance}, so one prepared module
 * serves any number of instances (it must be instantiated from the very same
 * {@link WasmModule} object, which the cache guarantees).
 */
public final class ModuleCache {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleCache.class);

    /** A module ready to instantiate; {@code machineFactory} is null in interpreter mode. */
    public static final class Prepared {
        private final WasmModule module;
        private final Function<Instance, Machine> machineFactory;

        Prepared(WasmModule module, Function<Instance, Machine> machineFactory) {
            this.module = module;
            this.machineFactory = machineFactory;
        }

        public WasmModule module() {
            return module;
        }

        /** Starts an instance builder wired to the cached machine factory. */
        public Instance.Builder instanceBuilder() {
            Instance.Builder b = Instance.builder(module);
            if (machineFactory != null) b.withMachineFactory(machineFactory);
            return b;
        }
    }

    /** The most module bytes kept cached (the module just prepared is kept even when larger). */
    static final long MAX_CACHED_BYTES = 256L << 20;

    private final int maxEntries;
    private final boolean compiled;
    private final Map<String, CompletableFuture<Prepared>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Integer> sizes = new java.util.HashMap<>();
    private long cachedBytes;

    public ModuleCache(int maxEntries, boolean compiled) {
        this.maxEntries = maxEntries;
        this.compiled = compiled;
    }

    /** Evicts least recently used entries, never {@code keep}, past either bound; holds the lock. */
    private void evict(String keep) {
        var it = entries.keySet().iterator();
        while ((entries.size() > maxEntries || cachedBytes > MAX_CACHED_BYTES) && it.hasNext()) {
            String sha = it.next();
            if (sha.equals(keep)) continue;
            it.remove();
            cachedBytes -= sizes.remove(sha);
        }
    }

    private void remove(String sha, CompletableFuture<Prepared> future) {
        if (entries.remove(sha, future)) cachedBytes -= sizes.remove(sha);
    }

    /**
     * The prepared module for {@code bytes} whose hash is {@code sha256}.
     *
     * @throws com.dylibso.chicory.wasm.ChicoryException when the bytes are not a valid module
     */
    public Prepared get(String sha256, byte[] bytes) {
        CompletableFuture<Prepared> future;
        boolean mine = false;
        synchronized (entries) {
            future = maxEntries > 0 ? entries.get(sha256) : null;
            if (future == null) {
                future = new CompletableFuture<>();
                mine = true;
                if (maxEntries > 0) {
                    entries.put(sha256, future);
                    sizes.put(sha256, bytes.length);
                    cachedBytes += bytes.length;
                    evict(sha256);
                }
            }
        }
        if (mine) {
            try {
                future.complete(prepare(sha256, bytes));
            } catch (RuntimeException | Error e) {
                synchronized (entries) {
                    remove(sha256, future);
                }
                future.completeExceptionally(e);
            }
        }
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw e;
        }
    }

    private Prepared prepare(String sha256, byte[] bytes) {
        long start = System.nanoTime();
        WasmModule module = Parser.parse(bytes);
        Function<Instance, Machine> factory = null;
        if (compiled) {
            try {
                factory = MachineFactoryCompiler.builder(module)
                        .withInterpreterFallback(InterpreterFallback.SILENT)
                        .compile();
            } catch (RuntimeException | LinkageError e) {
                // a compiler limitation, not a broken module (parsing validated it): interpret
                LOG.warn("module {} could not be compiled, running it interpreted: {}", sha256, e.toString());
                factory = null;
            }
        }
        LOG.debug("prepared module {} ({} bytes, {}) in {} ms", sha256, bytes.length,
                factory != null ? "compiled" : "interpreted", (System.nanoTime() - start) / 1_000_000);
        return new Prepared(module, factory);
    }

    /** How many modules are cached. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
            sizes.clear();
            cachedBytes = 0;
        }
    }
}
