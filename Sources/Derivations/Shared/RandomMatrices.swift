import Foundation
import Symbolic

/// Seeded Double-precision simulations of n×m random matrices for 11335.
///
/// Gaussian matrices are simulated through their bidiagonal model (Silverstein 1985;
/// Dumitriu–Edelman 2002): Householder bidiagonalisation of W with i.i.d. N(0,1) entries gives
/// W = Q B Pᵀ with B upper bidiagonal, diagonal χ_n, χ_{n-1}, …, χ_{n-m+1} and superdiagonal
/// χ_{m-1}, …, χ_1, all independent. Q, P depend on W only through its Householder vectors, so
/// for unit u, v uniform and independent of W, u' = Qᵀu and v' = Pᵀv are uniform, independent
/// of each other and of B: (σ(W), ‖Wv‖, ‖uᵀW‖) has the law of (σ(B), ‖Bv'‖, ‖Bᵀu'_{1:m}‖).
/// A replicate then costs O(m) random numbers and O(m) per Sturm count instead of O(nm²);
/// `DenseSample` (explicit entries, any entry law) checks the model in the tests.
enum RandomMatrices {
    /// Uniform, normal, gamma and chi deviates from one seeded stream.
    struct Draws {
        var normal: GaussianSampler

        init(_ rng: SplitMix64) { normal = GaussianSampler(rng) }

        var generator: SplitMix64 { normal.generator }
        mutating func uniform() -> Double { normal.generator.nextUnit() }
        mutating func gaussian() -> Double { normal.next() }

        /// Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1), boosted by U^{1/shape} below 1.
        mutating func gamma(_ shape: Double) -> Double {
            if shape < 1 { return gamma(shape + 1) * Foundation.pow(uniform(), 1 / shape) }
            let d = shape - 1.0 / 3.0
            let c = 1 / (9 * d).squareRoot()
            while true {
                let x = gaussian()
                let t = 1 + c * x
                guard t > 0 else { continue }
                let v = t * t * t
                let u = uniform()
                if u < 1 - 0.0331 * x * x * x * x { return d * v }
                if Foundation.log(u) < 0.5 * x * x + d * (1 - v + Foundation.log(v)) { return d * v }
            }
        }

        /// χ²_k = 2·Gamma(k/2); χ²_0 = 0.
        mutating func chiSquared(_ k: Int) -> Double { k <= 0 ? 0 : 2 * gamma(Double(k) / 2) }
        mutating func chi(_ k: Int) -> Double { chiSquared(k).squareRoot() }
    }

    // MARK: bidiagonal matrices

    /// An m×m upper bidiagonal matrix (diagonal d_0…d_{m-1}, superdiagonal e_0…e_{m-2}).
    struct Bidiagonal {
        var diagonal: [Double]
        var superdiagonal: [Double]

        var size: Int { diagonal.count }

        /// The bidiagonal model of an n×m Gaussian matrix, n ≥ m ≥ 1.
        static func gaussianModel(rows n: Int, columns m: Int, _ draws: inout Draws) -> Bidiagonal {
            precondition(n >= m && m >= 1, "the model is stated for n ≥ m ≥ 1")
            let d = (0..<m).map { i in draws.chi(n - i) }
            let e = (0..<(m - 1)).map { i in draws.chi(m - 1 - i) }
            return Bidiagonal(diagonal: d, superdiagonal: e)
        }

        /// σ₁, as √λ_max(BᵀB) by Sturm bisection on the m×m tridiagonal BᵀB (diagonal
        /// d_j² + e_{j-1}², off-diagonal d_j e_j): squaring costs nothing in relative accuracy at
        /// the top of the spectrum, and the count is half as long as on the Golub–Kahan form.
        /// `guess` (e.g. √n + √m) narrows the starting bracket; a wrong guess only costs steps.
        func largestSingularValue(guess: Double? = nil, relativeTolerance: Double = 1e-13) -> Double {
            let m = size
            var a = [Double](repeating: 0, count: m)
            var b2 = [Double](repeating: 0, count: Swift.max(m - 1, 0))
            var bound = 0.0
            for j in 0..<m {
                a[j] = diagonal[j] * diagonal[j] + (j > 0 ? superdiagonal[j - 1] * superdiagonal[j - 1] : 0)
                if j < m - 1 { b2[j] = diagonal[j] * diagonal[j] * superdiagonal[j] * superdiagonal[j] }
            }
            // Gershgorin: λ_max ≤ max_j a_j + |b_{j-1}| + |b_j|.
            for j in 0..<m {
                bound = Swift.max(bound, a[j] + (j > 0 ? b2[j - 1].squareRoot() : 0) + (j < m - 1 ? b2[j].squareRoot() : 0))
            }
            let pivot = Double.leastNormalMagnitude * Swift.max(1, bound * bound)
            func countBelow(_ x: Double) -> Int {
                a.withUnsafeBufferPointer { a in
                    b2.withUnsafeBufferPointer { b2 in
                        var q = a[0] - x
                        var count = q < 0 ? 1 : 0
                        var i = 1
                        while i < m {
                            if Swift.abs(q) < pivot { q = -pivot }
                            q = a[i] - x - b2[i - 1] / q
                            if q < 0 { count += 1 }
                            i += 1
                        }
                        return count
                    }
                }
            }
            let bracket = guess.map { g in (Swift.max(0, g - 3) * Swift.max(0, g - 3), (g + 3) * (g + 3)) }
            let lambda = RandomMatrices.bisect(countBelow, index: m - 1, lower: 0, upper: bound * 1.001 + 1,
                                               bracket: bracket, relativeTolerance: relativeTolerance)
            return lambda.squareRoot()
        }

        /// σ_m, by Sturm bisection on the 2m×2m Golub–Kahan form [[0, B], [Bᵀ, 0]] permuted to
        /// tridiagonal (zero diagonal, off-diagonal d_0, e_0, d_1, …, d_{m-1}); its eigenvalues
        /// are ±σ_i. The zero diagonal keeps σ_m to high relative accuracy even when it is tiny
        /// (Demmel–Kahan), as for a square W where σ_m ≈ 1/√n.
        func smallestSingularValue(guess: Double? = nil, relativeTolerance: Double = 1e-13) -> Double {
            let m = size
            var b2: [Double] = []
            b2.reserveCapacity(2 * m)
            var bound = 0.0
            for i in 0..<m {
                b2.append(diagonal[i] * diagonal[i])
                if i < m - 1 { b2.append(superdiagonal[i] * superdiagonal[i]) }
                bound = Swift.max(bound, diagonal[i].magnitude + (i < m - 1 ? superdiagonal[i].magnitude : 0),
                                  diagonal[i].magnitude + (i > 0 ? superdiagonal[i - 1].magnitude : 0))
            }
            let order = 2 * m
            let pivot = Double.leastNormalMagnitude * Swift.max(1, bound * bound)
            func countBelow(_ x: Double) -> Int {
                b2.withUnsafeBufferPointer { b in
                    var q = -x
                    var count = q < 0 ? 1 : 0
                    var i = 1
                    while i < order {
                        if Swift.abs(q) < pivot { q = -pivot }
                        q = -x - b[i - 1] / q
                        if q < 0 { count += 1 }
                        i += 1
                    }
                    return count
                }
            }
            let bracket = guess.map { g in (Swift.max(0, g - 3), g + 3) }
            return RandomMatrices.bisect(countBelow, index: m, lower: 0, upper: bound * 1.001 + 1,
                                         bracket: bracket, relativeTolerance: relativeTolerance)
        }

        /// σ_1 and σ_m.
        func extremeSingularValues() -> (largest: Double, smallest: Double) {
            (largestSingularValue(), smallestSingularValue())
        }

        /// ‖Bx‖.
        func normTimes(_ x: [Double]) -> Double {
            var total = 0.0
            for i in 0..<size {
                let y = diagonal[i] * x[i] + (i < size - 1 ? superdiagonal[i] * x[i + 1] : 0)
                total += y * y
            }
            return total.squareRoot()
        }

        /// ‖Bᵀx‖.
        func normTransposeTimes(_ x: [Double]) -> Double {
            var total = 0.0
            for j in 0..<size {
                let y = diagonal[j] * x[j] + (j > 0 ? superdiagonal[j - 1] * x[j - 1] : 0)
                total += y * y
            }
            return total.squareRoot()
        }
    }

    /// The `index`-th smallest eigenvalue (0-based) of a symmetric matrix, given its Sturm count
    /// (number of eigenvalues below x), by bisection. Starts from `bracket` when it does bracket
    /// the eigenvalue, else from [lower, upper] (which must); stops at `relativeTolerance`.
    static func bisect(_ countBelow: (Double) -> Int, index: Int, lower: Double, upper: Double,
                       bracket: (Double, Double)?, relativeTolerance: Double) -> Double {
        var lo = lower, hi = upper
        if let (a, b) = bracket, a >= lower, b <= upper, countBelow(a) <= index, countBelow(b) > index {
            (lo, hi) = (a, b)
        }
        for _ in 0..<400 {
            let mid = 0.5 * (lo + hi)
            if mid <= lo || mid >= hi || hi - lo <= relativeTolerance * hi { break }
            if countBelow(mid) > index { hi = mid } else { lo = mid }
        }
        return 0.5 * (lo + hi)
    }

    // MARK: the Gaussian replicate

    /// Observables of one Gaussian replicate, in the order `gaussianReplicate` returns them.
    enum Observable: Int, CaseIterable {
        /// σ_1(W) = ‖W‖₂.
        case sigmaMax
        /// σ_m(W) (n ≥ m).
        case sigmaMin
        /// ‖Wv‖ for v uniform on the unit sphere of ℝ^m, independent of W.
        case normWv
        /// ‖uᵀW‖ for u uniform on the unit sphere of ℝ^n, independent of W and v.
        case normUW
        /// (‖Wv‖ + ‖uᵀW‖)/σ_1: eq:core-approx over the exact value.
        case halfSumRatio
        /// (‖Wv‖ - ‖uᵀW‖)/σ_m: the σ_min analogue.
        case halfDifferenceRatio
        /// σ_1/(√n + √m).
        case spectralRatio
    }

    /// One replicate for an n×m Gaussian W (any n, m ≥ 1; for n < m, Wᵀ is simulated and the roles
    /// of u, v swapped, which leaves every observable's law unchanged). σ_min (and its ratio) is
    /// NaN unless `smallest`: it doubles the cost and most claims do not need it.
    static func gaussianReplicate(rows n: Int, columns m: Int, smallest wantSmallest: Bool, _ rng: inout SplitMix64) -> [Double] {
        let (tall, wide) = (Swift.max(n, m), Swift.min(n, m))
        var draws = Draws(rng)
        let b = Bidiagonal.gaussianModel(rows: tall, columns: wide, &draws)
        let rootN = Double(tall).squareRoot(), rootM = Double(wide).squareRoot()
        let largest = b.largestSingularValue(guess: rootN + rootM)
        let smallest = wantSmallest ? b.smallestSingularValue(guess: rootN - rootM) : .nan
        // v' uniform on S^{wide-1}; u' uniform on S^{tall-1}, of which only the first `wide`
        // coordinates meet B (the other tall - wide enter its norm as a χ²).
        let g = (0..<wide).map { _ in draws.gaussian() }
        let h = (0..<wide).map { _ in draws.gaussian() }
        let gNorm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let hNorm = (h.reduce(0) { $0 + $1 * $1 } + draws.chiSquared(tall - wide)).squareRoot()
        let shortSide = b.normTimes(g) / gNorm          // ‖W v‖ when n ≥ m
        let longSide = b.normTransposeTimes(h) / hNorm  // ‖uᵀW‖ when n ≥ m
        let (wv, uw) = n >= m ? (shortSide, longSide) : (longSide, shortSide)
        rng = draws.generator
        let scale = Double(n).squareRoot() + Double(m).squareRoot()
        return [largest, smallest, wv, uw, (wv + uw) / largest, (wv - uw) / smallest, largest / scale]
    }

    static func gaussianSimulation(rows n: Int, columns m: Int, smallest: Bool = true) -> Simulation {
        Simulation("gaussian-\(n)x\(m)-bidiagonal",
                   summary: "\(n)×\(m) Gaussian W via its bidiagonal χ model; σ₁, σ_min, ‖Wv‖, ‖uᵀW‖ for uniform unit u, v") { rng in
            gaussianReplicate(rows: n, columns: m, smallest: smallest, &rng)
        }
    }

    // MARK: dense matrices, any entry law

    /// Zero-mean unit-variance entry laws (11335.18–19).
    enum EntryLaw: Sendable, Hashable {
        case gaussian
        /// ±1 with probability 1/2.
        case rademacher
        /// Uniform on [-√3, √3].
        case uniform
        /// Symmetric Pareto: |x| = s·U^{-1/α}, s = √((α-2)/α); finite variance for α > 2,
        /// finite fourth moment only for α > 4.
        case pareto(alpha: Double)

        var name: String {
            switch self {
            case .gaussian: return "normal"
            case .rademacher: return "Rademacher"
            case .uniform: return "uniform[-√3,√3]"
            case let .pareto(alpha): return "Pareto α=\(alpha)"
            }
        }

        /// The law's name as LaTeX (math mode).
        var latex: String {
            switch self {
            case .gaussian: return "\\text{normal}"
            case .rademacher: return "\\text{Rademacher}"
            case .uniform: return "\\text{uniform}[-\\sqrt{3},\\sqrt{3}]"
            case let .pareto(alpha): return "\\text{Pareto }\\alpha=\(alpha)"
            }
        }

        func sample(_ draws: inout Draws) -> Double {
            switch self {
            case .gaussian: return draws.gaussian()
            case .rademacher: return draws.uniform() < 0.5 ? -1 : 1
            case .uniform: return (2 * draws.uniform() - 1) * 3.0.squareRoot()
            case let .pareto(alpha):
                let scale = ((alpha - 2) / alpha).squareRoot()
                let magnitude = scale * Foundation.pow(1 - draws.uniform(), -1 / alpha)
                return draws.uniform() < 0.5 ? -magnitude : magnitude
            }
        }
    }

    /// An n×m matrix with explicit i.i.d. entries (row-major).
    struct DenseSample {
        let rows: Int
        let columns: Int
        let entries: [Double]

        init(rows: Int, columns: Int, law: EntryLaw, _ draws: inout Draws) {
            self.rows = rows
            self.columns = columns
            entries = (0..<(rows * columns)).map { _ in law.sample(&draws) }
        }

        init(rows: Int, columns: Int, entries: [Double]) {
            self.rows = rows
            self.columns = columns
            self.entries = entries
        }

        var maxAbsEntry: Double { entries.reduce(0) { Swift.max($0, $1.magnitude) } }

        /// y = W x (explicit loops over raw buffers: debug builds run the Monte Carlo too).
        func times(_ x: [Double]) -> [Double] {
            var y = [Double](repeating: 0, count: rows)
            let n = rows, m = columns
            entries.withUnsafeBufferPointer { w in
                x.withUnsafeBufferPointer { x in
                    y.withUnsafeMutableBufferPointer { y in
                        var i = 0, base = 0
                        while i < n {
                            var s = 0.0, j = 0
                            while j < m { s += w[base + j] * x[j]; j += 1 }
                            y[i] = s
                            i += 1
                            base += m
                        }
                    }
                }
            }
            return y
        }

        /// y = Wᵀ x.
        func transposeTimes(_ x: [Double]) -> [Double] {
            var y = [Double](repeating: 0, count: columns)
            let n = rows, m = columns
            entries.withUnsafeBufferPointer { w in
                x.withUnsafeBufferPointer { x in
                    y.withUnsafeMutableBufferPointer { y in
                        var i = 0, base = 0
                        while i < n {
                            let xi = x[i]
                            var j = 0
                            while j < m { y[j] += w[base + j] * xi; j += 1 }
                            i += 1
                            base += m
                        }
                    }
                }
            }
            return y
        }

        /// Golub–Kahan–Lanczos bidiagonalisation from a random start with full
        /// reorthogonalisation. With a `tolerance`, it stops once the largest Ritz value has been
        /// stable to that relative change twice in a row (σ₁ only); without, it runs min(n, m)
        /// steps, and the bidiagonal then has exactly W's singular values.
        /// Returns the bidiagonal and whether it is complete.
        func lanczos(_ draws: inout Draws, tolerance: Double? = nil) -> (Bidiagonal, complete: Bool) {
            // Work with the orientation whose columns are fewer: σ(W) = σ(Wᵀ).
            let limit = Swift.min(rows, columns)
            let useTranspose = columns > rows
            func apply(_ x: [Double]) -> [Double] { useTranspose ? transposeTimes(x) : times(x) }
            func applyTranspose(_ x: [Double]) -> [Double] { useTranspose ? times(x) : transposeTimes(x) }
            let inner = Swift.min(rows, columns)
            var v = (0..<inner).map { _ in draws.gaussian() }
            normalize(&v)
            var vs: [[Double]] = [v]
            var us: [[Double]] = []
            var alphas: [Double] = []
            var betas: [Double] = []
            var p = apply(v)
            var previousTop = 0.0
            var stable = 0
            while true {
                reorthogonalize(&p, against: us)
                let alpha = norm(p)
                alphas.append(alpha)
                guard alpha > 0 else { break }
                let u = p.map { $0 / alpha }
                us.append(u)
                if alphas.count == limit { break }
                var q = applyTranspose(u)
                for j in q.indices { q[j] -= alpha * vs[vs.count - 1][j] }
                reorthogonalize(&q, against: vs)
                let beta = norm(q)
                guard beta > 1e-300 else { break }
                betas.append(beta)
                v = q.map { $0 / beta }
                vs.append(v)
                p = apply(v)
                for i in p.indices { p[i] -= beta * u[i] }
                if let tolerance, alphas.count % 4 == 0 {
                    let top = Bidiagonal(diagonal: alphas, superdiagonal: Array(betas.prefix(alphas.count - 1))).largestSingularValue()
                    stable = Swift.abs(top - previousTop) <= tolerance * top ? stable + 1 : 0
                    previousTop = top
                    if stable >= 2 { break }
                }
            }
            let k = alphas.count
            let bidiagonal = Bidiagonal(diagonal: alphas, superdiagonal: Array(betas.prefix(k - 1)))
            return (bidiagonal, k == inner)
        }
    }

    static func norm(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func normalize(_ x: inout [Double]) {
        let r = norm(x)
        for i in x.indices { x[i] /= r }
    }

    /// Two passes of classical Gram–Schmidt ("twice is enough").
    static func reorthogonalize(_ x: inout [Double], against basis: [[Double]]) {
        let count = x.count
        x.withUnsafeMutableBufferPointer { x in
            for _ in 0..<2 {
                for b in basis {
                    b.withUnsafeBufferPointer { b in
                        var dot = 0.0, i = 0
                        while i < count { dot += x[i] * b[i]; i += 1 }
                        i = 0
                        while i < count { x[i] -= dot * b[i]; i += 1 }
                    }
                }
            }
        }
    }

    /// One dense replicate: [σ₁, σ₁/(√n+√m), max|W_ij|/(√n+√m)].
    static func denseReplicate(rows n: Int, columns m: Int, law: EntryLaw, _ rng: inout SplitMix64) -> [Double] {
        var draws = Draws(rng)
        let w = DenseSample(rows: n, columns: m, law: law, &draws)
        // 1e-10 relative: far below the Monte Carlo error, and half the steps of full accuracy.
        let (b, _) = w.lanczos(&draws, tolerance: 1e-10)
        rng = draws.generator
        let sigma = b.largestSingularValue()
        let scale = Double(n).squareRoot() + Double(m).squareRoot()
        return [sigma, sigma / scale, w.maxAbsEntry / scale]
    }

    static func denseSimulation(rows n: Int, columns m: Int, law: EntryLaw) -> Simulation {
        Simulation("dense-\(law.name)-\(n)x\(m)",
                   summary: "\(n)×\(m) W with i.i.d. \(law.name) entries; σ₁ by Golub–Kahan–Lanczos") { rng in
            denseReplicate(rows: n, columns: m, law: law, &rng)
        }
    }
}

// MARK: small dense checks of second moments (11335.12, .14, .18)

extension RandomMatrices {
    /// One replicate: [(WᵀW)_{ij}] (or [(WWᵀ)_{ij}] when `outer`) for an n×m W with i.i.d. `law` entries.
    static func gramEntry(rows n: Int, columns m: Int, law: EntryLaw, _ i: Int, _ j: Int, outer: Bool = false) -> Simulation {
        Simulation("gram-entry-\(law.name)-\(n)x\(m)", summary: "(\(outer ? "WWᵀ" : "WᵀW"))_{\(i + 1)\(j + 1)} for \(n)×\(m) i.i.d. \(law.name) W") { rng in
            var draws = Draws(rng)
            let w = DenseSample(rows: n, columns: m, law: law, &draws)
            rng = draws.generator
            var s = 0.0
            if outer {
                for c in 0..<m { s += w.entries[i * m + c] * w.entries[j * m + c] }
            } else {
                for r in 0..<n { s += w.entries[r * m + i] * w.entries[r * m + j] }
            }
            return [s]
        }
    }

    /// One replicate: [‖uᵀW‖²] for an n×m Gaussian W and u uniform on the unit sphere of ℝⁿ.
    static func leftNormSquared(rows n: Int, columns m: Int) -> Simulation {
        Simulation("left-norm-squared-\(n)x\(m)", summary: "‖uᵀW‖² for \(n)×\(m) Gaussian W, u uniform on S^{n-1}") { rng in
            var draws = Draws(rng)
            let w = DenseSample(rows: n, columns: m, law: .gaussian, &draws)
            var u = (0..<n).map { _ in draws.gaussian() }
            normalize(&u)
            rng = draws.generator
            let y = w.transposeTimes(u)
            return [y.reduce(0) { $0 + $1 * $1 }]
        }
    }
}
