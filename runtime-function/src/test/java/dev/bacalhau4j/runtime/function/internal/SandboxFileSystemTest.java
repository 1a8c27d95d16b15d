package dev.bacalhau4j.runtime.function.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bacalhau4j.api.runtime.Mount;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxFileSystemTest {

    private static final FileTime EPOCH = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    private SandboxFileSystem sandbox(Path in, Path out) {
        return new SandboxFileSystem(List.of(new Mount(in, "/inputs/data", true), new Mount(out, "/outputs", false)),
                EPOCH);
    }

    private Path dirs(String name) throws Exception {
        return Files.createDirectory(tmp.resolve(name));
    }

    @Test
    void shouldNormalizeAndResolveLexicallyWhenPathsHaveDots() {
        SandboxFileSystem fs = new SandboxFileSystem(List.of(), EPOCH);
        Path p = fs.getPath("/inputs/./a/../b/");
        assertThat(p.toString()).isEqualTo("/inputs/./a/../b");
        assertThat(p.normalize().toString()).isEqualTo("/inputs/b");
        assertThat(fs.getPath("").normalize().toString()).isEmpty();
        assertThat(fs.getPath("/x").resolve("").toString()).isEqualTo("/x");
        assertThat(fs.getPath("../a").normalize().toString()).isEqualTo("../a");
        assertThat(fs.getPath("/a/b").getFileName().toString()).isEqualTo("b");
        assertThat(fs.getPath("/a/b").resolve(".").getFileName().toString()).isEqualTo(".");
        assertThat(fs.getPath("/a").relativize(fs.getPath("/a/b/c")).toString()).isEqualTo("b/c");
    }

    @Test
    void shouldListVirtualParentsWhenMountsAreNested() throws Exception {
        SandboxFileSystem fs = sandbox(dirs("in"), dirs("out"));
        try (var root = Files.list(fs.getPath("/"))) {
            assertThat(root.map(Path::toString)).containsExactly("/inputs", "/outputs");
        }
        assertThat(Files.isDirectory(fs.getPath("/inputs"))).isTrue();
        assertThatThrownBy(() -> Files.createDirectory(fs.getPath("/inputs/new")))
                .isInstanceOf(ReadOnlyMountException.class);
        assertThatThrownBy(() -> Files.readAttributes(fs.getPath("/etc/passwd"), "unix:*"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldRefuseEveryWriteWhenMountIsReadOnly() throws Exception {
        Path in = dirs("in");
        Files.writeString(in.resolve("f.txt"), "keep");
        SandboxFileSystem fs = sandbox(in, dirs("out"));
        Path f = fs.getPath("/inputs/data/f.txt");
        assertThat(Files.readString(f)).isEqualTo("keep");
        assertThatThrownBy(() -> Files.writeString(f, "x")).isInstanceOf(ReadOnlyMountException.class);
        assertThatThrownBy(() -> FileChannel.open(f, StandardOpenOption.WRITE)).isInstanceOf(ReadOnlyMountException.class);
        assertThatThrownBy(() -> Files.delete(f)).isInstanceOf(ReadOnlyMountException.class);
        assertThatThrownBy(() -> Files.move(f, fs.getPath("/outputs/f.txt"))).isInstanceOf(ReadOnlyMountException.class);
        assertThatThrownBy(() -> Files.setLastModifiedTime(f, FileTime.fromMillis(0)))
                .isInstanceOf(ReadOnlyMountException.class);
        assertThat(Files.readString(in.resolve("f.txt"))).isEqualTo("keep");
    }

    @Test
    void shouldReportSyntheticAttributesWhenReadingUnixView() throws Exception {
        Path in = dirs("in");
        Files.writeString(in.resolve("f.txt"), "12345");
        Path out = dirs("out");
        SandboxFileSystem fs = sandbox(in, out);
        Map<String, Object> a = Files.readAttributes(fs.getPath("/inputs/data/f.txt"), "unix:*");
        assertThat(a.get("size")).isEqualTo(5L);
        assertThat(a.get("lastModifiedTime")).isEqualTo(EPOCH);
        assertThat(a.get("ctime")).isEqualTo(EPOCH);
        assertThat(a.get("ino")).isEqualTo(SandboxFileSystem.inode("/inputs/data/f.txt"));
        assertThat(a.get("mode")).isEqualTo(0100444);
        assertThat(a.get("uid")).isEqualTo(0);
        assertThat(a.get("isSymbolicLink")).isEqualTo(false);
        assertThat(Files.readAttributes(fs.getPath("/outputs"), "unix:mode").get("mode")).isEqualTo(040755);
        assertThat(Files.readAttributes(fs.getPath("/outputs"), "size,isDirectory"))
                .containsEntry("size", 0L).containsEntry("isDirectory", true);
    }

    @Test
    void shouldWriteThroughWhenMountIsReadWrite() throws Exception {
        Path out = dirs("out");
        SandboxFileSystem fs = sandbox(dirs("in"), out);
        Files.writeString(fs.getPath("/outputs/a.txt"), "hello");
        Files.createDirectory(fs.getPath("/outputs/sub"));
        Files.move(fs.getPath("/outputs/a.txt"), fs.getPath("/outputs/sub/b.txt"));
        assertThat(Files.readString(out.resolve("sub/b.txt"))).isEqualTo("hello");
        assertThatThrownBy(() -> Files.delete(fs.getPath("/outputs"))).isInstanceOf(java.nio.file.AccessDeniedException.class);
        assertThatThrownBy(() -> Files.createSymbolicLink(fs.getPath("/outputs/l"), fs.getPath("/etc")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldServeSourceFromAnotherFileSystemWhenMountedFromZip() throws Exception {
        Path zip = tmp.resolve("data.zip");
        try (FileSystem z = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Files.createDirectories(z.getPath("/dir/b"));
            Files.writeString(z.getPath("/dir/b/x.txt"), "zipped");
            Files.writeString(z.getPath("/dir/a.txt"), "a");
        }
        try (FileSystem z = FileSystems.newFileSystem(zip)) {
            SandboxFileSystem fs = new SandboxFileSystem(List.of(new Mount(z.getPath("/dir"), "/inputs", true)), EPOCH);
            assertThat(Files.readString(fs.getPath("/inputs/b/x.txt"))).isEqualTo("zipped");
            try (FileChannel ch = FileChannel.open(fs.getPath("/inputs/a.txt"), Set.of(StandardOpenOption.READ))) {
                assertThat(ch.size()).isEqualTo(1);
            }
            try (var list = Files.list(fs.getPath("/inputs"))) {
                assertThat(list.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                        .containsExactly("a.txt", "b");
            }
        }
    }

    @Test
    void shouldHideEntryWhenSymlinkEscapesMount() throws Exception {
        Path in = dirs("in");
        Path secret = Files.writeString(tmp.resolve("secret"), "s");
        Files.createSymbolicLink(in.resolve("link"), secret);
        Files.createDirectory(in.resolve("sub"));
        Files.createSymbolicLink(in.resolve("up"), in.resolve("sub"));
        Files.createSymbolicLink(in.resolve("parent"), tmp);
        SandboxFileSystem fs = sandbox(in, dirs("out"));
        assertThatThrownBy(() -> Files.readString(fs.getPath("/inputs/data/link"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.readString(fs.getPath("/inputs/data/parent/secret")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(Files.isDirectory(fs.getPath("/inputs/data/up"))).isTrue();
        try (var list = Files.list(fs.getPath("/inputs/data"))) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("sub", "up");
        }
    }
}
