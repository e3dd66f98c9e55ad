#ifndef CMPFR_SHIM_H
#define CMPFR_SHIM_H
#include <stdio.h>
#include <gmp.h>
#include <mpfr.h>

// MPFR exposes several entry points as macros; Swift cannot call macros, so give them names.
static inline int cmpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
static inline int cmpfr_set(mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd) { return mpfr_set(rop, op, rnd); }
static inline mpfr_exp_t cmpfr_get_exp(mpfr_srcptr x) { return mpfr_get_exp(x); }
static inline mpfr_prec_t cmpfr_get_prec(mpfr_srcptr x) { return mpfr_get_prec(x); }
static inline int cmpfr_zero_p(mpfr_srcptr x) { return mpfr_zero_p(x); }
static inline int cmpfr_nan_p(mpfr_srcptr x) { return mpfr_nan_p(x); }
static inline int cmpfr_inf_p(mpfr_srcptr x) { return mpfr_inf_p(x); }

// GMP's rationals (mpq) under plain names: gmp.h renames them with macros Swift cannot see.
static inline void cmpq_init(mpq_ptr q) { mpq_init(q); }
static inline void cmpq_clear(mpq_ptr q) { mpq_clear(q); }
static inline void cmpq_set(mpq_ptr r, mpq_srcptr q) { mpq_set(r, q); }
static inline void cmpq_set_si(mpq_ptr q, long n, unsigned long d) { mpq_set_si(q, n, d); mpq_canonicalize(q); }
static inline void cmpq_set_d(mpq_ptr q, double x) { mpq_set_d(q, x); }
static inline void cmpq_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_add(r, a, b); }
static inline void cmpq_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_mul(r, a, b); }
static inline void cmpq_neg(mpq_ptr r, mpq_srcptr a) { mpq_neg(r, a); }
static inline void cmpq_inv(mpq_ptr r, mpq_srcptr a) { mpq_inv(r, a); }
static inline int cmpq_sgn(mpq_srcptr q) { return mpq_sgn(q); }
static inline int cmpq_cmp(mpq_srcptr a, mpq_srcptr b) { return mpq_cmp(a, b); }
static inline int cmpq_equal(mpq_srcptr a, mpq_srcptr b) { return mpq_equal(a, b); }
static inline size_t cmpq_num_bits(mpq_srcptr q) { return mpz_sizeinbase(mpq_numref(q), 2); }
static inline size_t cmpq_den_bits(mpq_srcptr q) { return mpz_sizeinbase(mpq_denref(q), 2); }
static inline int cmpq_is_integer(mpq_srcptr q) { return mpz_cmp_ui(mpq_denref(q), 1) == 0; }
static inline int cmpq_fits_slong(mpq_srcptr q) { return mpz_fits_slong_p(mpq_numref(q)); }
static inline long cmpq_get_si_num(mpq_srcptr q) { return mpz_get_si(mpq_numref(q)); }
#endif
