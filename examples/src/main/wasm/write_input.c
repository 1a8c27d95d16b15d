/*
 * write_input.c - tries to modify the (supposedly read-only) input directory.
 *
 * Usage:   write_input [EXISTING [NEW]]
 *          EXISTING defaults to /inputs/existing.txt, NEW defaults to /inputs/new.txt.
 *
 * 1. open(EXISTING, O_WRONLY|O_TRUNC)                  - would truncate an existing file
 * 2. open(NEW, O_WRONLY|O_CREAT|O_EXCL, 0644)          - would create a new file
 * Nothing is written; a descriptor that opened is closed at once.
 *
 * stdout, one line per attempt:
 *   open <path>: ok
 *   open <path>: errno=<n> <strerror(n)>
 * (errno numbers are those of the libc the program was built against:
 *  wasi-libc uses WASI numbering, e.g. ENOENT=44, EACCES=2, EROFS=69, EPERM=63,
 *  ENOTCAPABLE=76, EEXIST=20; Linux glibc uses Linux numbering.)
 *
 * Exit codes: 0 if both attempts failed (inputs are protected),
 *             1 if either attempt succeeded.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int try_open(const char *path, int flags) {
    int fd = open(path, flags, 0644);
    if (fd >= 0) {
        printf("open %s: ok\n", path);
        close(fd);
        return 1;
    }
    int e = errno;
    printf("open %s: errno=%d %s\n", path, e, strerror(e));
    return 0;
}

int main(int argc, char **argv) {
    const char *existing = argc > 1 ? argv[1] : "/inputs/existing.txt";
    const char *created = argc > 2 ? argv[2] : "/inputs/new.txt";
    int ok = 0;
    ok += try_open(existing, O_WRONLY | O_TRUNC);
    ok += try_open(created, O_WRONLY | O_CREAT | O_EXCL);
    fflush(stdout);
    return ok ? 1 : 0;
}
