/*
 * wordcount.c - recursive word count of a directory tree (WASI preview 1 example job).
 *
 * Usage:   wordcount [INPUT_DIR [OUTPUT_DIR]]
 *          INPUT_DIR  defaults to /inputs, OUTPUT_DIR defaults to /outputs.
 *
 * Walks INPUT_DIR recursively. Directory entries are sorted by name (byte-wise
 * strcmp, via qsort) at every level, so the report never depends on readdir
 * order. "." and ".." are skipped; symbolic links and anything that is not a
 * regular file or a directory are skipped (lstat is used, so links are never
 * followed and loops are impossible).
 *
 * For every regular file it counts, like wc(1) in the C locale:
 *   lines = number of '\n' bytes,
 *   words = maximal runs of bytes that are not ' ', \t, \n, \v, \f or \r,
 *   bytes = file size in bytes.
 *
 * Output (the same report on stdout and in OUTPUT_DIR/wordcount.txt):
 *   <lines> <words> <bytes> <path>      one line per file, in walk order,
 *                                       path = INPUT_DIR "/" relative path
 *   <lines> <words> <bytes> total       always, also when there are no files
 *
 * OUTPUT_DIR/words.tsv: the 20 most frequent words, one per line as
 *   <count>\t<word>
 * where a word is a maximal run of ASCII letters [A-Za-z], lowercased (so
 * "don't" gives "don" and "t"). Ordered by count descending, ties broken by
 * strcmp ascending. Fewer lines if there are fewer distinct words; an empty
 * file if there are none.
 *
 * Exit codes:
 *   0  success (a file or subdirectory that cannot be read is reported on
 *      stderr as "wordcount: warning: ..." and skipped)
 *   2  INPUT_DIR cannot be opened (message on stderr)
 *   3  OUTPUT_DIR/wordcount.txt or OUTPUT_DIR/words.tsv cannot be written
 *      (message on stderr; the output directory is not created)
 *   1  out of memory
 *
 * Only standard libc/POSIX calls (opendir, readdir, lstat, fopen, fread, ...).
 * Builds both with clang --target=wasm32-wasi and natively with gcc/clang.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TOP_N 20
#define READ_CHUNK (64 * 1024)

typedef unsigned long long u64;

/* ---------- small helpers ---------- */

static void die_oom(void) {
    fputs("wordcount: out of memory\n", stderr);
    exit(1);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) die_oom();
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) die_oom();
    return p;
}

/* growable byte buffer, used for the report and for the current word */
typedef struct {
    char *data;
    size_t len, cap;
} buf_t;

static void buf_reserve(buf_t *b, size_t extra) {
    if (b->len + extra + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + extra + 1 > cap) cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
}

static void buf_printf(buf_t *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* ---------- word frequency hash table (open addressing, FNV-1a) ---------- */

typedef struct {
    char *word; /* NULL = empty slot */
    u64 count;
    uint32_t hash;
} entry_t;

static entry_t *table;
static size_t table_cap; /* power of two */
static size_t table_len;

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static void table_grow(void) {
    size_t ncap = table_cap ? table_cap * 2 : 4096;
    entry_t *nt = xmalloc(ncap * sizeof(entry_t));
    memset(nt, 0, ncap * sizeof(entry_t));
    for (size_t i = 0; i < table_cap; i++) {
        if (!table[i].word) continue;
        size_t j = table[i].hash & (ncap - 1);
        while (nt[j].word) j = (j + 1) & (ncap - 1);
        nt[j] = table[i];
    }
    free(table);
    table = nt;
    table_cap = ncap;
}

static void count_word(const char *w, size_t n) {
    if (n == 0) return;
    if ((table_len + 1) * 4 > table_cap * 3) table_grow();
    uint32_t h = fnv1a(w, n);
    size_t j = h & (table_cap - 1);
    while (table[j].word) {
        if (table[j].hash == h && strncmp(table[j].word, w, n) == 0 && table[j].word[n] == '\0') {
            table[j].count++;
            return;
        }
        j = (j + 1) & (table_cap - 1);
    }
    char *copy = xmalloc(n + 1);
    memcpy(copy, w, n);
    copy[n] = '\0';
    table[j].word = copy;
    table[j].count = 1;
    table[j].hash = h;
    table_len++;
}

static int cmp_freq(const void *a, const void *b) {
    const entry_t *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->word, y->word);
}

/* ---------- counting ---------- */

static u64 total_lines, total_words, total_bytes;
static buf_t report;
static buf_t word; /* current lowercase letter run, may span read chunks */
static unsigned char *chunk;

static int is_ws(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static void count_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "wordcount: warning: cannot open %s: %s\n", path, strerror(errno));
        return;
    }
    u64 lines = 0, words = 0, bytes = 0;
    int in_word = 0;
    word.len = 0;
    size_t n;
    while ((n = fread(chunk, 1, READ_CHUNK, f)) > 0) {
        bytes += n;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = chunk[i];
            if (c == '\n') lines++;
            if (is_ws(c)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                words++;
            }
            unsigned char lc = c | 0x20; /* ASCII lowercase for letters */
            if (lc >= 'a' && lc <= 'z') {
                buf_reserve(&word, 1);
                word.data[word.len++] = (char)lc;
            } else if (word.len) {
                count_word(word.data, word.len);
                word.len = 0;
            }
        }
    }
    if (word.len) {
        count_word(word.data, word.len);
        word.len = 0;
    }
    if (ferror(f)) {
        fprintf(stderr, "wordcount: warning: error reading %s: %s\n", path, strerror(errno));
    }
    fclose(f);
    total_lines += lines;
    total_words += words;
    total_bytes += bytes;
    buf_printf(&report, "%llu %llu %llu %s\n", lines, words, bytes, path);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name) {
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = xmalloc(dl + slash + nl + 1);
    memcpy(p, dir, dl);
    if (slash) p[dl] = '/';
    memcpy(p + dl + slash, name, nl + 1);
    return p;
}

/* Returns 0 on success, -1 if the directory could not be opened. */
static int walk(const char *dir, int is_root) {
    DIR *d = opendir(dir);
    if (!d) {
        if (is_root) {
            fprintf(stderr, "wordcount: cannot open input directory %s: %s\n", dir, strerror(errno));
        } else {
            fprintf(stderr, "wordcount: warning: cannot open directory %s: %s\n", dir, strerror(errno));
        }
        return -1;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 32;
            names = xrealloc(names, cap * sizeof(char *));
        }
        size_t l = strlen(e->d_name);
        names[count] = xmalloc(l + 1);
        memcpy(names[count], e->d_name, l + 1);
        count++;
    }
    closedir(d);
    if (count > 1) qsort(names, count, sizeof(char *), cmp_str);

    for (size_t i = 0; i < count; i++) {
        char *path = join_path(dir, names[i]);
        struct stat st;
        if (lstat(path, &st) != 0) {
            fprintf(stderr, "wordcount: warning: cannot stat %s: %s\n", path, strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            walk(path, 0);
        } else if (S_ISREG(st.st_mode)) {
            count_file(path);
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return 0;
}

/* ---------- output ---------- */

static int write_file(const char *path, const char *data, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "wordcount: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    int ok = fwrite(data, 1, len, f) == len;
    if (fclose(f) != 0) ok = 0;
    if (!ok) {
        fprintf(stderr, "wordcount: error writing %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *in_dir = argc > 1 ? argv[1] : "/inputs";
    const char *out_dir = argc > 2 ? argv[2] : "/outputs";

    chunk = xmalloc(READ_CHUNK);
    buf_reserve(&report, 0);
    report.data[0] = '\0';

    if (walk(in_dir, 1) != 0) return 2;
    buf_printf(&report, "%llu %llu %llu total\n", total_lines, total_words, total_bytes);

    fwrite(report.data, 1, report.len, stdout);
    fflush(stdout);

    /* top-N words */
    entry_t *all = xmalloc((table_len ? table_len : 1) * sizeof(entry_t));
    size_t k = 0;
    for (size_t i = 0; i < table_cap; i++)
        if (table[i].word) all[k++] = table[i];
    if (k > 1) qsort(all, k, sizeof(entry_t), cmp_freq);
    buf_t tsv = {0};
    buf_reserve(&tsv, 0);
    tsv.data[0] = '\0';
    for (size_t i = 0; i < k && i < TOP_N; i++) buf_printf(&tsv, "%llu\t%s\n", all[i].count, all[i].word);

    char *report_path = join_path(out_dir, "wordcount.txt");
    char *tsv_path = join_path(out_dir, "words.tsv");
    if (write_file(report_path, report.data, report.len) != 0) return 3;
    if (write_file(tsv_path, tsv.data, tsv.len) != 0) return 3;
    return 0;
}
