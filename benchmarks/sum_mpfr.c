/* Reference timing in plain C over MPFR:
 *
 *   S = sum_{j=1}^{t} (b3^(t-j+1) - b1^(t-j+1)) * sin(j),  b3 = 1 - 1e-4, b1 = 0.9
 *
 * A straightforward loop with mpfr_t temporaries allocated once, mpfr_pow_si for the
 * powers and mpfr_sin for sin(j); the same operations, in the same order, as the Swift
 * BigFloat loop in swift/Sources/SumBenchmark/main.swift.
 *
 *   cc -O2 -o sum_mpfr sum_mpfr.c $(pkg-config --cflags --libs mpfr) -lgmp
 *   ./sum_mpfr [--repeat N] [--warmup W] [--terms T] [--precision BITS] [--digits D]
 *
 * W untimed warm-up runs (default 1) precede the N timed ones.
 *
 * Prints  RESULT<TAB>c-mpfr<TAB>median s<TAB>min s<TAB>value  on stdout (same as the Swift tool).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gmp.h>
#include <mpfr.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void compute(mpfr_t total, long t, mpfr_prec_t bits) {
    mpfr_t b3, b1, p3, p1, x, s;
    mpfr_inits2(bits, b3, b1, p3, p1, x, s, (mpfr_ptr)0);
    /* b3 = 9999/10000 and b1 = 9/10, each correctly rounded once. */
    mpfr_set_ui(b3, 9999, MPFR_RNDN);
    mpfr_div_ui(b3, b3, 10000, MPFR_RNDN);
    mpfr_set_ui(b1, 9, MPFR_RNDN);
    mpfr_div_ui(b1, b1, 10, MPFR_RNDN);
    mpfr_set_zero(total, 1);
    for (long j = 1; j <= t; j++) {
        long n = t - j + 1;
        mpfr_pow_si(p3, b3, n, MPFR_RNDN);
        mpfr_pow_si(p1, b1, n, MPFR_RNDN);
        mpfr_sub(p3, p3, p1, MPFR_RNDN);
        mpfr_set_si(x, j, MPFR_RNDN);
        mpfr_sin(s, x, MPFR_RNDN);
        mpfr_mul(p3, p3, s, MPFR_RNDN);
        mpfr_add(total, total, p3, MPFR_RNDN);
    }
    mpfr_clears(b3, b1, p3, p1, x, s, (mpfr_ptr)0);
}

/* Scientific notation "d.ddd...e<exp>" like BigFloat.decimalString(digits:). */
static void print_value(mpfr_t v, int digits) {
    mpfr_exp_t exp;
    char *raw = mpfr_get_str(NULL, &exp, 10, (size_t)digits, v, MPFR_RNDN);
    const char *m = raw;
    if (*m == '-') { putchar('-'); m++; }
    if (mpfr_zero_p(v)) { printf("0"); }
    else {
        putchar(m[0]);
        if (m[1]) printf(".%s", m + 1);
        if (exp - 1 != 0) printf("e%ld", (long)(exp - 1));
    }
    mpfr_free_str(raw);
}

int main(int argc, char **argv) {
    int repetitions = 5, digits = 75, warmup = 1;
    long terms = 20000;
    long bits = 256;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if ((!strcmp(a, "--repeat") || !strcmp(a, "-n")) && v) { repetitions = atoi(v); i++; }
        else if ((!strcmp(a, "--terms") || !strcmp(a, "-t")) && v) { terms = atol(v); i++; }
        else if ((!strcmp(a, "--precision") || !strcmp(a, "-p")) && v) { bits = atol(v); i++; }
        else if (!strcmp(a, "--digits") && v) { digits = atoi(v); i++; }
        else if (!strcmp(a, "--warmup") && v) { warmup = atoi(v); i++; }
        else {
            fprintf(stderr, "usage: %s [--repeat N] [--warmup W] [--terms T] [--precision BITS] [--digits D]\n", argv[0]);
            return 2;
        }
    }
    if (repetitions < 1) repetitions = 1;

    fprintf(stderr, "terms=%ld precision=%ld repeat=%d (MPFR %s, GMP %s)\n",
            terms, bits, repetitions, mpfr_get_version(), gmp_version);
    double *times = malloc(sizeof(double) * (size_t)repetitions);
    mpfr_t total;
    mpfr_init2(total, (mpfr_prec_t)bits);
    for (int w = 0; w < warmup; w++) compute(total, terms, (mpfr_prec_t)bits);
    for (int r = 0; r < repetitions; r++) {
        double start = now();
        compute(total, terms, (mpfr_prec_t)bits);
        times[r] = now() - start;
        fprintf(stderr, "c-mpfr rep %d: %.6f s\n", r + 1, times[r]);
    }
    qsort(times, (size_t)repetitions, sizeof(double), compare_doubles);
    double median = repetitions % 2 ? times[repetitions / 2]
                                    : 0.5 * (times[repetitions / 2 - 1] + times[repetitions / 2]);
    printf("RESULT\tc-mpfr\t%.9g\t%.9g\t", median, times[0]);
    print_value(total, digits);
    printf("\n");
    mpfr_clear(total);
    mpfr_free_cache();
    free(times);
    return 0;
}
