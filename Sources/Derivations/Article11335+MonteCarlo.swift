import Foundation
import Symbolic

/// Monte Carlo quantities of 11335 as functions the checker can evaluate: a seeded run of
/// `RandomMatrices` per call, returning a mean or a spread. The value depends only on the
/// arguments (n, m, replicates, seed), so both of the checker's precisions see the same number
/// and the certified digits measure nothing but the arithmetic; the Monte Carlo error is what
/// the claims' paths and tolerances are sized against (see each step's remark).
extension Article11335 {
    typealias Observable = RandomMatrices.Observable
    typealias EntryLaw = RandomMatrices.EntryLaw

    enum Statistic: String {
        case mean, standardDeviation
        /// √E[(X - 1)²] (population form): for ratios that should tend to 1 in probability, it
        /// falls with both the bias and the spread, and its relative error is only ≈ 1/√(2R).
        case rootMeanSquareFromOne

        func value(_ s: RunningStatistics) -> Double {
            switch self {
            case .mean: return s.mean
            case .standardDeviation: return s.standardDeviation
            case .rootMeanSquareFromOne:
                let populationVariance = s.variance * Double(s.count - 1) / Double(s.count)
                return (populationVariance + (s.mean - 1) * (s.mean - 1)).squareRoot()
            }
        }
    }

    static func gaussianStatistics(rows n: Int, columns m: Int, replicates: Int, seed: UInt64, smallest: Bool) -> [RunningStatistics] {
        MonteCarlo.run(replicates: replicates, seed: seed, jobs: 2,
                       RandomMatrices.gaussianSimulation(rows: n, columns: m, smallest: smallest).replicate)
    }

    static func needsSmallest(_ o: Observable) -> Bool { o == .sigmaMin || o == .halfDifferenceRatio }

    /// (n, m, R, seed) ↦ the mean (or standard deviation) of an observable over R Gaussian replicates.
    static func gaussian(_ observable: Observable, _ statistic: Statistic = .mean, latex: String) -> ExternalFunction {
        let name = "mc11335.gaussian.\(observable).\(statistic.rawValue)"
        return ExternalFunction(name, latex: latex, arity: 4, precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
            let bits = context.precision
            let n = try integerArgument(args[0], "n", in: name)
            let m = try integerArgument(args[1], "m", in: name)
            let r = try integerArgument(args[2], "R", in: name, minimum: 2)
            let seed = try integerArgument(args[3], "seed", in: name, minimum: 0, maximum: 1e15)
            let s = gaussianStatistics(rows: n, columns: m, replicates: r, seed: UInt64(seed), smallest: needsSmallest(observable))
            let value = statistic.value(s[observable.rawValue])
            guard value.isFinite else { throw .nonFinite(node: name) }
            return BigFloat(value, precision: bits)
        }
    }

    /// (n, m, R, seed) ↦ the mean of σ₁ over R dense matrices with i.i.d. entries of `law`.
    static func dense(_ law: EntryLaw, latex: String) -> ExternalFunction {
        let name = "mc11335.dense.\(law.name)"
        return ExternalFunction(name, latex: latex, arity: 4, precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
            let bits = context.precision
            let n = try integerArgument(args[0], "n", in: name)
            let m = try integerArgument(args[1], "m", in: name)
            let r = try integerArgument(args[2], "R", in: name, minimum: 2)
            let seed = try integerArgument(args[3], "seed", in: name, minimum: 0, maximum: 1e15)
            let s = MonteCarlo.run(replicates: r, seed: UInt64(seed), jobs: 2,
                                   RandomMatrices.denseSimulation(rows: n, columns: m, law: law).replicate)
            guard s[0].mean.isFinite else { throw .nonFinite(node: name) }
            return BigFloat(s[0].mean, precision: bits)
        }
    }

    // MARK: extrapolation of σ₁/(√n+√m) in k (11335.17)

    static let extrapolationSizes = [16, 32, 64, 128, 256, 512]

    struct RatioFit {
        let sizes: [Int]
        let means: [Double]
        let errors: [Double]
        let fit: WeightedLeastSquares
        var limit: Double { fit.coefficients[0] }
        var limitError: Double { fit.standardErrors[0] }
    }

    /// E[σ₁/(√n+√m)] at n = ak, m = bk for each k, fitted by weighted least squares as
    /// L + c₁k^{-2/3} + c₂k^{-4/3}: the Tracy–Widom correction is k^{-2/3} (relative), and the
    /// next power of the same series absorbs the O(1/k) centring terms.
    static func ratioFit(a: Int, b: Int, replicates: Int, seed: UInt64) throws(WeightedLeastSquares.FitError) -> RatioFit {
        var means: [Double] = [], errors: [Double] = []
        for k in extrapolationSizes {
            let s = gaussianStatistics(rows: a * k, columns: b * k, replicates: replicates,
                                       seed: SplitMix64.mix(seed ^ UInt64(k)), smallest: false)[Observable.spectralRatio.rawValue]
            means.append(s.mean)
            errors.append(s.standardError)
        }
        let design = extrapolationSizes.map { k -> [Double] in
            let h = Foundation.pow(Double(k), -2.0 / 3.0)
            return [1, h, h * h]
        }
        let fit = try WeightedLeastSquares(design: design, values: means, standardErrors: errors)
        return RatioFit(sizes: extrapolationSizes, means: means, errors: errors, fit: fit)
    }

    /// (a, b, R, seed) ↦ the extrapolated limit L of E[σ₁/(√n+√m)] as k → ∞.
    static func extrapolatedRatio(latex: String) -> ExternalFunction {
        let name = "mc11335.extrapolatedSpectralRatio"
        return ExternalFunction(name, latex: latex, arity: 4, precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
            let bits = context.precision
            let a = try integerArgument(args[0], "a", in: name)
            let b = try integerArgument(args[1], "b", in: name)
            let r = try integerArgument(args[2], "R", in: name, minimum: 2)
            let seed = try integerArgument(args[3], "seed", in: name, minimum: 0, maximum: 1e15)
            do {
                return BigFloat(try ratioFit(a: a, b: b, replicates: r, seed: UInt64(seed)).limit, precision: bits)
            } catch {
                throw .unsupported("least-squares fit: \(error)")
            }
        }
    }

    // MARK: exact reference values in Double, for the tables

    /// c(n) = E‖g‖ for g ~ N(0, I_n) = √2 Γ((n+1)/2)/Γ(n/2).
    static func chiMean(_ n: Int) -> Double {
        2.0.squareRoot() * Foundation.exp(Foundation.lgamma(Double(n + 1) / 2) - Foundation.lgamma(Double(n) / 2))
    }

    /// E[TW₁] for the real (β = 1) Tracy–Widom law.
    static let tracyWidomMean = -1.2065335745820

    /// √n + √m + ½(n^{-1/2} + m^{-1/2})^{1/3} E[TW₁] (the inventory's Tracy–Widom prediction).
    static func tracyWidomLargest(_ n: Int, _ m: Int) -> Double {
        let (x, y) = (Double(n), Double(m))
        return x.squareRoot() + y.squareRoot() + 0.5 * Foundation.cbrt(1 / x.squareRoot() + 1 / y.squareRoot()) * tracyWidomMean
    }

    /// √n - √m - ½(m^{-1/2} - n^{-1/2})^{1/3} E[TW₁] (n > m).
    static func tracyWidomSmallest(_ n: Int, _ m: Int) -> Double {
        let (x, y) = (Double(n), Double(m))
        return x.squareRoot() - y.squareRoot() - 0.5 * Foundation.cbrt(1 / y.squareRoot() - 1 / x.squareRoot()) * tracyWidomMean
    }

    /// E max_{ij}|W_ij| for N = nm i.i.d. symmetric Pareto(α) entries of unit variance, exactly:
    /// max = s·(min U)^{-1/α} with min U ~ Beta(1, N), so E = s·N·Γ(1-1/α)Γ(N)/Γ(N+1-1/α).
    static func paretoExpectedMax(alpha: Double, entries count: Int) -> Double {
        let s = ((alpha - 2) / alpha).squareRoot()
        let N = Double(count)
        return s * N * Foundation.exp(Foundation.lgamma(1 - 1 / alpha) + Foundation.lgamma(N) - Foundation.lgamma(N + 1 - 1 / alpha))
    }

    static func fmt(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return "\(x)" }
        return String(format: "%.\(digits)f", x)
    }

    static func fmtPM(_ s: RunningStatistics, _ digits: Int = 4) -> String { "\(fmt(s.mean, digits)) ± \(fmt(s.standardError, digits))" }

    /// A seed for a table row, from the checker's seed and the row's label.
    static func tableSeed(_ options: CheckOptions, _ label: String) -> UInt64 {
        var rng = SplitMix64.derived(seed: options.seed, label: label)
        return rng.next()
    }
}
