package dev.bacalhau4j.runtime.function.internal;

import com.dylibso.chicory.wasi.WasiExitException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a script's prelude calls through QuickJS's {@code java_invoke}: file access over the
 * sandbox (the job's mounts and nothing else), the script's arguments and environment, and exit.
 *
 * <p>Each call takes a JSON array of arguments and answers a JSON object, {@code {"ok": value}}
 * or {@code {"error": {"code": "ENOENT", "message": "..."}}}, which the prelude turns into a
 * thrown {@code Error} with that {@code code}. Bytes cross as Latin-1 strings (one char per byte).
 * Confined to the guest's thread.
 */
final class JsHostApi {

    /** The module name the prelude passes to {@code java_invoke}. */
    static final String MODULE = "bacalhau";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem sandbox;
    private final List<String> args;
    private final Map<String, String> env;
    private final long seed;
    private final long maxReadBytes;

    /**
     * @param seed the job's seed, for {@code Math.random}
     * @param maxReadBytes the largest file {@code readFile} returns whole (the guest could not hold more)
     */
    JsHostApi(FileSystem sandbox, List<String> args, Map<String, String> env, long seed, long maxReadBytes) {
        this.sandbox = sandbox;
        this.seed = seed;
        this.args = List.copyOf(args);
        this.env = env;
        this.maxReadBytes = maxReadBytes;
    }

    /** Answers one call; a guest mistake is an error answer, never an exception (exit excepted). */
    String call(String module, String name, String argsJson) {
        ObjectNode answer = JSON.createObjectNode();
        try {
            if (!MODULE.equals(module)) {
                throw new JsError("EINVAL", "no host module '" + module + "'");
            }
            JsonNode a = JSON.readTree(argsJson);
            if (a == null || !a.isArray()) throw new JsError("EINVAL", name + ": arguments must be a JSON array");
            answer.set("ok", dispatch(name, (ArrayNode) a));
        } catch (JsError e) {
            error(answer, e.code, e.getMessage());
        } catch (IOException e) {
            error(answer, errno(e), describe(e, name));
        } catch (InvalidPathException e) {
            error(answer, "EINVAL", name + ": not a path: " + e.getInput());
        }
        return answer.toString();
    }

    private JsonNode dispatch(String name, ArrayNode a) throws IOException {
        switch (name) {
            case "readFile":
                return JSON.getNodeFactory().textNode(readFile(path(a, 0), text(a, 1)));
            case "writeFile":
                writeFile(path(a, 0), text(a, 1), text(a, 2), a.path(3).asBoolean(false));
                return JSON.nullNode();
            case "listDir":
                return list(path(a, 0));
            case "stat":
                return stat(path(a, 0));
            case "exists":
                return JSON.getNodeFactory().booleanNode(Files.exists(path(a, 0)));
            case "mkdir":
                Files.createDirectories(path(a, 0));
                return JSON.nullNode();
            case "args":
                ArrayNode list = JSON.createArrayNode();
                args.forEach(list::add);
                return list;
            case "env":
                ObjectNode o = JSON.createObjectNode();
                env.forEach(o::put);
                return o;
            case "seed":
                ArrayNode words = JSON.createArrayNode();
                words.add((seed >>> 32) & 0xFFFFFFFFL).add(seed & 0xFFFFFFFFL)
                        .add((~seed >>> 32) & 0xFFFFFFFFL).add(Long.rotateLeft(seed, 17) & 0xFFFFFFFFL);
                return words;
            case "exit":
                throw new WasiExitException(a.path(0).asInt(0));
            default:
                throw new JsError("ENOSYS", "no host function '" + name + "'");
        }
    }

    private String readFile(Path p, String encoding) throws IOException {
        long size = Files.size(p);
        if (size > maxReadBytes) {
            throw new JsError("ENOMEM", "readFile: " + p + " has " + size + " bytes, more than the script's memory "
                    + "cap allows reading whole (" + maxReadBytes + ")");
        }
        byte[] bytes = Files.readAllBytes(p);
        return new String(bytes, charset(encoding));
    }

    private void writeFile(Path p, String data, String encoding, boolean append) throws IOException {
        OpenOption[] options = append
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING};
        Files.write(p, data.getBytes(charset(encoding)), options);
    }

    private ArrayNode list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) names.add(entry.getFileName().toString());
        }
        Collections.sort(names);
        ArrayNode out = JSON.createArrayNode();
        names.forEach(out::add);
        return out;
    }

    private ObjectNode stat(Path p) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
        ObjectNode o = JSON.createObjectNode();
        o.put("type", attrs.isDirectory() ? "directory" : attrs.isRegularFile() ? "file" : "other");
        o.put("size", attrs.size());
        return o;
    }

    private Path path(ArrayNode a, int i) {
        JsonNode n = a.path(i);
        if (!n.isTextual() || n.textValue().isEmpty()) throw new JsError("EINVAL", "a path must be a non-empty string");
        String s = n.textValue();
        return sandbox.getPath(s.startsWith("/") ? s : "/" + s);
    }

    private static String text(ArrayNode a, int i) {
        JsonNode n = a.path(i);
        return n.isTextual() ? n.textValue() : "";
    }

    private static java.nio.charset.Charset charset(String encoding) {
        return "latin1".equals(encoding) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    private static void error(ObjectNode answer, String code, String message) {
        ObjectNode e = answer.putObject("error");
        e.put("code", code);
        e.put("message", message);
    }

    private static String errno(IOException e) {
        if (e instanceof OutputCapException) return "EDQUOT";
        if (e instanceof NoSuchFileException) return "ENOENT";
        if (e instanceof AccessDeniedException) return "EACCES";
        if (e instanceof FileAlreadyExistsException) return "EEXIST";
        if (e instanceof NotDirectoryException) return "ENOTDIR";
        if (e instanceof DirectoryNotEmptyException) return "ENOTEMPTY";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                && f.getReason().toLowerCase(java.util.Locale.ROOT).contains("directory")) {
            return "EISDIR";
        }
        return "EIO";
    }

    /** Messages in Node's style: {@code ENOENT: no such file or directory, readFile '/etc/passwd'}. */
    private static String describe(IOException e, String op) {
        String what = switch (errno(e)) {
            case "ENOENT" -> "no such file or directory";
            case "EACCES" -> "permission denied";
            case "EEXIST" -> "file already exists";
            case "ENOTDIR" -> "not a directory";
            case "ENOTEMPTY" -> "directory not empty";
            case "EISDIR" -> "illegal operation on a directory";
            case "EDQUOT" -> "disk quota exceeded";
            default -> "i/o error";
        };
        String file = e instanceof java.nio.file.FileSystemException f ? f.getFile() : null;
        String reason = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
        return errno(e) + ": " + what + ", " + op + (file == null ? "" : " '" + file + "'")
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }

    /** A guest mistake answered as an error. */
    private static final class JsError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;

        JsError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
