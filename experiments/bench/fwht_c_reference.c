/* Plain C in-place fast Walsh-Hadamard transform (float32), radix-2 butterflies left to the compiler's
 * auto-vectoriser, with the small strides done block by block while a 16 KiB block sits in L1.
 * Prints ns/element for N = 2^10, 2^16, 2^20, 2^24 (median of repeated runs). Repeated in-place passes grow
 * the values by sqrt(N) each and reach inf/NaN, which costs the same as finite values in SSE/AVX arithmetic. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void stages(float *restrict x, long n, long from_h, long to_h)
{
    for (long h = from_h; h < to_h; h <<= 1)
        for (long b = 0; b < n; b += 2 * h)
            for (long j = b; j < b + h; j++) {
                float a = x[j], c = x[j + h];
                x[j] = a + c;
                x[j + h] = a - c;
            }
}

static void fwht(float *x, long n)
{
    const long block = 4096;
    if (n <= block) { stages(x, n, 1, n); return; }
    for (long b = 0; b < n; b += block) stages(x + b, block, 1, block);
    stages(x, n, block, n);
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double d = *(const double *)a - *(const double *)b;
    return (d > 0) - (d < 0);
}

int main(void)
{
    const int logs[] = {10, 16, 20, 24};
    for (int i = 0; i < 4; i++) {
        long n = 1L << logs[i];
        float *x = aligned_alloc(64, n * sizeof(float));
        for (long j = 0; j < n; j++) x[j] = (float)rand() / RAND_MAX - 0.5f;
        long batch = n >= (1L << 20) ? 1 : (1L << 20) / n;
        double samples[41];
        int count = n >= (1L << 24) ? 11 : 41;
        fwht(x, n);
        for (int r = 0; r < count; r++) {
            double t0 = now_ns();
            for (long k = 0; k < batch; k++) fwht(x, n);
            samples[r] = (now_ns() - t0) / ((double)batch * n);
        }
        qsort(samples, count, sizeof(double), cmp);
        printf("{\"log2n\": %d, \"ns_per_element\": %.4f, \"checksum\": %g}\n", logs[i], samples[count / 2], (double)x[1]);
        free(x);
    }
    return 0;
}
