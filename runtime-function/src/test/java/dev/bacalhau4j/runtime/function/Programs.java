package dev.bacalhau4j.runtime.function;

import static dev.bacalhau4j.runtime.function.Fixture.imp;
import static dev.bacalhau4j.runtime.function.Fixture.module;

/** WAT test programs; scratch memory below 1024, constants at 1024, buffers from 8192. */
final class Programs {
    private Programs() {}

    private static final String PATH_OPEN =
            imp("path_open", "(param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)");
    private static final String FD_READ = imp("fd_read", "(param i32 i32 i32 i32) (result i32)");

    /** Prints argv (or the environment) one entry per line. */
    static String echoStrings(String sizesGet, String get) {
        return module(imp(sizesGet, "(param i32 i32) (result i32)") + imp(get, "(param i32 i32) (result i32)"),
                "(func (export \"_start\") (local $i i32) (local $n i32)\n"
                + "  (drop (call $" + sizesGet + " (i32.const 16) (i32.const 20)))\n"
                + "  (drop (call $" + get + " (i32.const 1024) (i32.const 8192)))\n"
                + "  (local.set $n (i32.load (i32.const 20)))\n"
                + "  (block $done (loop $l\n"
                + "    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))\n"
                + "    (if (i32.eqz (i32.load8_u (i32.add (i32.const 8192) (local.get $i))))\n"
                + "      (then (i32.store8 (i32.add (i32.const 8192) (local.get $i)) (i32.const 10))))\n"
                + "    (local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
                + "    (br $l)))\n"
                + "  (call $print (i32.const 8192) (local.get $n)))");
    }

    static final String ECHO_ARGS = echoStrings("args_sizes_get", "args_get");
    static final String ECHO_ENV = echoStrings("environ_sizes_get", "environ_get");

    private static String readLoop(String fd) {
        return "  (block $done (loop $l\n"
                + "    (i32.store (i32.const 16) (i32.const 8192))\n"
                + "    (i32.store (i32.const 20) (i32.const 4096))\n"
                + "    (drop (call $fd_read " + fd + " (i32.const 16) (i32.const 1) (i32.const 24)))\n"
                + "    (br_if $done (i32.eqz (i32.load (i32.const 24))))\n"
                + "    (call $print (i32.const 8192) (i32.load (i32.const 24)))\n"
                + "    (br $l)))\n";
    }

    static final String ECHO_STDIN = module(FD_READ,
            "(func (export \"_start\")\n" + readLoop("(i32.const 0)") + ")");

    static String exit(int code) {
        return module("", "(func (export \"_start\") (call $proc_exit (i32.const " + code + ")))");
    }

    static final String RETURN_NORMALLY = module("", "(func (export \"_start\"))");

    private static String data(String s) {
        return "(data (i32.const 1024) \"" + s + "\")\n";
    }

    private static String open(int dirFd, String path, int oflags, long rights) {
        return "  (local.set $err (call $path_open (i32.const " + dirFd + ") (i32.const 1) (i32.const 1024) (i32.const "
                + path.length() + ") (i32.const " + oflags + ") (i64.const " + rights
                + ") (i64.const 0) (i32.const 0) (i32.const 32)))\n"
                + "  (if (local.get $err) (then (call $proc_exit (local.get $err))))\n"
                + "  (local.set $fd (i32.load (i32.const 32)))\n";
    }

    /** Prints the file at {@code path} under preopen {@code dirFd}; exits with the errno if open fails. */
    static String cat(int dirFd, String path) {
        return module(PATH_OPEN + FD_READ, data(path)
                + "(func (export \"_start\") (local $err i32) (local $fd i32)\n"
                + open(dirFd, path, 0, 2)
                + readLoop("(local.get $fd)") + ")");
    }

    /** Creates/truncates {@code path} under {@code dirFd} and writes {@code content}; exits with any errno. */
    static String write(int dirFd, String path, String content) {
        return module(PATH_OPEN, data(path) + "(data (i32.const 2048) \"" + content + "\")\n"
                + "(func (export \"_start\") (local $err i32) (local $fd i32)\n"
                + open(dirFd, path, 9, 64)
                + "  (i32.store (i32.const 16) (i32.const 2048))\n"
                + "  (i32.store (i32.const 20) (i32.const " + content.length() + "))\n"
                + "  (local.set $err (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24)))\n"
                + "  (if (local.get $err) (then (call $proc_exit (local.get $err)))))");
    }

    /** path_create_directory under {@code dirFd}; exits with the errno. */
    static String mkdir(int dirFd, String path) {
        return module(imp("path_create_directory", "(param i32 i32 i32) (result i32)"), data(path)
                + "(func (export \"_start\")\n"
                + "  (call $proc_exit (call $path_create_directory (i32.const " + dirFd + ") (i32.const 1024) (i32.const "
                + path.length() + "))))");
    }

    private static final String READDIR = imp("fd_readdir", "(param i32 i32 i32 i64 i32) (result i32)");

    /** Lists preopen {@code dirFd}, one name per line (including . and ..). */
    static String list(int dirFd) {
        return module(READDIR, "(data (i32.const 1024) \"\\n\")\n"
                + "(func (export \"_start\") (local $p i32) (local $end i32) (local $len i32)\n"
                + "  (drop (call $fd_readdir (i32.const " + dirFd + ") (i32.const 8192) (i32.const 8192) (i64.const 0) (i32.const 24)))\n"
                + "  (local.set $p (i32.const 8192))\n"
                + "  (local.set $end (i32.add (i32.const 8192) (i32.load (i32.const 24))))\n"
                + "  (block $done (loop $l\n"
                + "    (br_if $done (i32.ge_u (local.get $p) (local.get $end)))\n"
                + "    (local.set $len (i32.load (i32.add (local.get $p) (i32.const 16))))\n"
                + "    (call $print (i32.add (local.get $p) (i32.const 24)) (local.get $len))\n"
                + "    (call $print (i32.const 1024) (i32.const 1))\n"
                + "    (local.set $p (i32.add (local.get $p) (i32.add (i32.const 24) (local.get $len))))\n"
                + "    (br $l))))");
    }

    /** Dumps the raw fd_readdir buffer of {@code dirFd} and the raw filestat of {@code path}. */
    static String rawMetadata(int dirFd, String path) {
        return module(READDIR + imp("path_filestat_get", "(param i32 i32 i32 i32 i32) (result i32)"), data(path)
                + "(func (export \"_start\") (local $err i32)\n"
                + "  (drop (call $fd_readdir (i32.const " + dirFd + ") (i32.const 8192) (i32.const 8192) (i64.const 0) (i32.const 24)))\n"
                + "  (call $print (i32.const 8192) (i32.load (i32.const 24)))\n"
                + "  (local.set $err (call $path_filestat_get (i32.const " + dirFd + ") (i32.const 1) (i32.const 1024) (i32.const "
                + path.length() + ") (i32.const 4096)))\n"
                + "  (if (local.get $err) (then (call $proc_exit (local.get $err))))\n"
                + "  (call $print (i32.const 4096) (i32.const 64)))");
    }

    /**
     * Prints raw: realtime, realtime, monotonic, then monotonic after poll_oneoff sleeps 1 s,
     * then 32 random bytes (4 x 8 + 32 = 64 bytes).
     */
    static final String CLOCK_RANDOM = module(
            imp("clock_time_get", "(param i32 i64 i32) (result i32)")
            + imp("random_get", "(param i32 i32) (result i32)")
            + imp("poll_oneoff", "(param i32 i32 i32 i32) (result i32)"),
            "(func (export \"_start\")\n"
            + "  (drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 8192)))\n"
            + "  (drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 8200)))\n"
            + "  (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 8208)))\n"
            + "  (i64.store (i32.const 4096) (i64.const 0))\n"
            + "  (i32.store8 (i32.const 4104) (i32.const 0))\n"
            + "  (i32.store (i32.const 4112) (i32.const 1))\n"
            + "  (i64.store (i32.const 4120) (i64.const 1000000000))\n"
            + "  (i32.store16 (i32.const 4136) (i32.const 0))\n"
            + "  (drop (call $poll_oneoff (i32.const 4096) (i32.const 4200) (i32.const 1) (i32.const 4300)))\n"
            + "  (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 8216)))\n"
            + "  (drop (call $random_get (i32.const 8224) (i32.const 32)))\n"
            + "  (call $print (i32.const 8192) (i32.const 64)))");

    static final String TRAP = module("", "(func (export \"_start\") unreachable)");

    static final String INFINITE_LOOP = module("", "(func (export \"_start\") (loop $l (br $l)))");

    /** Grows memory one page at a time until refused, then runs {@code then}. */
    static String memoryBomb(String then) {
        return module("", "(func (export \"_start\")\n"
                + "  (block $done (loop $l\n"
                + "    (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))\n"
                + "    (br $l)))\n"
                + "  " + then + ")");
    }

    static final String BIG_INITIAL_MEMORY = "(module (memory 10) (func (export \"_start\")))";

    static final String NO_START = "(module (func (export \"foo\")) (func (export \"bar\")))";

    static final String UNLINKABLE = "(module (import \"env\" \"nothere\" (func)) (func (export \"_start\")))";

    static String printBytes(int n) {
        return module("", "(data (i32.const 1024) \"" + "x".repeat(n) + "\")\n"
                + "(func (export \"_start\") (call $print (i32.const 1024) (i32.const " + n + ")))");
    }

    static final String LIB = "(module (func (export \"add\") (param i32 i32) (result i32)"
            + " local.get 0 local.get 1 i32.add))";

    static final String USES_LIB = "(module (import \"lib\" \"add\" (func $add (param i32 i32) (result i32)))\n"
            + "(import \"wasi_snapshot_preview1\" \"proc_exit\" (func $proc_exit (param i32)))\n"
            + "(func (export \"_start\") (call $proc_exit (call $add (i32.const 2) (i32.const 3)))))";

    static final String CUSTOM_ENTRY = module("", "(data (i32.const 1024) \"run\")\n"
            + "(func (export \"run\") (call $print (i32.const 1024) (i32.const 3)))");

    /** Writes 16 random bytes then the realtime clock into {@code path} under {@code dirFd}, and to stdout. */
    static String writeRandom(int dirFd, String path) {
        return module(PATH_OPEN + imp("random_get", "(param i32 i32) (result i32)")
                + imp("clock_time_get", "(param i32 i64 i32) (result i32)"), data(path)
                + "(func (export \"_start\") (local $err i32) (local $fd i32)\n"
                + open(dirFd, path, 9, 64)
                + "  (drop (call $random_get (i32.const 2048) (i32.const 16)))\n"
                + "  (drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 2064)))\n"
                + "  (i32.store (i32.const 16) (i32.const 2048))\n"
                + "  (i32.store (i32.const 20) (i32.const 24))\n"
                + "  (drop (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24)))\n"
                + "  (call $print (i32.const 2048) (i32.const 24)))");
    }

    /** Exits with the WASI filetype fd_fdstat_get reports for stdout (0 unknown, 2 character device). */
    static final String STDOUT_FILETYPE = module(imp("fd_fdstat_get", "(param i32 i32) (result i32)"),
            "(func (export \"_start\")\n"
            + "  (drop (call $fd_fdstat_get (i32.const 1) (i32.const 4096)))\n"
            + "  (call $proc_exit (i32.load8_u (i32.const 4096))))");
}
