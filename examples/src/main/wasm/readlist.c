/*
 * readlist.c - lists one directory exactly in the order readdir(3) returns it.
 * Used to show whether the runtime presents a sorted, deterministic view of the
 * file system (this program itself does NOT sort anything).
 *
 * Usage:   readlist [DIR]          (DIR defaults to /inputs)
 *
 * stdout, one line per entry returned by readdir, including "." and ".." if the
 * runtime returns them:
 *   <name> size=<st_size> ino=<st_ino> mtime=<st_mtime seconds>
 * If stat(DIR/name) fails for an entry:
 *   <name> stat-error errno=<n> <strerror>
 * Finally:
 *   entries=<count>
 *
 * Exit codes: 0 success; 2 if DIR cannot be opened (message on stderr).
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "/inputs";
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "readlist: cannot open directory %s: %s\n", dir, strerror(errno));
        return 2;
    }
    size_t dl = strlen(dir);
    const char *sep = dl > 0 && dir[dl - 1] == '/' ? "" : "/";
    long count = 0;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d)) != NULL) {
        count++;
        snprintf(path, sizeof path, "%s%s%s", dir, sep, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) {
            int err = errno;
            printf("%s stat-error errno=%d %s\n", e->d_name, err, strerror(err));
            continue;
        }
        printf("%s size=%lld ino=%llu mtime=%lld\n", e->d_name, (long long)st.st_size,
               (unsigned long long)st.st_ino, (long long)st.st_mtime);
    }
    closedir(d);
    printf("entries=%ld\n", count);
    return 0;
}
