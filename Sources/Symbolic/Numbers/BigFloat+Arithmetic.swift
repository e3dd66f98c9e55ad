import CMPFR

extension BigFloat {
    @inline(__always)
    static func binary(_ a: BigFloat, _ b: BigFloat,
                       _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>,
                              UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        computing(precision: Swift.max(a.precision, b.precision)) { _ = op($0, a.box.pointer, b.box.pointer, MPFR_RNDN) }
    }

    @inline(__always)
    func unary(_ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        BigFloat.computing(precision: precision) { _ = op($0, box.pointer, MPFR_RNDN) }
    }

    public static func + (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_add) }
    public static func - (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_sub) }
    public static func * (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_mul) }
    public static func / (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_div) }
    public static prefix func - (a: BigFloat) -> BigFloat { a.unary(mpfr_neg) }

    /// In place when this value holds the only reference to its storage.
    public static func += (a: inout BigFloat, b: BigFloat) {
        if b.precision > a.precision { a = a + b; return }
        a.mutate { _ = mpfr_add($0, $0, b.box.pointer, MPFR_RNDN) }
    }
    public static func -= (a: inout BigFloat, b: BigFloat) {
        if b.precision > a.precision { a = a - b; return }
        a.mutate { _ = mpfr_sub($0, $0, b.box.pointer, MPFR_RNDN) }
    }
    public static func *= (a: inout BigFloat, b: BigFloat) {
        if b.precision > a.precision { a = a * b; return }
        a.mutate { _ = mpfr_mul($0, $0, b.box.pointer, MPFR_RNDN) }
    }
    public static func /= (a: inout BigFloat, b: BigFloat) {
        if b.precision > a.precision { a = a / b; return }
        a.mutate { _ = mpfr_div($0, $0, b.box.pointer, MPFR_RNDN) }
    }

    /// Fused a ← a + b·c with one rounding (used by tight summation loops).
    public mutating func addProduct(_ b: BigFloat, _ c: BigFloat) {
        let bits = Swift.max(precision, b.precision, c.precision)
        if bits > precision { self = self + b * c; return }
        mutate { _ = mpfr_fma($0, b.box.pointer, c.box.pointer, $0, MPFR_RNDN) }
    }

    public var magnitude: BigFloat { unary(mpfr_abs) }
    public func abs() -> BigFloat { magnitude }

    /// x·2^n exactly.
    public func timesPowerOfTwo(_ n: Int) -> BigFloat {
        BigFloat.computing(precision: precision) { _ = mpfr_mul_2si($0, box.pointer, n, MPFR_RNDN) }
    }
}

extension BigFloat: Equatable, Comparable {
    /// IEEE semantics: NaN is unequal to everything.
    public static func == (a: BigFloat, b: BigFloat) -> Bool { mpfr_equal_p(a.box.pointer, b.box.pointer) != 0 }
    public static func < (a: BigFloat, b: BigFloat) -> Bool { mpfr_less_p(a.box.pointer, b.box.pointer) != 0 }
    public static func <= (a: BigFloat, b: BigFloat) -> Bool { mpfr_lessequal_p(a.box.pointer, b.box.pointer) != 0 }
    public static func > (a: BigFloat, b: BigFloat) -> Bool { mpfr_greater_p(a.box.pointer, b.box.pointer) != 0 }
    public static func >= (a: BigFloat, b: BigFloat) -> Bool { mpfr_greaterequal_p(a.box.pointer, b.box.pointer) != 0 }

    public static func max(_ a: BigFloat, _ b: BigFloat) -> BigFloat { a >= b ? a : b }
    public static func min(_ a: BigFloat, _ b: BigFloat) -> BigFloat { a <= b ? a : b }
}

extension BigFloat: Hashable {
    /// Hashes the shortest decimal that round-trips at this precision; equal values of
    /// different precisions may hash differently only if they are not equal.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isZero ? "0" : decimalString(digits: 30))
    }
}
