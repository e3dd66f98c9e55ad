/// A reusable tanh-sinh rule on [-1, 1] for many finite intervals at one precision.
///
/// `Quadrature.integrate` recomputes its nodes (three transcendental functions at twice the
/// precision) for every call, which dominates when one quantity needs a dozen short pieces. This
/// rule computes each level's nodes once, lazily, and maps them affinely onto every interval.
/// It is meant for integrands analytic on the closed interval (no endpoint singularities), and it
/// stops on an absolute tolerance, so a piece worth 10⁻⁴⁰ of a total costs only what its share needs.
public struct TanhSinhRule: Sendable {
    public struct Result: Sendable {
        public let value: BigFloat
        /// |I_k - I_{k-1}| of the last two levels.
        public let errorEstimate: BigFloat
        public let levels: Int
        public let evaluations: Int
        public let converged: Bool
    }

    public let precision: Int
    public let maximumLevel: Int
    /// levels[k]: (abscissa t ∈ [0, 1), weight) for u = j·2^-k, j odd (all j ≥ 0 at level 0).
    private var levels: [[(t: BigFloat, w: BigFloat)]] = []

    public init(precision: Int, maximumLevel: Int = 10) {
        self.precision = precision
        self.maximumLevel = maximumLevel
    }

    private mutating func ensureLevel(_ k: Int) {
        let bits = precision + 20
        let halfPi = BigFloat.pi(precision: bits).timesPowerOfTwo(-1)
        let tiny = BigFloat(1, precision: bits).timesPowerOfTwo(-bits - 10)
        while levels.count <= k {
            let level = levels.count
            let step = BigFloat(1, precision: bits).timesPowerOfTwo(-level)
            var nodes: [(t: BigFloat, w: BigFloat)] = []
            var j = level == 0 ? 0 : 1
            while true {
                let u = BigFloat(j, precision: bits) * step
                let s = halfPi * u.sinh()
                let c = s.cosh()
                let w = halfPi * u.cosh() / (c * c)
                let t = s.tanh()
                // Past the point where the weight is below 2^-bits the rule has ended.
                if w < tiny || t >= BigFloat(1, precision: bits) { break }
                nodes.append((t, w))
                j += level == 0 ? 1 : 2
            }
            levels.append(nodes)
        }
    }

    /// ∫_a^b f, refining until the change between levels is at most
    /// max(absoluteTolerance, relativeTolerance·|estimate|) (and at least three levels are used).
    public mutating func integrate(from a: BigFloat, to b: BigFloat, absoluteTolerance: BigFloat,
                                   relativeTolerance: BigFloat, _ f: (BigFloat) -> BigFloat) -> Result {
        let bits = precision + 20
        let center = (a + b).rounded(toPrecision: bits).timesPowerOfTwo(-1)
        let radius = (b - a).rounded(toPrecision: bits).timesPowerOfTwo(-1)
        var sum = BigFloat(0, precision: bits)
        var evaluations = 0
        var previous: BigFloat? = nil
        var change = BigFloat.infinity(precision: 64)
        var estimate = BigFloat(0, precision: bits)
        for level in 0...maximumLevel {
            ensureLevel(level)
            for (t, w) in levels[level] {
                let offset = radius * t
                if t.isZero {
                    sum += f((center).rounded(toPrecision: precision)) * w
                    evaluations += 1
                } else {
                    sum += (f((center + offset).rounded(toPrecision: precision)) + f((center - offset).rounded(toPrecision: precision))) * w
                    evaluations += 2
                }
            }
            estimate = sum * radius * BigFloat(1, precision: bits).timesPowerOfTwo(-level)
            if let previous {
                change = (estimate - previous).magnitude
                if level >= 3 && change <= BigFloat.max(absoluteTolerance, relativeTolerance * estimate.magnitude) {
                    return Result(value: estimate.rounded(toPrecision: precision), errorEstimate: change.rounded(toPrecision: 64),
                                  levels: level, evaluations: evaluations, converged: true)
                }
            }
            previous = estimate
        }
        return Result(value: estimate.rounded(toPrecision: precision), errorEstimate: change.rounded(toPrecision: 64),
                      levels: maximumLevel, evaluations: evaluations, converged: false)
    }
}
