import Foundation
import Symbolic

/// Native pieces of 11285 (Muon under the mean field): the seeded Monte Carlo of
/// E[msign(G + sZ)], a Monte Carlo of E[G̃ᵀG̃], and the Kronecker form of the Muon Hessian.
///
/// Claims cannot hand a matrix to an `ExternalFunction` (its arguments are scalars). The Monte
/// Carlo therefore receives G through the power sums tr((GᵀG)^k), k = 1…m, from which it
/// recovers the singular values: Gaussian noise is orthogonally invariant, so E[msign(UGV + sZ)]
/// = U·E[msign(G + sZ)]·V and every quantity tabulated here depends on G only through them.
enum MuonMeanField {
    // MARK: singular values from power sums

    /// The eigenvalues (descending) of a symmetric positive semidefinite m×m matrix from its
    /// power sums p_k = tr(A^k), k = 1…m. Newton's identities give the characteristic
    /// polynomial; its roots are real, so Newton's method started above the largest root
    /// descends monotonically onto it; then deflate and repeat, polishing on the original.
    static func eigenvalues(fromPowerSums p: [Double]) -> [Double] {
        let m = p.count
        guard m > 0 else { return [] }
        // e_k = (1/k) Σ_{i=1}^k (-1)^{i-1} e_{k-i} p_i; coefficients of λ^m - e₁λ^{m-1} + e₂λ^{m-2} - …
        var e = [1.0]
        for k in 1...m {
            var s = 0.0
            for i in 1...k { s += (i % 2 == 1 ? 1 : -1) * e[k - i] * p[i - 1] }
            e.append(s / Double(k))
        }
        let original = (0...m).map { j in (j % 2 == 0 ? 1.0 : -1.0) * e[j] }  // highest degree first
        func newton(_ coefficients: [Double], from start: Double) -> Double {
            var x = start
            for _ in 0..<500 {
                var value = 0.0, slope = 0.0
                for c in coefficients {
                    slope = slope * x + value
                    value = value * x + c
                }
                guard slope != 0 else { break }
                let next = x - value / slope
                if !(next < x) || Swift.abs(next - x) <= 1e-15 * Swift.max(Swift.abs(x), 1e-300) { return Swift.min(next, x) }
                x = next
            }
            return x
        }
        var roots: [Double] = []
        var deflated = original
        let upper = Swift.max(p[0], 0) * (1 + 1e-9) + 1e-300
        for _ in 0..<m {
            var root = newton(deflated, from: upper)
            root = newton(original, from: root * (1 + 1e-12) + 1e-300)  // polish on the undeflated polynomial
            roots.append(Swift.max(root, 0))
            // Synthetic division by (λ - root).
            var quotient: [Double] = []
            var carry = 0.0
            for c in deflated.dropLast() {
                carry = carry * root + c
                quotient.append(carry)
            }
            deflated = quotient
        }
        return roots.sorted(by: >)
    }

    // MARK: Monte Carlo of the first moment

    /// E[msign(G̃)] for G̃ = G₀ + sZ, G₀ = [diag(s₁…s_m); 0] (n×m), Z with i.i.d. N(0, 1) entries,
    /// from `pairs` antithetic pairs (Z, -Z).
    struct FirstMoment: Sendable {
        let rows: Int
        let singularValues: [Double]
        /// Estimate of tr(E[msign(G̃)]ᵀG₀)/‖G₀‖_*, which is η*/η_max under the Muon Hessian.
        let ratio: RunningStatistics
        /// Entry-wise mean and standard error of E[msign(G̃)], row-major n×m.
        let mean: [Double]
        let standardErrors: [Double]
    }

    static func firstMoment(singularValues s: [Double], rows n: Int, noiseSD: Double, pairs: Int, seed: UInt64,
                            jobs: Int) -> FirstMoment {
        let m = s.count
        let nuclear = s.reduce(0, +)
        let statistics = MonteCarlo.run(replicates: pairs, seed: seed, jobs: jobs) { rng in
            var normal = GaussianSampler(rng)
            let z = (0..<(n * m)).map { _ in normal.next() }
            rng = normal.generator
            var plus = z.map { noiseSD * $0 }, minus = z.map { -noiseSD * $0 }
            for i in 0..<m {
                plus[i * m + i] += s[i]
                minus[i * m + i] += s[i]
            }
            guard let a = try? DoubleMatrix(rows: n, columns: m, entries: plus).msign(),
                  let b = try? DoubleMatrix(rows: n, columns: m, entries: minus).msign() else {
                return Array(repeating: Double.nan, count: 1 + n * m)
            }
            let pair = zip(a.entries, b.entries).map { ($0 + $1) / 2 }
            var projection = 0.0
            for i in 0..<m { projection += s[i] * pair[i * m + i] }
            return [projection / nuclear] + pair
        }
        return FirstMoment(rows: n, singularValues: s, ratio: statistics[0], mean: statistics.dropFirst().map(\.mean),
                           standardErrors: statistics.dropFirst().map(\.standardError))
    }

    /// The mean-field first moment G₀(G₀ᵀG₀ + cI)^{-1/2} = [diag(s_i/√(s_i² + c)); 0], row-major.
    static func meanField(singularValues s: [Double], rows n: Int, c: Double) -> [Double] {
        let m = s.count
        var result = [Double](repeating: 0, count: n * m)
        for i in 0..<m { result[i * m + i] = s[i] / (s[i] * s[i] + c).squareRoot() }
        return result
    }

    static func frobenius(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// A result memoized in the run's cache (several claims share one simulation).
    static func memo<T>(_ cache: EvaluationCache?, _ key: String, _ compute: () -> T) -> T {
        guard let cache else { return compute() }
        return cache.value("11285:" + key, as: T.self, compute)
    }

    static let defaultPairs = 30_000
    static let defaultSeed: UInt64 = 11_285

    /// tr(E[msign(G̃_B)]ᵀG)/‖G‖_* by Monte Carlo for an n×m G (m = 1…4) given by its power sums.
    /// Arguments: n, c = nσ²/B, pairs, seed, tr(GᵀG), …, tr((GᵀG)^m).
    static func etaRatio(columns m: Int) -> ExternalFunction {
        ExternalFunction("muonEtaRatioMC\(m)", latex: "\\widehat{\\eta^*/\\eta_{\\max}}", arity: 4 + m,
                         precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
            let a = args.map(\.doubleValue)
            guard let n = Int(exactly: a[0].rounded()), n >= m, a[1] >= 0, let pairs = Int(exactly: a[2].rounded()), pairs > 1 else {
                throw .unsupported("muonEtaRatioMC\(m) needs n ≥ m, c ≥ 0 and pairs > 1")
            }
            let s = eigenvalues(fromPowerSums: Array(a[4...])).map { $0.squareRoot() }
            let key = "ratio/\(n)/\(a[1])/\(pairs)/\(a[3])/" + s.map { "\($0)" }.joined(separator: ",")
            let moment = memo(context.cache, key) {
                firstMoment(singularValues: s, rows: n, noiseSD: (a[1] / Double(n)).squareRoot(), pairs: pairs,
                            seed: UInt64(a[3]), jobs: 2)
            }
            return BigFloat(moment.ratio.mean, precision: context.precision)
        }
    }

    // MARK: Monte Carlo of the second moment

    /// The largest |z| over the entries of the Monte Carlo mean of G̃ᵀG̃ (G̃ = G + sZ, G Gaussian
    /// from `seed`) against GᵀG + ns²I. Arguments: n, m, s, samples, seed.
    static let secondMomentZ = ExternalFunction(
        "muonSecondMomentZ", latex: "\\max_{i,j}\\left|z_{ij}\\right|", arity: 5, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = args.map(\.doubleValue)
        guard let n = Int(exactly: a[0]), let m = Int(exactly: a[1]), n >= 1, m >= 1, let samples = Int(exactly: a[3]), samples > 1 else {
            throw .unsupported("muonSecondMomentZ needs integer n, m ≥ 1 and samples > 1")
        }
        let z = memo(context.cache, "second/\(a)") { () -> Double in
            secondMomentMaxZ(rows: n, columns: m, noiseSD: a[2], samples: samples, seed: UInt64(a[4]))
        }
        guard z.isFinite else { throw .nonFinite(node: "muonSecondMomentZ") }
        return BigFloat(z, precision: context.precision)
    }

    static func secondMomentMaxZ(rows n: Int, columns m: Int, noiseSD: Double, samples: Int, seed: UInt64) -> Double {
        guard let g = try? DoubleMatrix.gaussian(rows: n, columns: m, seed: seed) else { return .nan }
        let statistics = MonteCarlo.run(replicates: samples, seed: SplitMix64.mix(seed), jobs: 2) { rng in
            var normal = GaussianSampler(rng)
            let noisy = g.entries.map { $0 + noiseSD * normal.next() }
            rng = normal.generator
            var gram = [Double](repeating: 0, count: m * m)
            for k in 0..<n { for i in 0..<m { for j in 0..<m { gram[i * m + j] += noisy[k * m + i] * noisy[k * m + j] } } }
            return gram
        }
        var worst = 0.0
        for i in 0..<m {
            for j in 0..<m {
                var exact = 0.0
                for k in 0..<n { exact += g[k, i] * g[k, j] }
                if i == j { exact += Double(n) * noiseSD * noiseSD }
                let s = statistics[i * m + j]
                worst = Swift.max(worst, Swift.abs(s.mean - exact) / s.standardError)
            }
        }
        return worst
    }

    // MARK: the Muon Hessian as an (nm)×(nm) matrix

    /// For G (n×m, Gaussian from `seed`) and Φ = msign(G + sZ) (Z Gaussian from the next seed):
    /// `which` = 0 gives vec(Φ)ᵀ·((GᵀG)^{1/2} ⊗ I_n)/η·vec(Φ) with the Kronecker matrix built
    /// entry by entry (vec stacks columns); 1 gives η⁻¹·tr(ΦᵀΦ(GᵀG)^{1/2}).
    /// Arguments: n, m, s, η, seed, which. At the working precision (not a simulation).
    static let kroneckerForm = ExternalFunction(
        "muonKroneckerForm", latex: "\\operatorname{vec}(\\tilde{\\boldsymbol{\\Phi}}_B)^{\\top}\\boldsymbol{H}\\operatorname{vec}(\\tilde{\\boldsymbol{\\Phi}}_B)",
        arity: 6
    ) { (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        guard let n = args[0].integerValue, let m = args[1].integerValue, n >= m, m >= 1,
              let seed = args[4].integerValue, seed >= 0, let which = args[5].integerValue else {
            throw .unsupported("muonKroneckerForm needs integers n ≥ m ≥ 1, a seed and a selector")
        }
        do {
            let g = try Matrix.gaussian(rows: n, columns: m, seed: UInt64(seed), precision: bits)
            let z = try Matrix.gaussian(rows: n, columns: m, seed: SplitMix64.mix(UInt64(seed)), precision: bits)
            let phi = try (g + args[2].rounded(toPrecision: bits) * z).msign()
            let root = try g.transposed().multiplied(by: g).symmetricSquareRoot()
            let inverseEta = BigFloat(1, precision: bits) / args[3].rounded(toPrecision: bits)
            if which == 1 {
                return try phi.transposed().multiplied(by: phi).multiplied(by: root).trace() * inverseEta
            }
            // K_{(j·n+i),(l·n+k)} = S_{jl}·δ_{ik}/η, acting on vec(Φ)_{j·n+i} = Φ_{ij}.
            let size = n * m
            var kronecker = try Matrix.zeros(rows: size, columns: size, precision: bits)
            for j in 0..<m { for l in 0..<m { for i in 0..<n { kronecker[j * n + i, l * n + i] = root[j, l] * inverseEta } } }
            var vec: [BigFloat] = []
            for j in 0..<m { for i in 0..<n { vec.append(phi[i, j]) } }
            let column = try Matrix(rows: size, columns: 1, precision: bits, entries: vec)
            return try column.transposed().multiplied(by: kronecker).multiplied(by: column).trace()
        } catch {
            throw .unsupported("muonKroneckerForm: \(error)")
        }
    }
}
