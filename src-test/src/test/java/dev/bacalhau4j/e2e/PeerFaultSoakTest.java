package dev.bacalhau4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import dev.bacalhau4j.core.internal.network.NatsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer faults in a loop: for {@code soak.seconds} (default 30) a stream of WASM jobs, a third
 * of them verified on two nodes, flows into an orchestrator (child JVM) with three compute nodes
 * (child JVMs) over a real nats-server, while on a seeded schedule a compute node is SIGKILLed and
 * restarted on its directory, the orchestrator is SIGKILLed and restarted on its directory, or the
 * nats-server is restarted. Then it stops breaking things, waits, and checks every job: known to
 * the restarted orchestrator, Completed, completed by as many executions as it needs and no more,
 * the verified ones with the CID an embedded node computes. The seed is printed; {@code
 * -Dsoak.seed=N} replays its schedule (which fault, which node, how long between faults).
 */
@org.junit.jupiter.api.Timeout(value = 3600, unit = TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a bound for long runs too
class PeerFaultSoakTest {
    private static final long SECONDS = Long.getLong("soak.seconds", 30);
    /** Jobs kept unfinished at once: enough for every node to be busy when a fault strikes. */
    private static final int IN_FLIGHT = 6;
    private static final int COMPUTE_NODES = 3;
    /** How long the jobs may take to finish once the faults stop; far more than they need. */
    private static final Duration DRAIN = Duration.ofMinutes(5);
    /** Executions the orchestrator ends to run the work elsewhere: the node was lost, or did not take the run. */
    private static final Set<String> RESCHEDULED = Set.of("node-lost", "run-failed");

    @TempDir
    Path tmp;

    @Test
    void shouldCompleteEveryJobOnceWhileNodesTheOrchestratorAndNatsFail() throws Exception {
        long seed = Long.getLong("soak.seed", System.nanoTime());
        System.out.printf("PeerFaultSoakTest: seed %d, %d s of faults (replay with -Dsoak.seed=%d)%n", seed, SECONDS, seed);
        Random random = new Random(seed);
        Map<String, Integer> submitted = new LinkedHashMap<>(); // job id -> its index in SoakJobs
        int refused = 0;
        String orchestratorId;
        List<Process> processes;
        Map<SoakFaults.Kind, Integer> faults;
        long began;
        try (NatsServer nats = NatsServer.start(); SoakFaults cluster = new SoakFaults(nats, tmp)) {
            cluster.start(COMPUTE_NODES);
            orchestratorId = cluster.orchestratorId();
            try (Bacalhau client = Bacalhau.connect(nats.uri(), orchestratorId, Duration.ofSeconds(60))) {
                began = System.nanoTime();
                long end = began + TimeUnit.SECONDS.toNanos(SECONDS);
                ExecutorService injector = Executors.newSingleThreadExecutor(r -> new Thread(r, "soak-injector"));
                Future<?> injecting = injector.submit(() -> {
                    FaultSchedule schedule = new FaultSchedule(random);
                    // past the end too, until each kind struck once: a slow machine still gets all three
                    while (System.nanoTime() < end || cluster.counts().containsValue(0)) {
                        TimeUnit.NANOSECONDS.sleep(schedule.nextGapNanos()); // the schedule's pace
                        cluster.inject(schedule.nextKind(), random);
                    }
                    return null;
                });
                injector.shutdown();
                try {
                    List<JobHandle> unfinished = new ArrayList<>();
                    while (!injecting.isDone()) {
                        unfinished.removeIf(h -> h.state().isTerminal());
                        if (unfinished.size() >= IN_FLIGHT) {
                            Thread.sleep(50); // a pace for the loop, not a wait for anything
                            continue;
                        }
                        int n = submitted.size() + refused;
                        try {
                            JobHandle h = client.submit(SoakJobs.job(n));
                            submitted.put(h.id(), n);
                            unfinished.add(h);
                        } catch (BacalhauException orchestratorOrNatsDown) {
                            refused++; // a submit whose answer was lost may still have created a job: checked below
                            Thread.sleep(200);
                        }
                    }
                    injecting.get(); // its failure, if any
                } finally {
                    injector.shutdownNow(); // stops it too when the loop failed
                }
                long injected = System.nanoTime() - began;
                faults = cluster.counts();

                Map<String, JobResult> results = drain(client, submitted.keySet());
                long drained = System.nanoTime() - began - injected;
                Report report = check(submitted, results, seed);
                processes = cluster.processes();
                System.out.printf("PeerFaultSoakTest summary: seed %d; %d jobs submitted (%d verified), %d completed,"
                        + " %d submits refused while down, %d jobs in the store; faults: %d compute kills,"
                        + " %d orchestrator kills, %d nats restarts; %d executions rescheduled; %d s injecting,"
                        + " %d s draining%n", seed, submitted.size(),
                        submitted.values().stream().filter(SoakJobs::verified).count(), report.completed,
                        refused, results.size(), faults.get(SoakFaults.Kind.COMPUTE_KILL),
                        faults.get(SoakFaults.Kind.ORCHESTRATOR_KILL), faults.get(SoakFaults.Kind.NATS_RESTART),
                        report.rescheduled, TimeUnit.NANOSECONDS.toSeconds(injected),
                        TimeUnit.NANOSECONDS.toSeconds(drained));
            }
        }
        for (Process p : processes) {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("child %d ended", p.pid()).isTrue();
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(tmp.toString())))
                .as("child processes left").isEmpty();
        assertThat(submitted).as("seed %d: jobs submitted", seed).hasSizeGreaterThan(COMPUTE_NODES);
    }

    /**
     * Waits until the orchestrator has ended every job it holds, then returns their results. Asks
     * again when a call fails: the last fault may still be settling (a node lost late, a
     * reconnect).
     */
    private static Map<String, JobResult> drain(Bacalhau client, Set<String> submitted) throws Exception {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        String waitingFor = "the first list";
        while (System.nanoTime() < deadline) {
            try {
                List<JobInfo> jobs = client.list();
                List<String> open = jobs.stream().filter(j -> !j.state().isTerminal()).map(JobInfo::id).toList();
                if (open.isEmpty() && jobs.size() >= submitted.size()) {
                    Map<String, JobResult> results = new LinkedHashMap<>();
                    for (JobInfo j : jobs) results.put(j.id(), client.result(j.id()).orElseThrow());
                    return results;
                }
                waitingFor = open.size() + " unfinished jobs: " + open;
            } catch (BacalhauException settling) {
                waitingFor = settling.getMessage();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("jobs did not end within " + DRAIN.toMinutes() + " min of the last fault; waiting for "
                + waitingFor);
    }

    private record Report(int completed, long rescheduled) {}

    /** Every submitted job known and Completed, each by the executions it needs and no more. */
    private static Report check(Map<String, Integer> submitted, Map<String, JobResult> results, long seed)
            throws Exception {
        assertThat(results.keySet()).as("seed %d: every submitted job is known to the restarted orchestrator", seed)
                .containsAll(submitted.keySet());
        int completed = 0;
        long rescheduled = 0;
        try (Bacalhau reference = Bacalhau.builder().inMemory().fuse(false).build()) {
            for (JobResult r : results.values()) {
                String job = "seed " + seed + ": job " + r.jobId();
                // Failed is allowed for no reason: every fault here is one the orchestrator must ride out
                assertThat(r.state()).as("%s: %s", job, r.message()).isEqualTo(JobState.COMPLETED);
                completed++;
                List<ExecutionResult> done = r.executions().stream()
                        .filter(e -> e.state() == ExecutionState.COMPLETED).toList();
                Integer n = submitted.get(r.jobId());
                int needed = n != null ? SoakJobs.completions(n) : done.size();
                assertThat(done).as("%s: completed executions", job).hasSize(needed);
                assertThat(done.stream().map(ExecutionResult::nodeId).collect(Collectors.toSet()))
                        .as("%s: nodes of its completed executions", job).hasSize(done.size());
                for (ExecutionResult e : r.executions()) {
                    if (e.state() == ExecutionState.FAILED) {
                        assertThat(e.failureReason()).as("%s execution %s: %s", job, e.executionId(),
                                e.failureMessage()).isIn(RESCHEDULED);
                        rescheduled++;
                    } else {
                        assertThat(e.state()).as("%s execution %s", job, e.executionId())
                                .isIn(ExecutionState.COMPLETED, ExecutionState.CANCELLED);
                    }
                }
                if (n != null) SoakJobs.check(n, r, reference);
            }
        }
        return new Report(completed, rescheduled);
    }
}
