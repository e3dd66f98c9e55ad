/// Safeguarded Newton iteration at arbitrary precision: Newton steps while they stay inside the
/// current bracket and shrink it fast enough, bisection otherwise. Converges whenever the
/// bracket holds a sign change; quadratically once Newton takes over.
public enum RootFinding {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case noSignChange(String)
        case notConverged(iterations: Int)
        case nonFinite(String)
        public var description: String {
            switch self {
            case let .noSignChange(s): return "no sign change on the bracket \(s)"
            case let .notConverged(n): return "no convergence after \(n) iterations"
            case let .nonFinite(s): return "non-finite function value at \(s)"
            }
        }
    }

    public struct Result: Sendable {
        public let root: BigFloat
        public let iterations: Int
        /// Width of the final bracket (an error bound for the root).
        public let bracketWidth: BigFloat
    }

    /// The root of f in [lower, upper]; `f` returns (f(x), f'(x)). f(lower) and f(upper) must
    /// differ in sign (or one be zero). Stops when the bracket is below 2^-precision relative.
    public static func newtonBisection(
        in lower: BigFloat, _ upper: BigFloat, precision bits: Int, maximumIterations: Int = 2000,
        _ f: (BigFloat) -> (value: BigFloat, derivative: BigFloat)
    ) throws(Failure) -> Result {
        var a = lower.rounded(toPrecision: bits), b = upper.rounded(toPrecision: bits)
        var fa = f(a).value, fb = f(b).value
        guard fa.isFinite, fb.isFinite else { throw .nonFinite("[\(a.decimalString(digits: 10)), \(b.decimalString(digits: 10))]") }
        if fa.isZero { return Result(root: a, iterations: 0, bracketWidth: BigFloat(0, precision: bits)) }
        if fb.isZero { return Result(root: b, iterations: 0, bracketWidth: BigFloat(0, precision: bits)) }
        guard fa.sign != fb.sign else {
            throw .noSignChange("[\(a.decimalString(digits: 10)), \(b.decimalString(digits: 10))]")
        }
        let tolerance = BigFloat(1, precision: bits).timesPowerOfTwo(-bits + 4)
        var x = (a + b).timesPowerOfTwo(-1)
        var previousWidth = (b - a).magnitude
        for iteration in 1...maximumIterations {
            let (fx, dfx) = f(x)
            guard fx.isFinite else { throw .nonFinite(x.decimalString(digits: 20)) }
            if fx.isZero { return Result(root: x, iterations: iteration, bracketWidth: BigFloat(0, precision: bits)) }
            // Shrink the bracket around the sign change.
            if fx.sign == fa.sign { a = x; fa = fx } else { b = x; fb = fx }
            let width = (b - a).magnitude
            let scale = BigFloat.max(BigFloat.max(a.magnitude, b.magnitude), BigFloat(1, precision: bits).timesPowerOfTwo(-bits))
            if width <= tolerance * scale {
                return Result(root: (a + b).timesPowerOfTwo(-1), iterations: iteration, bracketWidth: width)
            }
            // Newton from x if it lands inside the bracket and the bracket is shrinking well.
            var next = (a + b).timesPowerOfTwo(-1)
            if dfx.isFinite, !dfx.isZero {
                let candidate = x - fx / dfx
                if candidate > BigFloat.min(a, b), candidate < BigFloat.max(a, b), width <= previousWidth.timesPowerOfTwo(-1) || iteration < 3 {
                    next = candidate
                    // A Newton step smaller than the tolerance: the root is found.
                    if (candidate - x).magnitude <= tolerance * scale {
                        return Result(root: candidate, iterations: iteration, bracketWidth: (candidate - x).magnitude)
                    }
                }
            }
            previousWidth = width
            x = next
        }
        throw .notConverged(iterations: maximumIterations)
    }
}
