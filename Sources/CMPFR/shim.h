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
#endif
