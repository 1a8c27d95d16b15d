package dev.bacalhau4j.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.PublishedResult;
import dev.bacalhau4j.api.Verdict;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final Job JOB = Job.wasm(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).verify(3, 2).build();

    private static ExecutionResult done(String id, String node, String cid) {
        return new ExecutionResult(id, node, ExecutionState.COMPLETED, 0, new byte[0], false, new byte[0], false, "",
                "", "", Optional.of(new PublishedResult("ipfs", URI.create("ipfs://" + cid))), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void shouldAcceptTheUniqueLargestGroupAndRejectTheRest() {
        Verdict v = Verifier.decide(JOB, List.of(done("e1", "n-a", "good"), done("e2", "n-liar", "bad"),
                done("e3", "n-c", "good")));
        assertThat(v.verified()).isTrue();
        assertThat(v.accepted()).contains(URI.create("ipfs://good"));
        assertThat(v.agreeing()).containsExactly("e1", "e3");
        assertThat(v.rejected()).containsExactly("e2");
        assertThat(v.explanation()).contains("2 of 3").contains("e2 on n-liar");
    }

    @Test
    void shouldFindNoQuorumOnATieOrBelowConfidence() {
        Job two = Job.wasm(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).verify(2, 2).build();
        Verdict tie = Verifier.decide(two, List.of(done("e1", "n-a", "x"), done("e2", "n-b", "y")));
        assertThat(tie.verified()).isFalse();
        assertThat(tie.explanation()).startsWith("no quorum: 2 results tie");
        Verdict low = Verifier.decide(JOB, List.of(done("e1", "n-a", "x"), done("e2", "n-b", "y"), done("e3", "n-c", "z")));
        assertThat(low.verified()).isFalse();
    }
}
