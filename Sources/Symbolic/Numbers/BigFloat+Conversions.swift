import CMPFR
import RealModule

extension BigFloat {
    /// Exact when `bits` ≥ 64 (the default).
    public init(_ value: Int, precision bits: Int = 64) {
        self = BigFloat.computing(precision: bits) { mpfr_set_si($0, value, MPFR_RNDN) }
    }

    /// Exact: a double has 53 significant bits.
    public init(_ value: Double, precision bits: Int = 53) {
        self = BigFloat.computing(precision: bits) { mpfr_set_d($0, value, MPFR_RNDN) }
    }

    /// p/q correctly rounded to `bits` (one rounding: p is set exactly, then divided).
    public init(_ value: Rational, precision bits: Int) {
        self = BigFloat.computing(precision: bits) { out in
            let p = MPFRBox(precision: 64)
            mpfr_set_si(p.pointer, value.numerator, MPFR_RNDN)
            mpfr_div_si(out, p.pointer, value.denominator, MPFR_RNDN)
        }
    }

    /// Parses a decimal (or "inf", "nan") string, correctly rounded to `bits`.
    /// Returns `nil` on malformed input rather than producing a silent NaN. Exponents beyond
    /// MPFR's range ("1e99999999999999999999") give ±infinity or ±0, as in any float parser.
    public init?(_ text: String, precision bits: Int) {
        let trimmed = text.trimmingWhitespace()
        // MPFR sees a C string: "1\0junk" would otherwise parse as a clean "1".
        guard !trimmed.isEmpty, !trimmed.utf8.contains(0) else { return nil }
        var ok = false
        let value = BigFloat.computing(precision: bits) { out in
            ok = trimmed.withCString { mpfr_set_str(out, $0, 10, MPFR_RNDN) } == 0
        }
        guard ok else { return nil }
        self = value
    }

    public var doubleValue: Double { mpfr_get_d(box.pointer, MPFR_RNDN) }

    /// The value rounded toward zero to an integer, if it fits.
    public var integerValue: Int? {
        guard isFinite else { return nil }
        guard mpfr_fits_slong_p(box.pointer, MPFR_RNDZ) != 0 else { return nil }
        return mpfr_get_si(box.pointer, MPFR_RNDZ)
    }

    public var isNaN: Bool { cmpfr_nan_p(box.pointer) != 0 }
    public var isInfinite: Bool { cmpfr_inf_p(box.pointer) != 0 }
    public var isFinite: Bool { !isNaN && !isInfinite }
    public var isZero: Bool { cmpfr_zero_p(box.pointer) != 0 }
    /// -1, 0 or +1 (0 for NaN as well).
    public var sign: Int { isNaN ? 0 : Int(cmpfr_sgn(box.pointer)) }
    public var isNegative: Bool { sign < 0 }

    /// Binary exponent e with 0.5 ≤ |x|/2^e < 1; `nil` for zero, NaN and infinities.
    public var exponent: Int? { isFinite && !isZero ? Int(cmpfr_get_exp(box.pointer)) : nil }

    /// log10 |x| as a double, accurate far beyond the range of `Double` itself.
    public var log10Magnitude: Double {
        guard isFinite, !isZero else { return isZero ? -.infinity : .infinity }
        var exp: Int = 0
        let mantissa = mpfr_get_d_2exp(&exp, box.pointer, MPFR_RNDN)
        return Double.log10(Swift.abs(mantissa)) + Double(exp) * 0.30102999566398120
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

