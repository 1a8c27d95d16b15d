/*
 * clockrand.c - prints every source of time and randomness a WASI program can see.
 * Used to prove that a deterministic runtime gives identical output on two runs.
 *
 * Usage:   clockrand [OUTPUT_DIR]      (OUTPUT_DIR defaults to /outputs)
 *
 * Calls, in this order:
 *   clock_gettime(CLOCK_REALTIME)   twice   (WASI clock_time_get, realtime)
 *   clock_gettime(CLOCK_MONOTONIC)  twice   (WASI clock_time_get, monotonic)
 *   time(NULL)                      once
 *   getentropy(buf, 16)             twice   (WASI random_get)
 *   arc4random_buf(buf, 16)         twice   (wasi-libc seeds it from random_get)
 * and prints one line per value to stdout:
 *   realtime[0]=<sec>.<9-digit nsec> hex=<sec:016x>.<nsec:08x>
 *   realtime[1]=...
 *   monotonic[0]=... monotonic[1]=...          (same format)
 *   time=<sec> hex=<sec:016x>
 *   getentropy[0]=<32 hex digits>   getentropy[1]=...
 *   arc4random[0]=<32 hex digits>   arc4random[1]=...
 * A failing call prints "<name>[i]=error errno=<n> <strerror>" instead.
 *
 * If OUTPUT_DIR exists and is a directory, the same text is written to
 * OUTPUT_DIR/clockrand.txt.
 *
 * Exit codes: 0 normally; 3 if OUTPUT_DIR exists but clockrand.txt cannot be written.
 */
#define _DEFAULT_SOURCE
#define _BSD_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char out[4096];
static size_t out_len;

static void emit(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out + out_len, sizeof out - out_len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        out_len += (size_t)n;
        if (out_len >= sizeof out) out_len = sizeof out - 1;
    }
}

static void emit_clock(const char *name, int i, clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) {
        emit("%s[%d]=error errno=%d %s\n", name, i, errno, strerror(errno));
        return;
    }
    emit("%s[%d]=%lld.%09ld hex=%016llx.%08lx\n", name, i, (long long)ts.tv_sec, (long)ts.tv_nsec,
         (unsigned long long)ts.tv_sec, (unsigned long)ts.tv_nsec);
}

static void emit_bytes(const char *name, int i, const unsigned char *b, size_t n) {
    emit("%s[%d]=", name, i);
    for (size_t k = 0; k < n; k++) emit("%02x", b[k]);
    emit("\n");
}

int main(int argc, char **argv) {
    const char *out_dir = argc > 1 ? argv[1] : "/outputs";
    unsigned char buf[16];

    for (int i = 0; i < 2; i++) emit_clock("realtime", i, CLOCK_REALTIME);
    for (int i = 0; i < 2; i++) emit_clock("monotonic", i, CLOCK_MONOTONIC);

    time_t t = time(NULL);
    emit("time=%lld hex=%016llx\n", (long long)t, (unsigned long long)t);

    for (int i = 0; i < 2; i++) {
        memset(buf, 0, sizeof buf);
        if (getentropy(buf, sizeof buf) != 0) {
            emit("getentropy[%d]=error errno=%d %s\n", i, errno, strerror(errno));
        } else {
            emit_bytes("getentropy", i, buf, sizeof buf);
        }
    }
    for (int i = 0; i < 2; i++) {
        memset(buf, 0, sizeof buf);
        arc4random_buf(buf, sizeof buf);
        emit_bytes("arc4random", i, buf, sizeof buf);
    }

    fwrite(out, 1, out_len, stdout);
    fflush(stdout);

    struct stat st;
    if (stat(out_dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        char path[4096];
        snprintf(path, sizeof path, "%s%sclockrand.txt", out_dir,
                 out_dir[0] && out_dir[strlen(out_dir) - 1] == '/' ? "" : "/");
        FILE *f = fopen(path, "wb");
        if (!f) {
            fprintf(stderr, "clockrand: cannot write %s: %s\n", path, strerror(errno));
            return 3;
        }
        int ok = fwrite(out, 1, out_len, f) == out_len;
        if (fclose(f) != 0 || !ok) {
            fprintf(stderr, "clockrand: error writing %s: %s\n", path, strerror(errno));
            return 3;
        }
    }
    return 0;
}
