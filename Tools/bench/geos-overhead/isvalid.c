/* The baseline for GEOSKit's overhead: isValid over every geometry of a WKB dump,
 * calling libgeos_c directly. Input: a file of [uint32 little-endian length][WKB] records.
 * usage: isvalid FILE PASSES   -> prints "c <best-pass-seconds> <invalid-count>" */
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s FILE PASSES\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 3; }
    int passes = atoi(argv[2]);
    GEOSContextHandle_t h = GEOS_init_r();
    GEOSWKBReader *reader = GEOSWKBReader_create_r(h);
    size_t cap = 1024, n = 0;
    GEOSGeometry **geoms = malloc(cap * sizeof *geoms);
    uint32_t len;
    while (fread(&len, 4, 1, f) == 1) {
        unsigned char *buf = malloc(len);
        if (fread(buf, 1, len, f) != len) { fprintf(stderr, "truncated\n"); return 3; }
        GEOSGeometry *g = GEOSWKBReader_read_r(h, reader, buf, len);
        free(buf);
        if (!g) { fprintf(stderr, "bad WKB\n"); return 3; }
        if (n == cap) { cap *= 2; geoms = realloc(geoms, cap * sizeof *geoms); }
        geoms[n++] = g;
    }
    fclose(f);
    double best = 1e30;
    int invalid = 0;
    for (int p = 0; p < passes; p++) {
        double t0 = now();
        invalid = 0;
        for (size_t i = 0; i < n; i++) {
            char v = GEOSisValid_r(h, geoms[i]);
            if (v == 2) { fprintf(stderr, "GEOS exception\n"); return 1; }
            if (!v) invalid++;
        }
        double t = now() - t0;
        if (t < best) best = t;
    }
    printf("c %.6f %d %zu\n", best, invalid, n);
    for (size_t i = 0; i < n; i++) GEOSGeom_destroy_r(h, geoms[i]);
    free(geoms);
    GEOSWKBReader_destroy_r(h, reader);
    GEOS_finish_r(h);
    return 0;
}
