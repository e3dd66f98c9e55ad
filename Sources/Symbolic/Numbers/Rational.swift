/// An exact rational number p/q with q > 0 and gcd(p, q) = 1, in machine integers.
///
/// Arithmetic reports overflow as `nil` instead of trapping, so callers can fall back
/// to floating-point evaluation rather than crash on large exact constants.
public struct Rational: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// `nil` when `denominator` is zero or normalisation overflows.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0 else { return nil }
        guard numerator != .min, denominator != .min else { return nil }
        let divisor = Rational.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    public init(_ integer: Int) {
        numerator = integer
        denominator = 1
    }

    /// Parses a plain decimal literal such as "0.9", "-1.25" or "1e-4" exactly.
    ///
    /// `nil` for anything that is not one or does not fit in machine integers, whatever the
    /// size of the written exponent ("1e-9223372036854775808", "1e99999999999999999999").
    public init?(decimal text: String) {
        var mantissa = text.lowercased()
        var exponent = 0
        if let e = mantissa.firstIndex(of: "e") {
            guard let value = Int(mantissa[mantissa.index(after: e)...]) else { return nil }
            exponent = value
            mantissa = String(mantissa[..<e])
        }
        if let dot = mantissa.firstIndex(of: ".") {
            let fraction = mantissa[mantissa.index(after: dot)...]
            let (shifted, overflow) = exponent.subtractingReportingOverflow(fraction.count)
            guard !overflow else { return nil }
            exponent = shifted
            mantissa.remove(at: dot)
        }
        guard !mantissa.isEmpty, let integer = Int(mantissa), integer != .min else { return nil }
        // 10^19 exceeds Int.max; checked as a range because abs(Int.min) would trap.
        guard (-18...18).contains(exponent) else { return nil }
        var power = 1
        for _ in 0..<exponent.magnitude { power *= 10 }
        if exponent >= 0 {
            let (value, overflow) = integer.multipliedReportingOverflow(by: power)
            guard !overflow, value != .min else { return nil }
            self.init(value)
        } else {
            self.init(integer, power)
        }
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var isZero: Bool { numerator == 0 }
    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// The exact decimal expansion when the denominator is 2^a·5^b (0.9, 0.225, 0.0001), else nil.
    public var terminatingDecimal: String? {
        var d = denominator, places = 0
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        guard d == 1 else { return nil }
        places = Swift.max(twos, fives)
        guard places <= 18 else { return nil }
        if places == 0 { return "\(numerator)" }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        // magnitude, not abs: Rational(Int.min) exists and abs(Int.min) traps.
        guard let magnitude = Int(exactly: numerator.magnitude) else { return nil }
        let (scaled, overflow) = magnitude.multipliedReportingOverflow(by: scale / denominator)
        guard !overflow else { return nil }
        var digits = String(scaled)
        while digits.count <= places { digits = "0" + digits }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        return (numerator < 0 ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// How reports write an exact constant: decimals where the author would (0.95, 1e-4),
    /// fractions otherwise (1/3).
    public var readable: String {
        if isInteger { return "\(numerator)" }
        if let decimal = terminatingDecimal, denominator >= 10 || denominator == 5 {
            return decimal.count <= 10 ? decimal : scientific ?? decimal
        }
        return description
    }

    /// 1e-6 style for tiny powers of ten times a small integer.
    var scientific: String? {
        var d = denominator, k = 0
        while d % 10 == 0 { d /= 10; k += 1 }
        guard d == 1, k > 0 else { return nil }
        return "\(numerator)e-\(k)"
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    public func adding(_ other: Rational) -> Rational? {
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (d, o3) = denominator.multipliedReportingOverflow(by: other.denominator)
        let (n, o4) = a.addingReportingOverflow(b)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return Rational(n, d)
    }

    public func multiplying(_ other: Rational) -> Rational? {
        let (n, o1) = numerator.multipliedReportingOverflow(by: other.numerator)
        let (d, o2) = denominator.multipliedReportingOverflow(by: other.denominator)
        guard !(o1 || o2) else { return nil }
        return Rational(n, d)
    }

    public var negated: Rational? { numerator == .min ? nil : Rational(-numerator, denominator) }
    public var reciprocal: Rational? { Rational(denominator, numerator) }

    /// Integer power; `nil` on overflow or 0 to a negative power.
    ///
    /// By repeated squaring, so that 1^(10^18) is immediate rather than 10^18 multiplications.
    public func power(_ exponent: Int) -> Rational? {
        if exponent < 0 {
            guard let base = reciprocal else { return nil }
            // -Int.min overflows: x^Int.min = (1/x)^Int.max · (1/x).
            if exponent == .min { return base.power(.max)?.multiplying(base) }
            return base.power(-exponent)
        }
        struct Overflow: Error {}
        return try? powerBySquaring(self, UInt(exponent), one: .one) { (a: Rational, b: Rational) throws(Overflow) -> Rational in
            guard let product = a.multiplying(b) else { throw Overflow() }
            return product
        }
    }
}
