import CMPFR

/// Owns one MPFR number. Boxes are never shared mutably: `BigFloat` copies the box
/// before any in-place update unless it holds the only reference (copy-on-write).
final class MPFRBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpfr_struct>

    init(precision: Int) {
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_prec_t(Precision.clamp(precision)))
    }

    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }
}

/// An arbitrary-precision binary floating-point number backed by MPFR.
///
/// Every value carries its own precision in bits; there is no global precision.
/// A binary operation rounds its result (to nearest) at the larger precision of
/// its operands, so exact integer constants (64 bits) mix freely with wider values.
public struct BigFloat: @unchecked Sendable {
    var box: MPFRBox

    /// Precision of this value in bits.
    public var precision: Int { Int(cmpfr_get_prec(box.pointer)) }

    /// A fresh, uninitialised (NaN) value whose MPFR number is written by `body`.
    @inline(__always)
    static func computing(precision: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) -> BigFloat {
        let box = MPFRBox(precision: precision)
        body(box.pointer)
        return BigFloat(box: box)
    }

    init(box: MPFRBox) { self.box = box }

    /// Gives `body` a pointer it may write to, copying first if the box is shared.
    @inline(__always)
    mutating func mutate(_ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) {
        if !isKnownUniquelyReferenced(&box) {
            let fresh = MPFRBox(precision: precision)
            cmpfr_set(fresh.pointer, box.pointer, MPFR_RNDN)
            box = fresh
        }
        body(box.pointer)
    }

    /// The same value rounded to `bits` of precision.
    public func rounded(toPrecision bits: Int) -> BigFloat {
        BigFloat.computing(precision: bits) { cmpfr_set($0, box.pointer, MPFR_RNDN) }
    }
}

/// Limits and conversions between decimal digits and binary precision.
public enum Precision {
    /// Smallest precision MPFR accepts is 1 bit; we never go below a double's.
    public static let minimumBits = 53
    /// Largest precision we allow a caller to ask for (far below MPFR's own limit).
    public static let maximumBits = 1 << 22

    public static func clamp(_ bits: Int) -> Int { min(max(bits, minimumBits), maximumBits) }

    /// Bits needed to hold `digits` significant decimal digits.
    public static func bits(forDigits digits: Int) -> Int {
        Int((Double(digits) * 3.321928094887362).rounded(.up))
    }

    /// Decimal digits represented by `bits` bits.
    public static func digits(forBits bits: Int) -> Int {
        Int((Double(bits) * 0.30102999566398120).rounded(.down))
    }
}
