import Foundation
import Symbolic

/// Seeded Double-precision simulations for 11301 (EMA and batch size).
///
/// The noise model is Gaussian, in units σ²/B = 1 per coordinate: g̃ ~ N(r, 1) with r the
/// signal-to-noise ratio g/(σ/√B). Coordinates are independent, so scalar chains suffice.
/// Results are exposed as precision-independent `ExternalFunction`s memoized in the run's
/// cache (several observables share one run; the checker evaluates at two precisions).
enum EMABatchSizeSimulation {
    /// Chains per Adam configuration; each chain contributes one time average.
    static let chains = 1600

    static func memo(_ cache: EvaluationCache?, _ key: String, _ compute: () -> [Double]) -> [Double] {
        guard let cache else { return compute() }
        return cache.value("11301-simulation:" + key, as: [Double].self, compute)
    }

    /// Means then standard errors of every observable.
    static func run(_ replicates: Int, seed: UInt64, _ body: @escaping @Sendable (inout SplitMix64) -> [Double]) -> [Double] {
        let statistics = MonteCarlo.run(replicates: replicates, seed: seed, jobs: 2, body)
        return statistics.map(\.mean) + statistics.map(\.standardError)
    }

    // MARK: Adam chains (11301.3, .26, .30, .32)

    /// One stationary Adam chain (ε = 0, no bias correction): m starts from its stationary law
    /// N(r, k), v at E[v] = r² + 1; burn in 3/(1-β₂) steps, then time averages over 4/(1-β₂)
    /// steps of [m/√v, m²/v]. Starting near stationarity shortens the burn-in; the burn-in
    /// removes what remains (v relaxes at rate β₂).
    static func adamChain(_ rng: inout SplitMix64, beta1: Double, beta2: Double, snr r: Double) -> [Double] {
        var normal = GaussianSampler(rng)
        let k = (1 - beta1) / (1 + beta1)
        var m = r + k.squareRoot() * normal.next()
        var v = r * r + 1
        let burnIn = Int((3 / (1 - beta2)).rounded()), window = Int((4 / (1 - beta2)).rounded())
        var first = 0.0, second = 0.0
        for step in 0..<(burnIn + window) {
            let g = r + normal.next()
            m = beta1 * m + (1 - beta1) * g
            v = beta2 * v + (1 - beta2) * g * g
            if step >= burnIn {
                let u = m / v.squareRoot()
                first += u
                second += u * u
            }
        }
        rng = normal.generator
        return [first / Double(window), second / Double(window)]
    }

    /// [E[m/√v], E[m²/v], se, se] for (β₁, β₂, r) over `chains` chains.
    static func adamMoments(beta1: Double, beta2: Double, snr: Double, seed: UInt64, cache: EvaluationCache?) -> [Double] {
        memo(cache, "adam:\(beta1),\(beta2),\(snr),\(seed)") {
            run(chains, seed: seed) { rng in adamChain(&rng, beta1: beta1, beta2: beta2, snr: snr) }
        }
    }

    /// E[m_t/√v_t] (which = 0) or E[m_t²/v_t] (which = 1) of stationary Adam; which = 2, 3 give
    /// their standard errors. Arguments: β₁, β₂, r, which.
    static let adam = ExternalFunction(
        "ema11301AdamMoment", latex: "\\mathbb{E}^{\\text{MC}}_{\\text{Adam}}", arity: 4, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = args.map(\.doubleValue)
        guard let which = args[3].integerValue, (0...3).contains(which) else {
            throw .domainError(function: "ema11301AdamMoment", argument: args[3].decimalString(digits: 6), node: "which")
        }
        let values = adamMoments(beta1: a[0], beta2: a[1], snr: a[2], seed: 11_301_003, cache: context.cache)
        return BigFloat(values[which], precision: context.precision)
    }

    /// Adam's update moment by simulation, as an expression: E[m/√v] (which 0) or E[m²/v] (1).
    static func adamMoment(_ beta1: Expr, _ beta2: Expr, _ snr: Expr, _ which: Int) -> Expr {
        adam(beta1, beta2, snr, Expr(integerLiteral: which))
    }

    // MARK: SignSGDM (11301.18)

    /// [E sign(m_t)] for the EMA from m₀ = 0 after `steps` steps: g̃ ~ N(r, 1).
    static func signMomentum(beta1: Double, snr r: Double, steps: Int, replicates: Int, seed: UInt64) -> RunningStatistics? {
        MonteCarlo.run(replicates: replicates, seed: seed, jobs: 2) { rng in
            var normal = GaussianSampler(rng)
            var m = 0.0
            for _ in 0..<steps { m = beta1 * m + (1 - beta1) * (r + normal.next()) }
            rng = normal.generator
            return [m > 0 ? 1 : (m < 0 ? -1 : 0)]
        }.first
    }

    // MARK: Muon with momentum (11301.23)

    /// A fixed 6×3 gradient G (seeded, entries N(0, 1)), the same in every run.
    static func muonGradient() -> DoubleMatrix? { try? DoubleMatrix.gaussian(rows: 6, columns: 3, seed: 11_301_023) }

    /// One replicate: msign of the matrix EMA M_t after `steps` steps of G + noise·N(0, 1)
    /// (β₁, from M₀ = 0), and msign of one noisy gradient with the enlarged batch
    /// B' = B(1+β₁)/(1-β₁), i.e. noise std noise·√k. Returns the 18 entries of each (EMA
    /// first), then tr(msign(M_t)ᵀG) and tr(msign(G̃_{B'})ᵀG).
    static func muonReplicate(_ rng: inout SplitMix64, gradient: DoubleMatrix, beta1: Double, noise: Double, steps: Int) -> [Double] {
        var normal = GaussianSampler(rng)
        let count = gradient.entries.count
        var m = [Double](repeating: 0, count: count)
        for _ in 0..<steps {
            for c in 0..<count { m[c] = beta1 * m[c] + (1 - beta1) * (gradient.entries[c] + noise * normal.next()) }
        }
        let k = (1 - beta1) / (1 + beta1)
        let enlarged = gradient.entries.map { $0 + noise * k.squareRoot() * normal.next() }
        rng = normal.generator
        guard let a = try? DoubleMatrix(rows: gradient.rows, columns: gradient.columns, entries: m).msign(),
              let b = try? DoubleMatrix(rows: gradient.rows, columns: gradient.columns, entries: enlarged).msign() else {
            return [Double](repeating: .nan, count: 2 * count + 2)
        }
        let alignA = zip(a.entries, gradient.entries).reduce(0) { $0 + $1.0 * $1.1 }
        let alignB = zip(b.entries, gradient.entries).reduce(0) { $0 + $1.0 * $1.1 }
        return a.entries + b.entries + [alignA, alignB]
    }

    /// [largest entry-wise |z| of E msign(M_t) − E msign(G̃_{B'}), tr(E[msign M_t]ᵀG),
    /// tr(E[msign G̃_{B'}]ᵀG), z of their difference].
    static func muonComparison(beta1: Double, noise: Double, steps: Int, replicates: Int, seed: UInt64,
                               cache: EvaluationCache?) -> [Double] {
        memo(cache, "muon:\(beta1),\(noise),\(steps),\(replicates),\(seed)") {
            guard let gradient = muonGradient() else { return [.nan, .nan, .nan, .nan] }
            let statistics = MonteCarlo.run(replicates: replicates, seed: seed, jobs: 2) { rng in
                muonReplicate(&rng, gradient: gradient, beta1: beta1, noise: noise, steps: steps)
            }
            let count = gradient.entries.count
            guard statistics.count == 2 * count + 2 else { return [.nan, .nan, .nan, .nan] }
            func z(_ a: RunningStatistics, _ b: RunningStatistics) -> Double {
                (a.mean - b.mean) / (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
            }
            let largest = (0..<count).map { Swift.abs(z(statistics[$0], statistics[count + $0])) }.max() ?? .nan
            return [largest, statistics[2 * count].mean, statistics[2 * count + 1].mean, z(statistics[2 * count], statistics[2 * count + 1])]
        }
    }

    /// Arguments: β₁, noise std, t, replicates, which (0: largest entry |z|; 1, 2: alignments; 3: z of alignments).
    static let muon = ExternalFunction(
        "ema11301Muon", latex: "z^{\\text{MC}}_{\\text{Muon}}", arity: 5, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = args.map(\.doubleValue)
        guard let steps = args[2].integerValue, let replicates = args[3].integerValue, let which = args[4].integerValue,
              (0...3).contains(which) else {
            throw .domainError(function: "ema11301Muon", argument: "non-integer t, replicates or index", node: "muon")
        }
        let values = muonComparison(beta1: a[0], noise: a[1], steps: steps, replicates: replicates, seed: 11_301_023,
                                    cache: context.cache)
        guard values[which].isFinite else { throw .domainError(function: "ema11301Muon", argument: "msign failed", node: "muon") }
        return BigFloat(values[which], precision: context.precision)
    }
}
