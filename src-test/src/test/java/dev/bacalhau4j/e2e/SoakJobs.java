package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.core.Bacalhau;
import java.net.URI;

/**
 * The stream of WASM jobs {@link PeerFaultSoakTest} keeps flowing, by index: a second of cpubound
 * work (so faults land mid-execution), a plain echo, and an echo verified on two nodes. Each has
 * the check its result must pass; a verified job's accepted CID is compared with the CID the same
 * program and arguments give when run on an embedded node of this JVM.
 */
final class SoakJobs {
    private static final byte[] CPUBOUND = Programs.wasm("cpubound");
    private static final byte[] ECHO = Programs.wasm("echo");

    private SoakJobs() {}

    /** Job number {@code n} of the stream. */
    static Job job(int n) {
        return switch (n % 3) {
            case 0 -> Job.wasm(CPUBOUND).args("1").name("soak-cpubound-" + n).build();
            case 1 -> echo("soak", n).name("soak-echo-" + n).build();
            default -> echo("verified", n).name("soak-verified-" + n).verify(2, 2).build();
        };
    }

    static boolean verified(int n) {
        return n % 3 == 2;
    }

    /** The executions job {@code n} must complete: its verification count, or one. */
    static int completions(int n) {
        return verified(n) ? 2 : 1;
    }

    /** Asserts what the completed job {@code n} produced; {@code reference} runs verified ones again. */
    static void check(int n, JobResult r, Bacalhau reference) throws InterruptedException {
        switch (n % 3) {
            case 0 -> assertThat(r.stdout()).as("stdout of %s (job %d)", r.jobId(), n).startsWith("iterations=1 ");
            case 1 -> assertThat(r.stdout()).as("stdout of %s (job %d)", r.jobId(), n)
                    .contains("argv[1]=soak\nargv[2]=" + n + "\n");
            default -> {
                JobResult expected = reference.run(echo("verified", n).name("soak-verified-" + n).build());
                URI cid = expected.outputs().orElseThrow().location();
                assertThat(r.verdict().verified()).as("verdict of %s (job %d): %s", r.jobId(), n,
                        r.verdict().explanation()).isTrue();
                assertThat(r.verdict().accepted()).as("accepted CID of %s (job %d)", r.jobId(), n).contains(cid);
                assertThat(r.verdict().agreeing()).hasSize(2);
            }
        }
    }

    private static dev.bacalhau4j.api.JobBuilder echo(String word, int n) {
        return Job.wasm(ECHO).args(word, String.valueOf(n)).output("outputs", "/outputs");
    }
}
