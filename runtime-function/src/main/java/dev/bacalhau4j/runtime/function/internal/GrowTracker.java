package dev.bacalhau4j.runtime.function.internal;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The memories of one execution, each wrapped to remember a refused {@code memory.grow}, so a
 * guest that fails after hitting its cap is reported as {@code memory-limit} rather than as the
 * trap or exit the refusal led to. Its {@link #create} is the instance's memory factory.
 */
final class GrowTracker {
    private final List<GrowTrackingMemory> memories = new CopyOnWriteArrayList<>();

    /** A new tracked memory with {@code limits}; pass as {@code withMemoryFactory(tracker::create)}. */
    Memory create(MemoryLimits limits) {
        GrowTrackingMemory m = new GrowTrackingMemory(new ByteBufferMemory(limits));
        memories.add(m);
        return m;
    }

    /** True when any memory of this execution refused to grow. */
    boolean refusedGrow() {
        for (GrowTrackingMemory m : memories) {
            if (m.refusedGrow()) return true;
        }
        return false;
    }
}
