/*
 * membomb.c - allocates memory until the allocator gives up (for memory-cap tests).
 *
 * Usage:   membomb [MAX_MIB]
 *          MAX_MIB: optional safety limit in MiB (default 0 = no limit). Handy when
 *          testing natively; a WASM job under a memory cap normally passes nothing.
 *
 * Loop: malloc(1 MiB); write one byte into every 4 KiB of the chunk (so the memory
 * is really committed, and the WASM linear memory really grows); keep the chunk
 * (chunks are chained in a list and never freed).
 *
 * stdout, once at the end:
 *   allocated <N> MiB            (N = number of 1 MiB chunks obtained)
 *
 * Exit codes:
 *   3  malloc returned NULL (the expected outcome under a memory cap; in WASM
 *      this is memory.grow returning -1)
 *   0  MAX_MIB was given and reached without malloc failing
 *   (or the runtime traps / kills the job before the program can report)
 */
#include <stdio.h>
#include <stdlib.h>

#define CHUNK (1024 * 1024)
#define PAGE 4096

struct chunk {
    struct chunk *next;
};

int main(int argc, char **argv) {
    long max_mib = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
    struct chunk *head = NULL;
    long got = 0;
    for (;;) {
        if (max_mib > 0 && got >= max_mib) break;
        volatile unsigned char *p = malloc(CHUNK);
        if (!p) {
            printf("allocated %ld MiB\n", got);
            fflush(stdout);
            return 3;
        }
        for (size_t off = 0; off < CHUNK; off += PAGE) p[off] = (unsigned char)(off >> 12 | 1);
        p[CHUNK - 1] = 1;
        struct chunk *c = (struct chunk *)p;
        c->next = head;
        head = c;
        got++;
    }
    /* walk the list so nothing above can be optimised away */
    long n = 0;
    for (struct chunk *c = head; c; c = c->next) n++;
    printf("allocated %ld MiB\n", n);
    fflush(stdout);
    return 0;
}
