package dev.bacalhau4j.runtime.container.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void shouldDefaultToLatestWhenNoTagIsGiven() {
        ImageReference r = ImageReference.parse("ubuntu");
        assertThat(r.repository()).isEqualTo("ubuntu");
        assertThat(r.tagOrDigest()).isEqualTo("latest");
        assertThat(r.canonical()).isEqualTo("ubuntu:latest");
        assertThat(r.byDigest()).isFalse();
    }

    @Test
    void shouldReadTheRegistryPortAsPartOfTheRepository() {
        ImageReference r = ImageReference.parse("registry.local:5000/team/app");
        assertThat(r.repository()).isEqualTo("registry.local:5000/team/app");
        assertThat(r.tagOrDigest()).isEqualTo("latest");

        ImageReference tagged = ImageReference.parse("registry.local:5000/team/app:1.2");
        assertThat(tagged.repository()).isEqualTo("registry.local:5000/team/app");
        assertThat(tagged.tagOrDigest()).isEqualTo("1.2");
    }

    @Test
    void shouldKeepDigestsWhole() {
        String digest = "sha256:" + "a".repeat(64);
        ImageReference r = ImageReference.parse("ubuntu:22.04@" + digest);
        assertThat(r.repository()).isEqualTo("ubuntu:22.04");
        assertThat(r.tagOrDigest()).isEqualTo(digest);
        assertThat(r.byDigest()).isTrue();
        assertThat(r.canonical()).isEqualTo("ubuntu:22.04@" + digest);
    }

    @Test
    void shouldNameTheFieldWhenTheReferenceIsBad() {
        assertThatThrownBy(() -> ImageReference.parse(" "))
                .hasMessage("Tasks[0].Engine.Params.Image: missing (give an image name or digest)");
        assertThatThrownBy(() -> ImageReference.parse("a b"))
                .hasMessage("Tasks[0].Engine.Params.Image: not an image reference (got \"a b\")");
    }
}
