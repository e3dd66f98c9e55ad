import RealModule

/// The standard normal distribution at arbitrary precision.
///
/// MPFR has erf/erfc but no normal quantile; the quantile is a Newton iteration on the
/// cdf, started from a double-precision guess and run at the working precision plus
/// guard bits until the step no longer changes the value.
public enum NormalDistribution {
    /// φ(x) = exp(-x²/2)/√(2π).
    public static func pdf(_ x: BigFloat) -> BigFloat {
        let bits = x.precision
        return (-(x * x) / BigFloat(2, precision: bits)).exp()
            / (BigFloat(2, precision: bits) * BigFloat.pi(precision: bits)).squareRoot()
    }

    /// Φ(x) = erfc(-x/√2)/2, accurate in both tails.
    public static func cdf(_ x: BigFloat) -> BigFloat {
        let bits = x.precision
        return (-x / BigFloat(2, precision: bits).squareRoot()).erfc() / BigFloat(2, precision: bits)
    }

    /// 1 - Φ(x) = erfc(x/√2)/2 without cancellation.
    public static func survival(_ x: BigFloat) -> BigFloat {
        let bits = x.precision
        return (x / BigFloat(2, precision: bits).squareRoot()).erfc() / BigFloat(2, precision: bits)
    }

    public enum QuantileError: Error, Equatable, Sendable {
        case probabilityOutOfRange(String)
        case noConvergence(String)
    }

    /// Φ⁻¹(p) for 0 < p < 1, to the precision of `p`.
    public static func quantile(_ p: BigFloat) throws(QuantileError) -> BigFloat {
        guard p.isFinite, p > 0, p < BigFloat(1, precision: p.precision) else {
            throw .probabilityOutOfRange(p.decimalString(digits: 20))
        }
        let bits = p.precision + 32
        let target = p.rounded(toPrecision: bits)
        let half = BigFloat(Rational(1, 2)!, precision: bits)
        // Work in the tail that avoids cancellation: solve survival(x) = 1 - p for p > 1/2.
        let upper = target > half
        let tail = upper ? BigFloat(1, precision: bits) - target : target
        var x = BigFloat(initialGuess(tail.doubleValue, log10Tail: tail.log10Magnitude), precision: bits)
        if upper { x = -x }
        // Newton on Φ(x) - p, written as survival(x) - (1-p) in the upper half; both have
        // Newton step (residual)/φ(x) with residual = Φ(x) - p = (1-p) - survival(x).
        func residual(_ x: BigFloat) -> BigFloat { upper ? tail - survival(x) : cdf(x) - target }
        let threshold = -Double(Precision.digits(forBits: bits)) + 4
        for _ in 0..<200 {
            let step = residual(x) / pdf(x)
            x = x - step
            if step.isZero || (!x.isZero && step.log10Magnitude - x.log10Magnitude < threshold) {
                // One more step settles the last bits.
                x = x - residual(x) / pdf(x)
                return x.rounded(toPrecision: p.precision)
            }
        }
        throw .noConvergence(p.decimalString(digits: 20))
    }

    /// Lower-tail quantile guess (x < 0) for tail probability q, valid far beyond double range
    /// through the asymptotic x ≈ -sqrt(2 L - log(2π L)), L = -ln q.
    static func initialGuess(_ q: Double, log10Tail: Double) -> Double {
        let lnq = log10Tail * 2.302585092994046
        if lnq > -1.5 { return -(0.5 - q) * 2.5066282746310002 }
        let L = -lnq
        let inner = 2 * L - Double.log(2 * Double.pi * 2 * L)
        return -(inner > 0 ? inner.squareRoot() : 1)
    }
}
