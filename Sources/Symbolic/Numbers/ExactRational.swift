import CMPFR

/// An exact rational of unbounded size (GMP's mpq), for deciding that two expressions are
/// equal exactly, not merely to many digits. Immutable; every operation returns a new value.
///
/// `Rational` stays the type of constants in trees (machine integers, cheap to hash); this one
/// is for evaluation at sampled points, where products of doubles outgrow 64 bits at once.
public final class ExactRational: @unchecked Sendable, Equatable, Comparable {
    // Owned exclusively and never mutated after init, so sharing across threads is safe.
    fileprivate var value = __mpq_struct()

    private init() { cmpq_init(&value) }

    deinit { cmpq_clear(&value) }

    public convenience init(_ rational: Rational) {
        self.init()
        cmpq_set_si(&value, rational.numerator, UInt(rational.denominator))
    }

    public convenience init(_ integer: Int) { self.init(Rational(integer)) }

    /// The double's exact value (every finite double is a dyadic rational); nil if not finite.
    public convenience init?(_ double: Double) {
        guard double.isFinite else { return nil }
        self.init()
        cmpq_set_d(&value, double)
    }

    private static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> ExactRational {
        let result = ExactRational()
        body(&result.value)
        return result
    }

    public static func + (a: ExactRational, b: ExactRational) -> ExactRational {
        make { r in withExtendedLifetime((a, b)) { cmpq_add(r, &a.value, &b.value) } }
    }

    public static func * (a: ExactRational, b: ExactRational) -> ExactRational {
        make { r in withExtendedLifetime((a, b)) { cmpq_mul(r, &a.value, &b.value) } }
    }

    public static prefix func - (a: ExactRational) -> ExactRational {
        make { r in withExtendedLifetime(a) { cmpq_neg(r, &a.value) } }
    }

    /// 1/a, or nil for 0.
    public var reciprocal: ExactRational? {
        guard signum != 0 else { return nil }
        return ExactRational.make { r in withExtendedLifetime(self) { cmpq_inv(r, &value) } }
    }

    /// -1, 0 or 1.
    public var signum: Int { Int(cmpq_sgn(&value)) }

    public var isInteger: Bool { cmpq_is_integer(&value) != 0 }

    /// The value as an Int when it is an integer that fits.
    public var integerValue: Int? {
        guard isInteger, cmpq_fits_slong(&value) != 0 else { return nil }
        return cmpq_get_si_num(&value)
    }

    /// Bits of numerator plus denominator: the cost of the next operation.
    public var sizeInBits: Int { Int(cmpq_num_bits(&value) + cmpq_den_bits(&value)) }

    /// a^n for an integer n (nil for 0 to a negative power).
    public func power(_ n: Int) -> ExactRational? {
        var base = self
        if n < 0 {
            guard let inverse = reciprocal else { return nil }
            base = inverse
        }
        return powerBySquaring(base, n.magnitude, one: ExactRational(1), *)
    }

    public static func == (a: ExactRational, b: ExactRational) -> Bool {
        withExtendedLifetime((a, b)) { cmpq_equal(&a.value, &b.value) != 0 }
    }

    public static func < (a: ExactRational, b: ExactRational) -> Bool {
        withExtendedLifetime((a, b)) { cmpq_cmp(&a.value, &b.value) < 0 }
    }
}
