package dev.bacalhau4j.ipfs.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportProfileTest {

    @Test
    void shouldFindProfileWhenNameIsKnown() {
        assertThat(ImportProfile.named("kubo-v1-raw")).isSameAs(ImportProfile.KUBO_V1_RAW);
        assertThat(ImportProfile.named("unixfs-v1-2025").chunkSize()).isEqualTo(1024 * 1024);
        assertThat(ImportProfile.DEFAULT).isSameAs(ImportProfile.UNIXFS_V0_2015);
    }

    @Test
    void shouldListKnownNamesWhenNameIsUnknown() {
        assertThatThrownBy(() -> ImportProfile.named("kubo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown import profile \"kubo\"; known profiles: unixfs-v0-2015, kubo-v1-raw, unixfs-v1-2025");
    }

    @Test
    void shouldNameFieldWhenSettingIsInvalid() {
        assertThatThrownBy(() -> new ImportProfile("x", 2, true, 1, 2, 0, ImportProfile.HamtSizeEstimate.LINK_BYTES))
                .hasMessageContaining("x: cidVersion must be 0 or 1, got 2");
        assertThatThrownBy(() -> new ImportProfile("x", 1, true, 0, 2, 0, ImportProfile.HamtSizeEstimate.LINK_BYTES))
                .hasMessageContaining("chunkSize");
        assertThatThrownBy(() -> new ImportProfile("x", 1, true, 1, 1, 0, ImportProfile.HamtSizeEstimate.LINK_BYTES))
                .hasMessageContaining("maxLinks must be at least 2, got 1");
    }
}
