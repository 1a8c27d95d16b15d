package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
    private static final Map<String, String> PROD_EU = Map.of("env", "prod", "region", "eu", "gpu", "");

    @Test
    void shouldMatchEveryKindOfRequirement() {
        assertThat(LabelSelector.parse("env=prod").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("env==prod").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("env=dev").test(PROD_EU)).isFalse();
        assertThat(LabelSelector.parse("env!=dev").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("tier!=web").test(PROD_EU)).isTrue(); // no label: not equal
        assertThat(LabelSelector.parse("region in (us, eu)").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("region in (us)").test(PROD_EU)).isFalse();
        assertThat(LabelSelector.parse("region notin (us)").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("tier notin (web)").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("gpu").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("!legacy").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("!gpu").test(PROD_EU)).isFalse();
    }

    @Test
    void shouldNeedEveryRequirementAndSplitOnlyOutsideParentheses() {
        assertThat(LabelSelector.parse("env=prod,region in (us,eu),gpu,!legacy").test(PROD_EU)).isTrue();
        assertThat(LabelSelector.parse("env=prod,region in (us,asia)").test(PROD_EU)).isFalse();
    }

    @Test
    void shouldNameTheRequirementItCannotRead() {
        assertThatThrownBy(() -> LabelSelector.parse("env=prod,region >> eu")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'region >> eu'");
        assertThatThrownBy(() -> LabelSelector.parse("region in (eu,)")).isInstanceOf(UsageException.class)
                .hasMessageContaining("empty value");
    }
}
