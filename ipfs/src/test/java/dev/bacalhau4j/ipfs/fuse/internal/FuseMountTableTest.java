package dev.bacalhau4j.ipfs.fuse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** mountinfo parsing (no FUSE needed). */
class FuseMountTableTest {
    @Test
    void shouldParseAFuseLineWithOptionalFields() {
        MountTable.Entry e = MountTable.parse("43 27 0:39 / /tmp/ft/mnt ro,nosuid,nodev,relatime shared:5 master:1 - "
                + "fuse.ipfs bacalhau4j ro,user_id=0,group_id=0,default_permissions,allow_other").orElseThrow();
        assertThat(e.mountPoint()).isEqualTo(Path.of("/tmp/ft/mnt"));
        assertThat(e.fsType()).isEqualTo("fuse.ipfs");
        assertThat(e.source()).isEqualTo("bacalhau4j");
        assertThat(e.device()).isEqualTo("0:39");
        assertThat(e.connection()).isEqualTo("39");
        assertThat(e.isFuse()).isTrue();
    }

    @Test
    void shouldUnescapeOctalSpacesAndNonAscii() {
        MountTable.Entry e = MountTable.parse("50 27 0:40 / /tmp/a\\040b\\134c/\u00e9 rw - ext4 /dev/vda rw").orElseThrow();
        assertThat(e.mountPoint()).isEqualTo(Path.of("/tmp/a b\\c/\u00e9"));
        assertThat(e.isFuse()).isFalse();
    }

    @Test
    void shouldSkipMalformedLines() {
        assertThat(MountTable.parse("garbage")).isEmpty();
        assertThat(MountTable.parse("1 2 3 4 5 6 7 8")).isEmpty();
    }
}
