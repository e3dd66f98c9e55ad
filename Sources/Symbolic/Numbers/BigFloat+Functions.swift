import CMPFR

/// Elementary and special functions, each correctly rounded by MPFR at the value's precision.
extension BigFloat {
    public func squareRoot() -> BigFloat { unary(mpfr_sqrt) }
    public func exp() -> BigFloat { unary(mpfr_exp) }
    public func expm1() -> BigFloat { unary(mpfr_expm1) }
    public func log() -> BigFloat { unary(mpfr_log) }
    public func log1p() -> BigFloat { unary(mpfr_log1p) }
    public func log2() -> BigFloat { unary(mpfr_log2) }
    public func log10() -> BigFloat { unary(mpfr_log10) }
    public func sin() -> BigFloat { unary(mpfr_sin) }
    public func cos() -> BigFloat { unary(mpfr_cos) }
    public func tan() -> BigFloat { unary(mpfr_tan) }
    public func asin() -> BigFloat { unary(mpfr_asin) }
    public func acos() -> BigFloat { unary(mpfr_acos) }
    public func atan() -> BigFloat { unary(mpfr_atan) }
    public func sinh() -> BigFloat { unary(mpfr_sinh) }
    public func cosh() -> BigFloat { unary(mpfr_cosh) }
    public func tanh() -> BigFloat { unary(mpfr_tanh) }
    public func asinh() -> BigFloat { unary(mpfr_asinh) }
    public func acosh() -> BigFloat { unary(mpfr_acosh) }
    public func atanh() -> BigFloat { unary(mpfr_atanh) }
    public func erf() -> BigFloat { unary(mpfr_erf) }
    public func erfc() -> BigFloat { unary(mpfr_erfc) }
    public func gamma() -> BigFloat { unary(mpfr_gamma) }
    public func digamma() -> BigFloat { unary(mpfr_digamma) }

    /// log |Γ(x)|.
    public func lgamma() -> BigFloat {
        BigFloat.computing(precision: precision) { out in
            var sign: Int32 = 0
            _ = mpfr_lgamma(out, &sign, box.pointer, MPFR_RNDN)
        }
    }

    public func pow(_ exponent: BigFloat) -> BigFloat { BigFloat.binary(self, exponent, mpfr_pow) }

    /// Integer power, exact up to one final rounding per MPFR's pow_si.
    public func pow(_ exponent: Int) -> BigFloat {
        BigFloat.computing(precision: precision) { _ = mpfr_pow_si($0, box.pointer, exponent, MPFR_RNDN) }
    }

    /// The n-th root (n ≥ 1); for odd n negative arguments have real roots.
    public func root(_ n: Int) -> BigFloat {
        BigFloat.computing(precision: precision) { _ = mpfr_rootn_ui($0, box.pointer, UInt(n), MPFR_RNDN) }
    }

    public func atan2(_ x: BigFloat) -> BigFloat { BigFloat.binary(self, x, mpfr_atan2) }

    // MARK: constants at a chosen precision

    public static func pi(precision bits: Int) -> BigFloat {
        computing(precision: bits) { _ = mpfr_const_pi($0, MPFR_RNDN) }
    }
    public static func e(precision bits: Int) -> BigFloat { BigFloat(1, precision: bits).exp() }
    public static func eulerGamma(precision bits: Int) -> BigFloat {
        computing(precision: bits) { _ = mpfr_const_euler($0, MPFR_RNDN) }
    }
    public static func log2(precision bits: Int) -> BigFloat {
        computing(precision: bits) { _ = mpfr_const_log2($0, MPFR_RNDN) }
    }
    public static func nan(precision bits: Int = 53) -> BigFloat {
        computing(precision: bits) { mpfr_set_nan($0) }
    }
    public static func infinity(precision bits: Int = 53, negative: Bool = false) -> BigFloat {
        computing(precision: bits) { mpfr_set_inf($0, negative ? -1 : 1) }
    }
}

extension BigFloat {
    /// Smallest integer ≥ x (exact).
    public func ceiling() -> BigFloat {
        BigFloat.computing(precision: precision) { _ = mpfr_ceil($0, box.pointer) }
    }
    /// Largest integer ≤ x (exact).
    public func flooring() -> BigFloat {
        BigFloat.computing(precision: precision) { _ = mpfr_floor($0, box.pointer) }
    }
    public var isInteger: Bool { mpfr_integer_p(box.pointer) != 0 }
}
