package dev.bacalhau4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PullPolicyTest {

    @Test
    void shouldReadPolicyNamesAsOperatorsWriteThem() {
        assertThat(PullPolicy.fromName("if-missing")).isEqualTo(PullPolicy.IF_MISSING);
        assertThat(PullPolicy.fromName("IfNotPresent")).isEqualTo(PullPolicy.IF_MISSING);
        assertThat(PullPolicy.fromName("ALWAYS")).isEqualTo(PullPolicy.ALWAYS);
        assertThat(PullPolicy.fromName("never")).isEqualTo(PullPolicy.NEVER);
    }

    @Test
    void shouldListTheChoicesWhenTheNameIsUnknown() {
        assertThatThrownBy(() -> PullPolicy.fromName("sometimes"))
                .hasMessage("pull policy: unknown value 'sometimes' (use if-missing, always or never)");
    }
}
