package dev.bacalhau4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.runtime.ExecutionContext;
import dev.bacalhau4j.api.runtime.ExecutionOutcome;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints cold and warm latency of a trivial JavaScript function (a measurement, not an assertion on time). */
class FunctionLatencyTest {

    @TempDir
    Path tmp;

    @Test
    void shouldPrintLatencyWhenATrivialFunctionRunsRepeatedly() throws Exception {
        long t0 = System.nanoTime();
        try (FunctionRuntime runtime = FunctionRuntime.builder().build()) {
            Fixture f = new Fixture(tmp);
            f.output("/outputs");
            ExecutionContext ctx = f.function("hi.js", "console.log('hi'); writeFile('/outputs/x', 'y');");
            ExecutionOutcome first = runtime.execute(ctx);
            long cold = System.nanoTime() - t0;
            assertThat(first.exitCode()).as(first.failureMessage()).isZero();
            int n = 100;
            long[] warm = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                runtime.execute(ctx);
                warm[i] = System.nanoTime() - s;
            }
            Arrays.sort(warm);

            System.out.printf("js function: cold %.1f ms (first in this JVM, QuickJS classes loaded); "
                    + "warm over %d runs: median %.2f ms, p90 %.2f ms, min %.2f ms%n",
                    cold / 1e6, n, warm[n / 2] / 1e6, warm[n * 9 / 10] / 1e6, warm[0] / 1e6);
        }
    }
}
