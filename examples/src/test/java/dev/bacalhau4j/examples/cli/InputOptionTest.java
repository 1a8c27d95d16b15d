package dev.bacalhau4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.LocalSource;
import dev.bacalhau4j.api.UrlSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class InputOptionTest {
    private static final String CID = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

    @TempDir
    Path dir;

    @Test
    void shouldReadIpfsUriWithAndWithoutTarget() {
        InputOption withTarget = InputOption.parse("ipfs://" + CID + ":/data");
        InputOption bare = InputOption.parse(CID);

        assertThat(withTarget.input().source()).isEqualTo(new IpfsSource(CID));
        assertThat(withTarget.input().target()).isEqualTo("/data");
        assertThat(withTarget.localPath()).isEmpty();
        assertThat(bare.input().source()).isEqualTo(new IpfsSource(CID));
        assertThat(bare.input().target()).isEqualTo("/inputs");
    }

    @Test
    void shouldKeepPortsAndPathsOfUrls() {
        InputOption plain = InputOption.parse("https://example.com:8443/a/b.txt");
        InputOption targeted = InputOption.parse("https://example.com:8443/a/b.txt:/inputs/b.txt");

        assertThat(plain.input().source()).isEqualTo(new UrlSource("https://example.com:8443/a/b.txt", ""));
        assertThat(plain.input().target()).isEqualTo("/inputs");
        assertThat(targeted.input().source()).isEqualTo(new UrlSource("https://example.com:8443/a/b.txt", ""));
        assertThat(targeted.input().target()).isEqualTo("/inputs/b.txt");
    }

    @Test
    void shouldReadFileUrisAsLocalPathsToAllow() {
        InputOption in = InputOption.parse(dir.toUri().toString().replaceAll("/$", "") + ":/inputs");

        assertThat(in.input().source()).isEqualTo(new LocalSource(dir.toString(), false));
        assertThat(in.localPath()).contains(dir);
    }

    @Test
    void shouldReadKeyValueForm() {
        InputOption in = InputOption.parse("src=ipfs://" + CID + ",dst=/in,alias=data");

        assertThat(in.input().source()).isEqualTo(new IpfsSource(CID));
        assertThat(in.input().target()).isEqualTo("/in");
        assertThat(in.input().alias()).isEqualTo("data");
    }

    @Test
    void shouldRejectWhatItCannotRead() {
        assertThatThrownBy(() -> InputOption.parse("s3://bucket/key"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("unsupported URI scheme 's3'");
        assertThatThrownBy(() -> InputOption.parse("relative/path"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("not an input URI");
        assertThatThrownBy(() -> InputOption.parse("file://" + dir + "/missing"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("no such file or directory");
        assertThatThrownBy(() -> InputOption.parse("src=ipfs://" + CID + ",dst=relative"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> InputOption.parse("src=ipfs://" + CID + ",bogus=1"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("unknown key 'bogus'");
    }
}
