package dev.bacalhau4j.e2e;

import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobResult;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.core.Bacalhau;
import dev.bacalhau4j.core.JobHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a small child JVM by {@link LoadTest}: submits args[1] trivial WASM jobs at once to an
 * embedded node on args[0] (every tenth at priority 1), waits for all, and prints one line per job
 * ({@code JOB <submit index> <priority> <start time, epoch ms> <state>}) and its peak RSS
 * ({@code PEAK_RSS_KB <VmHWM>}), so the parent can check that nothing was lost and the queue
 * drained in order.
 */
public final class LoadProbe {
    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[1]);
        byte[] wasm = Programs.wasm("trivial");
        List<JobHandle> handles = new ArrayList<>(jobs);
        try (Bacalhau node = Bacalhau.builder().directory(Path.of(args[0])).maxConcurrentExecutions(2).fuse(false)
                .build()) {
            for (int i = 0; i < jobs; i++) {
                handles.add(node.submit(Job.wasm(wasm).priority(i % 10 == 0 ? 1 : 0).build()));
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < jobs; i++) {
                JobResult r = handles.get(i).await(Duration.ofMinutes(10));
                long startedAt = handles.get(i).events().stream()
                        .filter(e -> e.isJobEvent() && e.state().equals("RUNNING"))
                        .mapToLong(e -> e.time().toEpochMilli()).findFirst().orElse(-1);
                out.append("JOB ").append(i).append(' ').append(i % 10 == 0 ? 1 : 0).append(' ')
                        .append(startedAt).append(' ').append(r.state() == JobState.COMPLETED ? "COMPLETED"
                                : r.state() + ":" + r.message().replace('\n', ' ')).append('\n');
            }
            out.append("LISTED ").append(node.list().size()).append('\n');
            System.out.print(out);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) System.out.println("PEAK_RSS_KB " + line.replaceAll("\\D", ""));
        }
        System.out.flush();
    }
}
