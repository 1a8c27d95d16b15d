package dev.bacalhau4j.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpfsPathTest {
    private static final String CID = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";

    @Test
    void shouldAcceptTheUsualSpellings() {
        for (String text : new String[] {CID + "/a/b", "/ipfs/" + CID + "/a/b", "ipfs://" + CID + "/a/b/"}) {
            IpfsPath p = IpfsPath.parse(text);
            assertThat(p.root()).hasToString(CID);
            assertThat(p.segments()).containsExactly("a", "b");
            assertThat(p).hasToString(CID + "/a/b");
        }
        assertThat(IpfsPath.parse(CID).hasPath()).isFalse();
    }

    @Test
    void shouldRefusePathsThatCouldClimbOut() {
        assertThatThrownBy(() -> IpfsPath.parse(CID + "/../etc")).isInstanceOf(IpfsFormatException.class)
                .hasMessageContaining("\"..\" is not allowed");
        assertThatThrownBy(() -> IpfsPath.parse(CID + "/a//b")).hasMessageContaining("empty path segment");
        assertThatThrownBy(() -> IpfsPath.parse(CID + "/a\nb")).hasMessageContaining("control character");
        assertThatThrownBy(() -> IpfsPath.parse("nope/a")).hasMessageContaining("not a CID");
    }
}
