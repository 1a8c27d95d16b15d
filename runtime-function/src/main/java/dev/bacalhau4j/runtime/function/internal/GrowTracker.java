package dev.bacalhau4j.runtime.function.internal;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The memories of one execution, each capped and wrapped to remember a refused {@code memory.grow},
 * so a guest that fails after hitting its cap is reported as {@code memory-limit} rather than as the
 * trap or exit the refusal led to. Its {@link #create} is the memory factory of every instance of the
 * execution (entry and import modules), so no module's memory escapes the cap.
 */
final class GrowTracker {
    private final int capPages;
    private final List<GrowTrackingMemory> memories = new CopyOnWriteArrayList<>();

    /** @param capPages the most pages any memory may have; 0 for no cap beyond the module's own */
    GrowTracker(int capPages) {
        this.capPages = capPages;
    }

    /**
     * A new tracked memory with {@code limits}, its maximum lowered to the cap; pass as
     * {@code withMemoryFactory(tracker::create)}.
     *
     * @throws OverCap when the memory's initial size is already over the cap
     */
    Memory create(MemoryLimits limits) {
        MemoryLimits capped = limits;
        if (capPages > 0) {
            if (limits.initialPages() > capPages) {
                throw new OverCap("a memory declares " + limits.initialPages() + " pages ("
                        + (long) limits.initialPages() * Memory.PAGE_SIZE + " bytes) of initial memory, over the cap of "
                        + (long) capPages * Memory.PAGE_SIZE + " bytes");
            }
            if (limits.maximumPages() > capPages) {
                capped = new MemoryLimits(limits.initialPages(), capPages, limits.shared());
            }
        }
        GrowTrackingMemory m = new GrowTrackingMemory(new ByteBufferMemory(capped));
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

    /** A memory whose initial size is over the execution's cap. */
    static final class OverCap extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverCap(String message) {
            super(message, null, false, false);
        }
    }
}
