package dev.bacalhau4j.runtime.function.internal;

import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionLimits;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import dev.bacalhau4j.api.runtime.FailureKind;
import dev.bacalhau4j.api.runtime.OutputCap;
import java.util.Optional;

/**
 * The bytes one execution's outputs hold, by apparent size, against their cap. Every change the
 * sandbox makes to a writable mount goes through it: growth is checked before it happens and
 * refused past the cap (a sparse seek-and-write counts the whole new length, as publishing reads
 * every byte); truncation and deletion give bytes back. The first refusal is kept as the
 * execution's failure. Thread-safe: callers hold its monitor across check, change and record.
 */
public final class OutputBudget {
    private final long cap;
    private final String capWords;
    private long used;
    private String refusal;

    /**
     * @param cap the most bytes, 0 for none
     * @param capWords how failure messages name the cap, as in "the disk cap of 1048576 bytes (...)"
     */
    public OutputBudget(long cap, String capWords) {
        this.cap = cap;
        this.capWords = capWords;
    }

    /** The budget of {@code context}'s outputs: its {@link ExecutionLimits#outputCapBytes()}, named as every runtime names it. */
    public static OutputBudget of(ExecutionContext context) {
        long cap = context.limits().outputCapBytes();
        return new OutputBudget(cap, cap > 0 ? OutputCap.describe(context) : "");
    }

    /**
     * {@code outcome}, or a disk-limit failure when a write was refused: the guest may have
     * ignored the failed write and exited 0, but its outputs are cut short. A cancel stays a cancel.
     */
    public ExecutionOutcome judge(ExecutionOutcome outcome) {
        Optional<String> refused = refusal();
        if (refused.isEmpty() || outcome.failure().filter(k -> k == FailureKind.CANCELLED).isPresent()) return outcome;
        return new ExecutionOutcome(-1, outcome.stdout(), outcome.stdoutTruncated(), outcome.stderr(),
                outcome.stderrTruncated(), Optional.of(FailureKind.DISK_LIMIT), refused.get(), outcome.engineDetail());
    }

    /** A budget with no cap. */
    public static OutputBudget unlimited() {
        return new OutputBudget(0, "");
    }

    /**
     * Checks that {@code bytes} more fit; past the cap, records the refusal and throws.
     * {@link Long#MAX_VALUE} stands for a length that does not fit in a long.
     *
     * @param guestPath the file the guest writes, named in the message
     */
    synchronized void check(String guestPath, long bytes) throws OutputCapException {
        if (cap <= 0 || bytes <= 0) return;
        long after = used + bytes;
        boolean overflow = bytes == Long.MAX_VALUE || after < used; // a length past Long.MAX_VALUE
        if (overflow || after > cap) {
            String total = overflow ? "more than " + Long.MAX_VALUE : String.valueOf(after);
            String message = "a write to " + guestPath + " would take the outputs to " + total + " bytes (apparent size)"
                    + ", past " + capWords + "; the write was refused and nothing was published";
            if (refusal == null) refusal = message;
            throw new OutputCapException(guestPath, "disk quota exceeded: outputs are capped at " + cap + " bytes");
        }
    }

    /** Records a change of {@code delta} bytes (negative: bytes given back) that happened. */
    synchronized void record(long delta) {
        used = Math.max(0, used + delta);
    }

    /** The bytes the outputs hold now. */
    synchronized long used() {
        return used;
    }

    /** Why a write was refused, when one was: the execution fails with it. */
    public synchronized Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}
