package dev.bacalhau4j.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.core.internal.network.ReplayGuard.Verdict;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    private static final long SKEW = 300_000;
    private static final long T = 1_800_000_000_000L;

    @Test
    void shouldRefuseASeqSeenBeforeAndAcceptTheNext() {
        ReplayGuard g = new ReplayGuard(4, 8, SKEW);
        assertThat(g.check("a", 1, T, T)).isEqualTo(Verdict.FIRST);
        assertThat(g.check("a", 1, T, T + 5)).isEqualTo(Verdict.REPLAY);
        assertThat(g.check("a", 2, T + 1, T + 5)).isEqualTo(Verdict.FIRST);
        assertThat(g.check("b", 1, T, T + 5)).as("another sender's seq 1").isEqualTo(Verdict.FIRST);
    }

    @Test
    void shouldStillRefuseASeqThatFellOutOfItsSendersWindow() {
        ReplayGuard g = new ReplayGuard(4, 8, SKEW);
        for (int i = 1; i <= 10; i++) assertThat(g.check("a", i, T + i, T + i)).isEqualTo(Verdict.FIRST);
        assertThat(g.check("a", 2, T + 2, T + 20)).as("forgotten seq, time below the floor").isEqualTo(Verdict.BELOW_FLOOR);
        assertThat(g.check("a", 9, T + 9, T + 20)).as("still in the window").isEqualTo(Verdict.REPLAY);
        assertThat(g.check("a", 11, T + 11, T + 20)).isEqualTo(Verdict.FIRST);
        assertThat(g.check("a", 8, T + 8, T + 20)).as("reordered within the window: remembered").isEqualTo(Verdict.REPLAY);
    }

    @Test
    void shouldAcceptMoreMessagesOfOneMillisecondThanTheWindowHolds() {
        ReplayGuard g = new ReplayGuard(4, 8, SKEW);
        for (int i = 1; i <= 10; i++) {
            assertThat(g.check("a", i, T, T)).as("seq %d, all sealed at T", i).isEqualTo(Verdict.FIRST);
        }
        assertThat(g.check("a", 3, T, T)).isEqualTo(Verdict.BELOW_FLOOR);
    }

    @Test
    void shouldBoundTheSendersAndRefuseTheReplayOfARecentlyEvictedOne() {
        ReplayGuard g = new ReplayGuard(4, 2, SKEW);
        assertThat(g.check("a", 1, T, T)).isEqualTo(Verdict.FIRST);
        assertThat(g.check("b", 1, T + 1, T + 1)).isEqualTo(Verdict.FIRST);
        assertThat(g.check("c", 1, T + 2, T + 2)).isEqualTo(Verdict.FIRST); // evicts a, the least recently heard
        assertThat(g.senders()).isEqualTo(2);

        assertThat(g.check("a", 1, T, T + 3)).as("a's old message again, a forgotten").isEqualTo(Verdict.BELOW_FLOOR);
        assertThat(g.check("a", 2, T + 3, T + 3)).as("a's next message, later than the floor").isEqualTo(Verdict.FIRST);
        assertThat(g.check("d", 1, T + 4, T + 4)).as("a new sender with the current time").isEqualTo(Verdict.FIRST);
        assertThat(g.senders()).isEqualTo(2);
    }

    @Test
    void shouldForgetASenderIdleLongerThanTheSkewAllowsWithoutRaisingTheFloor() {
        ReplayGuard g = new ReplayGuard(4, 1, SKEW);
        assertThat(g.check("a", 1, T, T)).isEqualTo(Verdict.FIRST);
        long later = T + 2 * SKEW + 1; // a's messages can no longer pass the skew check
        assertThat(g.check("b", 1, later, later)).isEqualTo(Verdict.FIRST);
        assertThat(g.check("c", 1, T, later)).as("a time at a's latest: forgetting a raised no floor")
                .isEqualTo(Verdict.FIRST);
    }
}
