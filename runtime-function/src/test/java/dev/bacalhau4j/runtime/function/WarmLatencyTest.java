package dev.bacalhau4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints cold and warm latency of a trivial module (a measurement, not an assertion on time). */
class WarmLatencyTest {

    @TempDir
    Path tmp;

    @Test
    void shouldPrintLatencyWhenSameModuleRunsRepeatedly() throws Exception {
        for (boolean compiled : new boolean[] {true, false}) {
            try (WasmRuntime runtime = WasmRuntime.builder().compiled(compiled).build()) {
                Fixture f = new Fixture(tmp).wat(Programs.ECHO_ARGS);
                f.parameters = List.of("hello");
                f.input("/inputs", Map.of("a.txt", "a"));
                f.output("/outputs");
                ExecutionContext ctx = f.context();
                long t0 = System.nanoTime();
                ExecutionOutcome first = runtime.execute(ctx);
                long cold = System.nanoTime() - t0;
                assertThat(first.exitCode()).isZero();
                int n = 300;
                long[] warm = new long[n];
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    runtime.execute(ctx);
                    warm[i] = System.nanoTime() - s;
                }
                Arrays.sort(warm);
                System.out.printf("wasm %s: cold %.2f ms; warm over %d runs: median %.3f ms, p90 %.3f ms, min %.3f ms%n",
                        compiled ? "compiled" : "interpreted", cold / 1e6, n, warm[n / 2] / 1e6,
                        warm[n * 9 / 10] / 1e6, warm[0] / 1e6);
            }
        }
    }
}
