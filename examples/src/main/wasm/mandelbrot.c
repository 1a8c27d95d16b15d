/*
 * mandelbrot.c - renders the Mandelbrot set as a colour image (WASI preview 1 example job).
 *
 * Usage:   mandelbrot [WIDTH [HEIGHT [MAX_ITER [OUTPUT_DIR]]]]
 *          WIDTH defaults to 480, HEIGHT to 320 (each 1..4096), MAX_ITER to 200 (1..100000),
 *          OUTPUT_DIR to /outputs.
 *
 * Writes OUTPUT_DIR/mandelbrot.ppm: a binary PPM (P6, maxval 255), the region
 * re in [-2.5, 1.0], im in [-1.2, 1.2] centred on the image (the shorter side
 * is widened to keep square pixels). A point inside the set is black; outside,
 * the colour depends on the escape iteration (a smooth periodic palette).
 *
 * stdout: one line "mandelbrot WxH max_iter=N inside=K" (K = pixels that never escaped).
 *
 * Only integer arithmetic and IEEE double add/multiply/compare are used, so the
 * image is byte-identical on every run and every node.
 *
 * Exit codes: 0 success, 2 bad argument, 3 the output cannot be written, 1 out of memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long arg(int argc, char **argv, int i, long def, long min, long max) {
    if (argc <= i) return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*argv[i] == '\0' || *end != '\0' || v < min || v > max) {
        fprintf(stderr, "mandelbrot: argument %d must be an integer in %ld..%ld (got \"%s\")\n", i, min, max,
                argv[i]);
        exit(2);
    }
    return v;
}

/* a smooth periodic palette from integer triangle waves: 0..255 per channel */
static unsigned char wave(long n, long period, long phase) {
    long t = (n * 512 / period + phase) % 512;
    return (unsigned char) (t < 256 ? t : 511 - t);
}

int main(int argc, char **argv) {
    long w = arg(argc, argv, 1, 480, 1, 4096);
    long h = arg(argc, argv, 2, 320, 1, 4096);
    long max_iter = arg(argc, argv, 3, 200, 1, 100000);
    const char *out_dir = argc > 4 ? argv[4] : "/outputs";

    double re_min = -2.5, re_max = 1.0, im_min = -1.2, im_max = 1.2;
    double scale = (re_max - re_min) / (double) w;
    if ((im_max - im_min) / (double) h > scale) scale = (im_max - im_min) / (double) h;
    double re0 = (re_min + re_max) / 2 - scale * (double) w / 2;
    double im0 = (im_min + im_max) / 2 + scale * (double) h / 2;

    unsigned char *rgb = malloc((size_t) w * (size_t) h * 3);
    if (!rgb) {
        fputs("mandelbrot: out of memory\n", stderr);
        return 1;
    }
    long inside = 0;
    for (long y = 0; y < h; y++) {
        double ci = im0 - scale * ((double) y + 0.5);
        for (long x = 0; x < w; x++) {
            double cr = re0 + scale * ((double) x + 0.5);
            double zr = 0, zi = 0, zr2 = 0, zi2 = 0;
            long n = 0;
            while (n < max_iter && zr2 + zi2 <= 4.0) {
                zi = 2 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                zr2 = zr * zr;
                zi2 = zi * zi;
                n++;
            }
            unsigned char *p = rgb + (y * w + x) * 3;
            if (n == max_iter) {
                p[0] = p[1] = p[2] = 0;
                inside++;
            } else {
                p[0] = wave(n, 64, 0);
                p[1] = wave(n, 48, 128);
                p[2] = wave(n, 32, 256);
            }
        }
    }

    char path[4096];
    snprintf(path, sizeof path, "%s/mandelbrot.ppm", out_dir);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return 3;
    }
    fprintf(f, "P6\n%ld %ld\n255\n", w, h);
    size_t bytes = (size_t) w * (size_t) h * 3;
    int ok = fwrite(rgb, 1, bytes, f) == bytes;
    if (fclose(f) != 0 || !ok) {
        perror(path);
        return 3;
    }
    free(rgb);
    printf("mandelbrot %ldx%ld max_iter=%ld inside=%ld\n", w, h, max_iter, inside);
    return 0;
}
