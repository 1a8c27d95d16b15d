package dev.bacalhau4j.runtime.function.internal;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Chicory's WASI preview 1 host functions with the time-related ones replaced so that a guest
 * never observes the host: {@code clock_time_get} and {@code clock_res_get} read a
 * {@link VirtualClock}, and {@code poll_oneoff} never sleeps — a clock subscription advances
 * the virtual clock by its timeout, fd subscriptions are always ready (stdin reports the bytes
 * available, which for a staged file is its remaining length).
 */
final class DeterministicWasi {

    // WASI preview 1 constants (Chicory keeps its own package-private)
    private static final int ESUCCESS = 0;
    private static final int EINVAL = 28;
    private static final int CLOCK_REALTIME = 0;
    private static final int CLOCK_THREAD_CPUTIME = 3;
    private static final byte EVENT_CLOCK = 0;
    private static final byte EVENT_FD_READ = 1;
    private static final byte EVENT_FD_WRITE = 2;
    private static final int SUBSCRIPTION_CLOCK_ABSTIME = 1;

    private final VirtualClock clock;
    private final InputStream stdin;

    private DeterministicWasi(VirtualClock clock, InputStream stdin) {
        this.clock = clock;
        this.stdin = stdin;
    }

    /** The WASI host functions of {@code wasi}, with clocks and polling made deterministic. */
    static HostFunction[] hostFunctions(WasiPreview1 wasi, VirtualClock clock, InputStream stdin) {
        DeterministicWasi d = new DeterministicWasi(clock, stdin);
        HostFunction[] functions = wasi.toHostFunctions();
        for (int i = 0; i < functions.length; i++) {
            HostFunction f = functions[i];
            switch (f.name()) {
                case "clock_time_get":
                    functions[i] = new HostFunction(f.module(), f.name(), f.functionType(),
                            (inst, args) -> result(d.clockTimeGet(inst.memory(), (int) args[0], (int) args[2])));
                    break;
                case "clock_res_get":
                    functions[i] = new HostFunction(f.module(), f.name(), f.functionType(),
                            (inst, args) -> result(d.clockResGet(inst.memory(), (int) args[0], (int) args[1])));
                    break;
                case "poll_oneoff":
                    functions[i] = new HostFunction(f.module(), f.name(), f.functionType(),
                            (inst, args) -> result(d.pollOneoff(inst, (int) args[0], (int) args[1],
                                    (int) args[2], (int) args[3])));
                    break;
                default:
                    break;
            }
        }
        return functions;
    }

    private static long[] result(int errno) {
        return new long[] {errno};
    }

    private int clockTimeGet(Memory memory, int clockId, int resultPtr) {
        if (clockId < CLOCK_REALTIME || clockId > CLOCK_THREAD_CPUTIME) return EINVAL;
        memory.writeLong(resultPtr, clock.read(clockId == CLOCK_REALTIME));
        return ESUCCESS;
    }

    private int clockResGet(Memory memory, int clockId, int resultPtr) {
        if (clockId < CLOCK_REALTIME || clockId > CLOCK_THREAD_CPUTIME) return EINVAL;
        memory.writeLong(resultPtr, 1L);
        return ESUCCESS;
    }

    private int pollOneoff(Instance instance, int inPtr, int outPtr, int nsubscriptions, int neventsPtr) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        if (nsubscriptions <= 0) return EINVAL;
        Memory memory = instance.memory();
        List<long[]> clockSubs = new ArrayList<>(); // {timeout, userData}
        List<long[]> ready = new ArrayList<>(); // {userData, type, nbytes}
        for (int i = 0; i < nsubscriptions; i++) {
            int sub = inPtr + i * 48;
            long userData = memory.readLong(sub);
            byte type = memory.read(sub + 8);
            switch (type) {
                case EVENT_CLOCK: {
                    int clockId = memory.readInt(sub + 16);
                    long timeout = memory.readLong(sub + 24);
                    short flags = memory.readShort(sub + 40);
                    if (clockId < CLOCK_REALTIME || clockId > CLOCK_THREAD_CPUTIME) return EINVAL;
                    if ((flags & SUBSCRIPTION_CLOCK_ABSTIME) != 0) {
                        timeout -= clock.peek(clockId == CLOCK_REALTIME);
                    }
                    clockSubs.add(new long[] {timeout, userData});
                    break;
                }
                case EVENT_FD_READ: {
                    int fd = memory.readInt(sub + 16);
                    long nbytes = 0;
                    if (fd == 0) {
                        try {
                            nbytes = Math.max(0, stdin.available());
                        } catch (IOException e) {
                            nbytes = 0;
                        }
                    }
                    ready.add(new long[] {userData, EVENT_FD_READ, nbytes});
                    break;
                }
                case EVENT_FD_WRITE:
                    ready.add(new long[] {userData, EVENT_FD_WRITE, 0});
                    break;
                default:
                    return EINVAL;
            }
        }
        if (ready.isEmpty()) {
            long min = clockSubs.stream().mapToLong(s -> s[0]).min().orElse(0);
            clock.advance(min);
            for (long[] s : clockSubs) {
                if (s[0] <= min) ready.add(new long[] {s[1], EVENT_CLOCK, 0});
            }
        } else {
            for (long[] s : clockSubs) {
                if (s[0] <= 0) ready.add(new long[] {s[1], EVENT_CLOCK, 0});
            }
        }
        int out = outPtr;
        for (long[] e : ready) {
            memory.fill((byte) 0, out, out + 32);
            memory.writeLong(out, e[0]);
            memory.writeShort(out + 8, (short) ESUCCESS);
            memory.writeByte(out + 10, (byte) e[1]);
            memory.writeLong(out + 16, e[2]);
            out += 32;
        }
        memory.writeI32(neventsPtr, ready.size());
        return ESUCCESS;
    }
}
