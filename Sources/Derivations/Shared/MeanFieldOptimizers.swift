import Foundation
import Symbolic

/// Native pieces for the mean-field batch-size article (11280): Gaussian expectations written
/// as quadratures, the Kronecker delta, a seeded sign-product simulation, a critical-point
/// solver for tables, and Double reference formulas that the tests compare with Monte Carlo
/// and with a direct minimisation.
enum MeanFieldOptimizers {
    /// E[f(m + s z)] for z ~ N(0, 1), as a quadrature against the standard normal density.
    static func gaussianMean(_ mean: Expr, _ sd: Expr, _ f: (Expr) -> Expr) -> Expr {
        integral("z", -.infinity, .infinity) { z in .call(.normalPDF, [z]) * f(mean + sd * z) }
    }

    /// δ_{i,j}, shown as printed and evaluated as a piecewise constant.
    static func kronecker(_ i: Expr, _ j: Expr) -> Expr {
        .named(Symbol("delta_\(i.plainText)\(j.plainText)", latex: "\\delta_{\(i.latex),\(j.latex)}"),
               .piecewise([Branch(Condition(i, .equal, j), 1)], otherwise: 0))
    }

    /// Σ_{i=1}^{n} Σ_{j=1}^{n} body, optionally skipping i = j (the article's Σ_{i≠j}).
    static func doubleSum(_ n: Expr, offDiagonal: Bool = false, _ body: @escaping (Expr, Expr) -> Expr) -> Expr {
        sum("i", 1, n) { i in
            sum("j", 1, n) { j in
                offDiagonal ? .piecewise([Branch(Condition(i, .notEqual, j), body(i, j))], otherwise: 0) : body(i, j)
            }
        }
    }

    /// expr = 0 checked against the scale of its terms: an identity against an exact 0 has no
    /// relative digits, so scale + expr = scale is checked instead (scale of the expression's size).
    static func vanishes(_ expr: Expr, scale: Expr, over space: ParameterSpace) -> Claim {
        .identity(Identity(scale + expr, equals: scale, over: space))
    }

    /// The second derivative, formed symbolically (nested `.derivative` nodes are not differentiated again).
    static func secondDerivative(_ expr: Expr, _ x: Expr) -> Expr {
        .derivative(expr.differentiated(with: x.asSymbol), x.asSymbol)
    }

    // MARK: Monte Carlo (11280.11)

    /// One replicate: sign(x)·sign(y) for independent x ~ N(m₁, s₁²), y ~ N(m₂, s₂²), averaged
    /// over `draws` pairs so that a replicate is cheap to schedule.
    /// E[sign x sign y] - E[sign x]E[sign y] for independent Gaussians: the factorization claims
    /// it is exactly 0, the factors' expectations being erf(m/(s√2)).
    static func signProduct(_ m1: Double, _ s1: Double, _ m2: Double, _ s2: Double, draws: Int) -> Simulation {
        let product = expectedSign(mean: m1, sd: s1) * expectedSign(mean: m2, sd: s2)
        return Simulation("sign-product", summary: "mean of sign(x)sign(y) - E[sign x]E[sign y] over \(draws) independent pairs x ~ N(\(m1), \(s1)²), y ~ N(\(m2), \(s2)²)") { rng in
            var normal = GaussianSampler(rng)
            var total = 0.0
            for _ in 0..<draws {
                let x = m1 + s1 * normal.next(), y = m2 + s2 * normal.next()
                total += sign(x) * sign(y)
            }
            rng = normal.generator
            return [total / Double(draws) - product]
        }
    }

    static func sign(_ x: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : 0) }

    // MARK: Double references (tests)

    /// E[sign(x)] for x ~ N(m, s²): erf(m/(s√2)).
    static func expectedSign(mean m: Double, sd s: Double) -> Double { erf(m / (s * 2.0.squareRoot())) }

    /// Seeded Monte Carlo estimate of E[sign(x)], x ~ N(m, s²), with its standard error.
    static func expectedSignMonteCarlo(mean m: Double, sd s: Double, draws: Int, seed: UInt64) -> (mean: Double, standardError: Double) {
        var normal = GaussianSampler(SplitMix64(seed: seed))
        var total = 0.0, squares = 0.0
        for _ in 0..<draws {
            let v = sign(m + s * normal.next())
            total += v
            squares += v * v
        }
        let mean = total / Double(draws)
        let variance = Swift.max(0, squares / Double(draws) - mean * mean)
        return (mean, (variance / Double(draws)).squareRoot())
    }

    /// η* = aᵀg / tr(CH) for an n×n C and H given row-major (eq:eta-opt).
    static func optimalLearningRate(a: [Double], g: [Double], c: [Double], h: [Double]) -> Double {
        let n = a.count
        let numerator = zip(a, g).reduce(0) { $0 + $1.0 * $1.1 }
        var traceCH = 0.0
        for i in 0..<n { for j in 0..<n { traceCH += c[i * n + j] * h[j * n + i] } }
        return numerator / traceCH
    }

    /// The quadratic model Q(η) = -η aᵀg + ½η² tr(CH) of the expected loss change.
    static func quadraticModel(_ eta: Double, a: [Double], g: [Double], c: [Double], h: [Double]) -> Double {
        let n = a.count
        let numerator = zip(a, g).reduce(0) { $0 + $1.0 * $1.1 }
        var traceCH = 0.0
        for i in 0..<n { for j in 0..<n { traceCH += c[i * n + j] * h[j * n + i] } }
        return -eta * numerator + 0.5 * eta * eta * traceCH
    }

    // MARK: critical points (tables)

    /// The root of d expr/d variable in [lower, upper] (a sign change of the derivative),
    /// found by safeguarded Newton on the symbolic first and second derivatives.
    static func criticalPoint(of expr: Expr, in variable: Symbol, _ lower: Double, _ upper: Double,
                              bits: Int = 200) throws -> BigFloat {
        let first = expr.differentiated(with: variable)
        let second = first.differentiated(with: variable)
        var failure: Error? = nil
        let result = try RootFinding.newtonBisection(in: BigFloat(lower, precision: bits), BigFloat(upper, precision: bits), precision: bits) { x in
            do {
                let env = Environment(values: [variable.name: .scalar(x)])
                let evaluator = Evaluator(precision: bits, environment: env)
                return (try evaluator.scalar(first), try evaluator.scalar(second))
            } catch {
                failure = error
                return (BigFloat(0, precision: bits), BigFloat(1, precision: bits))
            }
        }
        if let failure { throw failure }
        return result.root
    }

    /// expr at variable = value.
    static func value(_ expr: Expr, _ variable: Symbol, _ x: BigFloat, bits: Int = 200) throws -> BigFloat {
        try Evaluator(precision: bits, environment: Environment(values: [variable.name: .scalar(x)])).scalar(expr)
    }
}
