/*
 * cpubound.c - deterministic CPU-bound benchmark kernel (pure C, no I/O in the hot loop).
 *
 * Usage:   cpubound [ITERATIONS]
 *          ITERATIONS defaults to DEFAULT_ITERATIONS (sized to take about 0.5 s
 *          natively with gcc -O2 on a 2020s x86-64 core); must be >= 1.
 *
 * Work:
 *   1. fill a 16 MiB buffer from a xorshift64* generator (fixed seed);
 *   2. ITERATIONS times: SHA-256 the whole buffer (portable C implementation,
 *      32-bit integer rotates/adds and sequential memory reads), then write the
 *      32-byte digest back into the buffer at a digest-dependent offset, so each
 *      round depends on the previous one and nothing can be hoisted or skipped;
 *   3. the checksum is the last digest.
 * The result is identical on every platform (byte-oriented, endian-independent),
 * so native and WASM runs can be compared.
 *
 * stdout:
 *   iterations=<N> bytes=<N * 16 MiB> sha256=<64 hex digits>
 *
 * Exit codes: 0 success; 1 out of memory; 2 bad ITERATIONS argument.
 *
 * Builds with clang --target=wasm32-wasi and natively with gcc -O2 (see build.sh).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_SIZE (16u * 1024u * 1024u)
#define DEFAULT_ITERATIONS 10

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const unsigned char *p) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
               (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = hh + S1 + ch + K[i] + w[i];
        uint32_t S0 = ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha256(const unsigned char *data, size_t len, unsigned char out[32]) {
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    size_t full = len / 64;
    for (size_t i = 0; i < full; i++) sha256_block(h, data + 64 * i);
    unsigned char tail[128];
    size_t rem = len - full * 64;
    memset(tail, 0, sizeof tail);
    memcpy(tail, data + full * 64, rem);
    tail[rem] = 0x80;
    size_t tail_len = rem + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++) tail[tail_len - 1 - i] = (unsigned char)(bits >> (8 * i));
    for (size_t off = 0; off < tail_len; off += 64) sha256_block(h, tail + off);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(h[i] >> 8);
        out[4 * i + 3] = (unsigned char)h[i];
    }
}

int main(int argc, char **argv) {
    long iterations = DEFAULT_ITERATIONS;
    if (argc > 1) {
        char *end;
        iterations = strtol(argv[1], &end, 10);
        if (*argv[1] == '\0' || *end != '\0' || iterations < 1) {
            fprintf(stderr, "cpubound: ITERATIONS must be a positive integer, got '%s'\n", argv[1]);
            return 2;
        }
    }
    unsigned char *buf = malloc(BUF_SIZE);
    if (!buf) {
        fputs("cpubound: out of memory\n", stderr);
        return 1;
    }
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < BUF_SIZE; i += 8) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        uint64_t v = x * 0x2545F4914F6CDD1Dull;
        for (int k = 0; k < 8; k++) buf[i + k] = (unsigned char)(v >> (8 * k));
    }
    unsigned char digest[32];
    for (long it = 0; it < iterations; it++) {
        sha256(buf, BUF_SIZE, digest);
        uint32_t off = ((uint32_t)digest[0] << 24 | (uint32_t)digest[1] << 16 |
                        (uint32_t)digest[2] << 8 | digest[3]) % (BUF_SIZE - 32);
        memcpy(buf + off, digest, 32);
    }
    printf("iterations=%ld bytes=%llu sha256=", iterations,
           (unsigned long long)iterations * BUF_SIZE);
    for (int i = 0; i < 32; i++) printf("%02x", digest[i]);
    printf("\n");
    free(buf);
    return 0;
}
