/// Double-exponential quadrature at arbitrary precision.
///
/// Finite [a, b]: tanh-sinh, x = c + r·tanh(π/2·sinh u). Half-infinite [a, ∞): exp-sinh,
/// x = a + exp(π/2·sinh u). Whole line: sinh-sinh, x = sinh(π/2·sinh u). The step halves each
/// level, reusing every earlier node; the error estimate is the change between the last two
/// levels, and the rule stops only when that change is near the working precision (the
/// quadratic-convergence shortcut of stopping at half the digits is unsafe for endpoint
/// singularities). Endpoint singularities of algebraic or logarithmic type are handled by the
/// transformation itself.
public enum Quadrature {
    public enum Interval: Sendable, Equatable {
        case finite(BigFloat, BigFloat)
        case upperInfinite(from: BigFloat)
        case lowerInfinite(to: BigFloat)
        case whole
    }

    public struct Result: Sendable {
        public let value: BigFloat
        /// |I_k - I_{k-1}| of the last two levels.
        public let errorEstimate: BigFloat
        public let levels: Int
        public let evaluations: Int
        public let converged: Bool
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case nonFinite(at: String)
        case notConverged(estimate: String)
        public var description: String {
            switch self {
            case let .nonFinite(x): return "the integrand is not finite at x = \(x)"
            case let .notConverged(e): return "quadrature did not converge (estimate \(e))"
            }
        }
    }

    /// ∫ f over the interval at `precision` bits, to about `precision` bits when f is analytic
    /// inside. `f` may throw; its errors propagate unchanged.
    public static func integrate<E: Error>(
        _ interval: Interval, precision bits: Int, maximumLevels: Int = 12,
        _ f: (BigFloat) throws(E) -> BigFloat
    ) throws(E) -> Result {
        let work = bits + 20
        // Nodes cluster at finite endpoints to within 2^-work of them; computing them with twice
        // the bits keeps x - endpoint exact enough for integrands singular there (1/√(1-x²)).
        let nodeBits: Int
        switch interval {
        case .finite: nodeBits = 2 * work
        case let .upperInfinite(a), let .lowerInfinite(a): nodeBits = a.isZero ? work : 2 * work
        case .whole: nodeBits = work
        }
        let one = BigFloat(1, precision: work)
        let halfPi = BigFloat.pi(precision: work).timesPowerOfTwo(-1)
        // Nodes beyond |u| = uMax contribute below 2^-work: stop where the weight does.
        let tiny = BigFloat(1, precision: work).timesPowerOfTwo(-work - 10)

        // Returns (x, dx/du) at u, or nil when the node falls onto an endpoint at this precision.
        let halfPiNodes = BigFloat.pi(precision: nodeBits).timesPowerOfTwo(-1)
        func node(_ u: BigFloat) -> (BigFloat, BigFloat)? {
            let s = halfPiNodes * u.rounded(toPrecision: nodeBits).sinh()
            let ds = halfPi * u.cosh()
            switch interval {
            case let .finite(a, b):
                let center = (a.rounded(toPrecision: nodeBits) + b).timesPowerOfTwo(-1)
                let radius = (b.rounded(toPrecision: nodeBits) - a).timesPowerOfTwo(-1)
                let th = s.tanh()
                let ch = s.cosh()
                let x = center + radius * th
                if x <= BigFloat.min(a, b) || x >= BigFloat.max(a, b) { return nil }
                return (x, (radius * ds / (ch * ch)).rounded(toPrecision: work))
            case let .upperInfinite(a):
                let e = s.exp()
                return (a.rounded(toPrecision: nodeBits) + e, (ds * e).rounded(toPrecision: work))
            case let .lowerInfinite(b):
                let e = (-s).exp()
                return (b.rounded(toPrecision: nodeBits) - e, (ds * e).rounded(toPrecision: work))
            case .whole:
                return (s.sinh(), ds * s.cosh())
            }
        }

        var h = one
        var total = BigFloat(0, precision: work)
        var evaluations = 0
        // Sum of f·w over the nodes u = k·h for the odd (or, at level 0, all) k, both signs.
        func sweep(level: Int) throws(E) -> BigFloat {
            var sum = BigFloat(0, precision: work)
            let stride = level == 0 ? 1 : 2
            var k = level == 0 ? 0 : 1
            while true {
                var contributed = false
                for sign in (k == 0 ? [1] : [1, -1]) {
                    let u = BigFloat(sign * k, precision: work) * h
                    guard let (x, w) = node(u) else { continue }
                    // Skip on the term, not the weight: at a singular endpoint a tiny weight
                    // multiplies a huge integrand.
                    guard w.isFinite, !w.isZero else { continue }
                    let y = try f(nodeBits > work ? x : x.rounded(toPrecision: bits))
                    evaluations += 1
                    let term = y.rounded(toPrecision: work) * w
                    if term.isFinite {
                        sum += term
                        if !(term.magnitude < tiny) { contributed = true }
                    }
                }
                k += stride
                // Past |u| ≈ 7 the double exponential has left every precision we use.
                if !contributed && BigFloat(k, precision: work) * h > BigFloat(3, precision: work) { break }
                if BigFloat(k, precision: work) * h > BigFloat(8, precision: work) { break }
            }
            return sum
        }

        total = try sweep(level: 0)
        var estimate = h * total
        var previous = estimate
        var change = BigFloat.infinity(precision: work)
        var level = 0
        let target = BigFloat(1, precision: work).timesPowerOfTwo(-bits + 12)
        while level < maximumLevels {
            level += 1
            h = h.timesPowerOfTwo(-1)
            total += try sweep(level: level)
            estimate = h * total
            change = (estimate - previous).magnitude
            let scale = BigFloat.max(estimate.magnitude, BigFloat(1, precision: work).timesPowerOfTwo(-bits))
            if level >= 3 && change <= target * scale { break }
            previous = estimate
        }
        let scale = BigFloat.max(estimate.magnitude, BigFloat(1, precision: work).timesPowerOfTwo(-bits))
        return Result(value: estimate.rounded(toPrecision: bits), errorEstimate: change.rounded(toPrecision: 64),
                      levels: level, evaluations: evaluations, converged: change <= target * scale)
    }
}
