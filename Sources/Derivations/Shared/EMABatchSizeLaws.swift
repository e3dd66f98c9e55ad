import Foundation
import Symbolic

/// The learning-rate laws of 11301 §一般分析 (Adam with EMA) as expressions and as Doubles,
/// and optima found by root finding of a symbolic derivative (not from the closed forms).
enum EMABatchSizeLaws {
    static let beta1 = Notation.beta1
    /// The unsubscripted β = (1 + B_simple/B)^{-1/2} of 11280/11301.
    static let beta: Expr = .symbol(Symbol("beta"))
    static let batch: Expr = .symbol(Symbol("B"))
    static let bSimple: Expr = .symbol(Symbol("Bsimple", latex: "\\mathcal{B}_{\\text{simple}}"))
    /// k = (1-β₁)/(1+β₁) (our abbreviation, not the article's).
    static let k = (1 - beta1) / (1 + beta1)
    static let betaOfBatch = (1 + bSimple / batch) ** Expr.rational(-1, 2)

    /// η* of Adam with a diagonal Hessian (11301.42) in units Σ|g_i|/Σ H_ii, as a function of β.
    static let etaOfBeta = 1 / ((1 / beta) * k + beta * (2 * beta1 / (1 + beta1)))
    /// The same as a function of the batch size.
    static let etaOfBatch = etaOfBeta.substituting(beta.asSymbol, with: betaOfBatch)
    /// SignSGDM (and Muon with momentum) with a diagonal Hessian, units Σ|g_i|/ΣH_ii: η* = β at B/k.
    static let signEtaOfBatch = (1 + k * bSimple / batch) ** Expr.rational(-1, 2)

    /// The zero of ∂f/∂x in a bracket, as an external function of (parameters…, lower, upper):
    /// safeguarded Newton on f' with the symbolic f'' at the working precision plus guard bits.
    static func stationaryPoint(_ name: String, latex: String, of f: Expr, in x: Symbol, parameters: [Symbol]) -> ExternalFunction {
        let first = f.differentiated(with: x)
        let second = first.differentiated(with: x)
        let n = parameters.count
        return ExternalFunction(name, latex: latex, arity: n + 2) { (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
            let work = bits + 32
            var environment = Environment()
            for (p, a) in zip(parameters, args) { environment[p.name] = .scalar(a) }
            let nan = BigFloat(Double.nan, precision: work)
            let found: RootFinding.Result
            do {
                found = try RootFinding.newtonBisection(in: args[n], args[n + 1], precision: work) { value in
                    var local = environment
                    local[x.name] = .scalar(value)
                    let evaluator = Evaluator(precision: work, environment: local)
                    guard let d1 = try? evaluator.scalar(first), let d2 = try? evaluator.scalar(second) else { return (nan, nan) }
                    return (d1, d2)
                }
            } catch {
                throw .domainError(function: name, argument: "\(error)", node: latex)
            }
            return found.root.rounded(toPrecision: bits)
        }
    }

    /// argmax_β η*(β) for a diagonal Hessian, found in β ∈ [10⁻⁴, 10²]. Argument: β₁, bracket.
    static let optimalBetaRoot = stationaryPoint("ema11301OptimalBeta", latex: "\\mathop{\\text{argmax}}_{\\beta}\\,\\eta^*",
                                                 of: etaOfBeta, in: beta.asSymbol, parameters: [beta1.asSymbol])
    /// argmax_B η*(B): the Surge turning point. Arguments: β₁, B_simple, bracket.
    static let turningPointRoot = stationaryPoint("ema11301TurningPoint", latex: "\\mathop{\\text{argmax}}_{B}\\,\\eta^*",
                                                  of: etaOfBatch, in: batch.asSymbol, parameters: [beta1.asSymbol, bSimple.asSymbol])

    // MARK: Doubles (tables, tests)

    static func k(_ b1: Double) -> Double { (1 - b1) / (1 + b1) }
    /// β at B = ratio·B_simple.
    static func beta(ratio: Double) -> Double { 1 / (1 + 1 / ratio).squareRoot() }
    static func adamDiagonalEta(beta1 b1: Double, ratio: Double) -> Double {
        let b = beta(ratio: ratio)
        return 1 / (k(b1) / b + b * 2 * b1 / (1 + b1))
    }
    static func signMomentumEta(beta1 b1: Double, ratio: Double) -> Double { 1 / (1 + k(b1) / ratio).squareRoot() }
    static func optimalBeta(beta1 b1: Double) -> Double { ((1 - b1) / (2 * b1)).squareRoot() }
    /// B/B_simple above which η* falls (β₁ > 1/3).
    static func surgeThreshold(beta1 b1: Double) -> Double { (1 - b1) / (3 * b1 - 1) }

    /// The root-found optimum at a precision, as a Double (tests, tables).
    static func rootOptimalBeta(beta1 b1: Double, bits: Int = 128) throws -> Double {
        try optimalBetaRoot.evaluate([BigFloat(b1), BigFloat(1e-4), BigFloat(100)], precision: bits, cache: nil).doubleValue
    }

    /// The root-found turning point in units of B_simple.
    static func rootTurningPoint(beta1 b1: Double, bits: Int = 128) throws -> Double {
        try turningPointRoot.evaluate([BigFloat(b1), BigFloat(1), BigFloat(1e-5), BigFloat(1e5)], precision: bits, cache: nil).doubleValue
    }
}
