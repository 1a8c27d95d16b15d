package dev.bacalhau4j.e2e;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The seeded schedule of {@link PeerFaultSoakTest}: faults in rounds, each round every kind once
 * in a random order (so a short run still has each kind), with 1 to 4 s between one fault's
 * recovery and the next fault.
 */
final class FaultSchedule {
    private final Random random;
    private final Deque<SoakFaults.Kind> round = new ArrayDeque<>();

    FaultSchedule(Random random) {
        this.random = random;
    }

    SoakFaults.Kind nextKind() {
        if (round.isEmpty()) {
            List<SoakFaults.Kind> kinds = Arrays.asList(SoakFaults.Kind.values().clone());
            Collections.shuffle(kinds, random);
            round.addAll(kinds);
        }
        return round.removeFirst();
    }

    long nextGapNanos() {
        return TimeUnit.MILLISECONDS.toNanos(1000 + random.nextInt(3000));
    }
}
