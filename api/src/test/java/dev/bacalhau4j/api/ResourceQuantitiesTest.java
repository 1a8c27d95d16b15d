package dev.bacalhau4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceQuantitiesTest {

    @ParameterizedTest
    @CsvSource({"500m, 500", "0.5, 500", "2, 2000", "1.5, 1500", "'', 0", "100M, 100", "' 250 m ', 250",
        "0.0005, 0", "1., 1000", ".25, 250", "+5m, 5"})
    void shouldReadCpuLikeK8sResource(String quantity, long millis) {
        assertThat(ResourceQuantities.cpuMillis(quantity)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "-500m", "1.5m", "1e3", "Inf", "NaN", "2 cores", "m", "."})
    void shouldRefuseOtherCpuForms(String quantity) {
        assertThatThrownBy(() -> ResourceQuantities.cpuMillis(quantity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a CPU quantity (got \"" + quantity + "\"; use forms like 500m, 0.5, 2)");
    }

    @ParameterizedTest
    @CsvSource({
        "64Mb, 64000000", "64MB, 64000000", "64mb, 64000000", "64m, 64000000", "64M, 64000000",
        "512Mi, 536870912", "512MiB, 536870912", "512mib, 536870912",
        "1Gb, 1000000000", "1gb, 1000000000", "1Gi, 1073741824", "1.5Gb, 1500000000",
        "1048576, 1048576", "10b, 10", "1kb, 1000", "1Ki, 1024", "2Tb, 2000000000000", "1Pi, 1125899906842624",
        "'', 0", "' 64 Mb ', 64000000", "0.5k, 500", "1.0001kb, 1000", "7Ei, 8070450532247928832"})
    void shouldReadSizesLikeGoHumanize(String size, long bytes) {
        assertThat(ResourceQuantities.bytes(size)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"64Zb", "lots", "-1Mb", "1.2.3Mb", "Mb", "64 megabytes", "0x10"})
    void shouldRefuseOtherSizes(String size) {
        assertThatThrownBy(() -> ResourceQuantities.bytes(size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a size (got \"" + size + "\"; use forms like 64Mb, 1Gb, 512Mi)");
    }

    @Test
    void shouldRefuseSizesPastLongRange() {
        assertThatThrownBy(() -> ResourceQuantities.bytes("8Ei"))
                .hasMessage("size too large (got \"8Ei\"; at most 9223372036854775807 bytes)");
    }

    @Test
    void shouldReadGpuCounts() {
        assertThat(ResourceQuantities.gpuCount("")).isZero();
        assertThat(ResourceQuantities.gpuCount("2")).isEqualTo(2);
        assertThatThrownBy(() -> ResourceQuantities.gpuCount("1.5"))
                .hasMessage("not a GPU count (got \"1.5\"; use a whole number like 1)");
        assertThatThrownBy(() -> ResourceQuantities.gpuCount("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldExposeQuantitiesOnResources() {
        Resources r = new Resources("250m", "64Mb", "1Gi", "1");

        assertThat(r.cpuMillis()).isEqualTo(250);
        assertThat(r.memoryBytes()).isEqualTo(64_000_000L);
        assertThat(r.diskBytes()).isEqualTo(1L << 30);
        assertThat(r.gpuCount()).isEqualTo(1);
        assertThat(Resources.NONE.memoryBytes()).isZero();
        assertThat(Resources.NONE.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseInvalidResourcesNamingTheField() {
        assertThatThrownBy(() -> new Resources("", "64Zb", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Memory: not a size (got \"64Zb\"; use forms like 64Mb, 1Gb, 512Mi)");
        assertThatThrownBy(() -> new Resources("two", "", "", ""))
                .hasMessage("CPU: not a CPU quantity (got \"two\"; use forms like 500m, 0.5, 2)");
    }
}
