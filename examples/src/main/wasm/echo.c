/*
 * echo.c - echoes its arguments, environment and stdin (WASI preview 1 test job).
 *
 * Usage:   echo [ARGS...]
 *
 * stdout, in this order:
 *   argc=<N>
 *   argv[<i>]=<argv[i]>          for i = 0 .. N-1 (argv[0] is whatever the runtime passes)
 *   env <NAME=value>             one line per entry of `environ`, in environ order
 *   stdin=<bytes>                every byte read from stdin until EOF, verbatim;
 *                                nothing is appended (no newline after the stdin bytes)
 * stderr:
 *   to-stderr\n
 *
 * Exit code: the decimal value of the environment variable EXIT_CODE if it is set
 * and non-empty (parsed with strtol, so "7" -> 7, garbage -> 0), otherwise 0.
 * Use 0..125 to be portable; WASI passes the value to proc_exit unchanged.
 */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    if (environ) {
        for (char **e = environ; *e; e++) printf("env %s\n", *e);
    }
    fputs("stdin=", stdout);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) fwrite(buf, 1, n, stdout);
    fflush(stdout);

    fputs("to-stderr\n", stderr);
    fflush(stderr);

    const char *code = getenv("EXIT_CODE");
    if (code && *code) return (int)strtol(code, NULL, 10);
    return 0;
}
