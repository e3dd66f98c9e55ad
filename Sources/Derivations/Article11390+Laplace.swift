import Foundation
import Symbolic

/// 11390.17–11390.35: 常规思路 (the conventional route): density of the maximum, Laplace mode,
/// the fixed-point equation eq:z and its bounds.
extension Article11390 {
    static var zSymbol: Symbol { z.asSymbol }
    /// log p_max(z), second line of the aligned display.
    static let logDensity = log(n) + (n - 1) * log(Phi(z)) - z ** 2 / 2 - log(2 * Expr.pi) / 2
    static let logDensitySlope = (n - 1) * p(z) / Phi(z) - z

    static var density: [Step] {
        let cdfOfMax = Expr.symbol(Symbol("Pmax", latex: "P(z_{\\max}\\leq z)"))
        let normal: @Sendable (inout GaussianSampler) -> Double = { $0.next() }
        func phi(_ x: Double) -> Double { NormalDistribution.cdf(BigFloat(x)).doubleValue }
        return [
            Step("11390.17", "density and CDF of the standard normal", at: "常规思路 → 概率密度 (density), inline", kind: "definition",
                 claim: .all([
                    .definition(Definition(p(z), exp(-(z ** 2) / 2) / sqrt2pi, relation: .equals)),
                    .withDigits(30, .identity(Identity(integral("x", -Expr.infinity, z) { x in p(x) }, equals: Phi(z),
                                       over: ParameterSpace([Parameter(z, .uniform(-5, 5))])))),
                 ]),
                 remark: "Φ is implemented as erfc(-z/√2)/2; part (b) checks it against the quadrature of p."),
            Step("11390.18", "CDF of the max as a product (independence)", at: "常规思路 → 概率密度 (density), display, first =",
                 claim: .all([(2, 0.5, 20_000), (5, 1.0, 20_000), (50, 2.5, 6_000)].map { (size: Int, point: Double, replicates: Int) in
                    Claim.monteCarlo(MonteCarloClaim(
                        Display(cdfOfMax, .equals, product("i", 1, n) { i in .symbol(Symbol("Pzi", latex: "P(z_i\\leq z)")) }, regime: "n=\(size),\\ z=\(point)"),
                        simulation: MaximumSimulations.maximumCDF("N(0,1)", n: size, at: point, cdf: phi(point), draw: normal),
                        quote: "0", quoted: .expectation, replicates: replicates, reference: 0, quoteIsExact: true))
                 }),
                 remark: "Seeded rows: the observable 1[z_max ≤ z] - Φ(z)ⁿ must average to 0 (the identity's exact 0, no rounding allowed)."),
            Step("11390.19", "each factor is Φ(z)", at: "常规思路 → 概率密度 (density), display, second =",
                 claim: .withDigits(20, .identity(Identity(product("i", 1, n) { _ in integral("x", -Expr.infinity, z) { x in p(x) } }, equals: Phi(z) ** n,
                                           over: ParameterSpace([Parameter(n, .integers(1...3)), Parameter(z, .uniform(-3, 3))])))),
                 remark: "Each factor P(z_i ≤ z) as its own quadrature of p; 20 digits."),
            Step("11390.20", "the CDF of a maximum is Fⁿ for any law", at: "常规思路 → 概率密度 (density), sentence after the display",
                 kind: "identity",
                 claim: .all([
                    ("Exp(1)", 3, 1.2, 1 - Foundation.exp(-1.2), MaximumSimulations.exponential),
                    ("U(0,1)", 10, 0.9, 0.9, MaximumSimulations.uniform),
                    ("Poisson(3)", 10, 5.0, poissonCDF(3, 5), MaximumSimulations.poisson(3)),
                 ].map { (name: String, size: Int, point: Double, cdf: Double, draw: @escaping @Sendable (inout GaussianSampler) -> Double) in
                    Claim.monteCarlo(MonteCarloClaim(
                        Display(cdfOfMax, .equals, .symbol(Symbol("Fn", latex: "F(x)^n")), regime: "\(name),\\ n=\(size),\\ x=\(point)"),
                        simulation: MaximumSimulations.maximumCDF(name, n: size, at: point, cdf: cdf, draw: draw),
                        quote: "0", quoted: .expectation, replicates: 20_000, reference: 0, quoteIsExact: true))
                 })),
            Step("11390.21", "density of the maximum", at: "常规思路 → 概率密度 (density), display", kind: "gradient",
                 claim: .all([
                    .identity(Identity(.derivative(Phi(z) ** n, zSymbol), equals: pMax,
                                       over: ParameterSpace([Parameter(n, .values([2, 50, 100, 200, 4096])), Parameter(z, .uniform(-2, 6))]))),
                    .withDigits(30, .all(([50, 100, 200] as [Expr]).map { size in
                        Claim.identity(Identity(integral("z", -Expr.infinity, Expr.infinity) { z in n * Phi(z) ** (n - 1) * p(z) }, equals: 1,
                                                over: fixed(n, size)))
                    })),
                 ]),
                 remark: "(a) d/dz Φⁿ symbolically; (b) ∫ p_max = 1 for the article's plotted n = 50, 100, 200 (plain quadrature of the tree)."),
            Step("11390.22", "expectation as an integral", at: "常规思路 → 拉普拉斯 (Laplace), first display",
                 claim: .all([
                    .identity(Identity(expectedMax, equals: 1 / sqrt(Expr.pi), over: fixed(n, 2))),
                    .withDigits(30, .identity(Identity(expectedMax, equals: 3 / (2 * sqrt(Expr.pi)), over: fixed(n, 3)))),
                    .withDigits(20, .all(([50, 4096, 10 ** 1000] as [Expr]).map { size in
                        Claim.identity(Identity(expectedMax, equals: GaussianMaximum.meanByCDF(n), over: fixed(n, size)))
                    })),
                    .withDigits(20, .identity(Identity(integral("z", -Expr.infinity, Expr.infinity) { z in z * n * Phi(z) ** (n - 1) * p(z) },
                                                       equals: 3 / (2 * sqrt(Expr.pi)), over: fixed(n, 3)))),
                 ]),
                 remark: "∫ z p_max (native, split at the mode): against 1/√π at n = 2 (50 digits) and 3/(2√π) at n = 3 (30); against ∫₀^∞(1-Φⁿ) - ∫_{-∞}^0 Φⁿ (native, no density) at n = 50, 4096, 10¹⁰⁰⁰ (20 digits); and the plain tree quadrature of z p_max at n = 3 (20 digits). GaussianMaximumTests compares the routes further."),
        ]
    }

    static var laplace: [Step] {
        let slope = logDensitySlope
        let curvature = slope.differentiated(with: zSymbol)
        let modeSizes: [Expr] = [2, 3, 5, 10, 100, 4096, 1_000_000, 10 ** 20, 10 ** 100]
        func atEachMode(_ digits: Int, _ make: (ParameterSpace) -> Claim) -> Claim {
            .withDigits(digits, .all(modeSizes.map { make(ParameterSpace([Parameter(n, .fixed($0)), Parameter(z, .derived(zStar))])) }))
        }
        let densitySpace = ParameterSpace([Parameter(n, .logUniform(2, 1e6)), Parameter(z, .uniform(-3, 8))])
        return [
            Step("11390.23", "Laplace: mean ≈ mode", at: "常规思路 → 拉普拉斯 (Laplace), paragraph before the log p_max display",
                 claim: .withDigits(15, .approximation(Approximation(expectedMax, approximatedBy: zStar, along: logPath, order: .power(1), over: alongLogN))),
                 remark: "Relative gap ≈ γ/(2 log n) (the Gumbel mean-minus-mode γ/a_n): the mode is the Gumbel location, the mean lies γ/a_n above it; p_max is skewed, so 'normal, hence mean = mode' holds only to that order."),
            Step("11390.24", "log density, first line", at: "常规思路 → 拉普拉斯 (Laplace), aligned display, line 1",
                 claim: .identity(Identity(log(pMax), equals: log(n) + (n - 1) * log(Phi(z)) + log(p(z)), over: densitySpace))),
            Step("11390.25", "log density, second line", at: "常规思路 → 拉普拉斯 (Laplace), aligned display, line 2",
                 claim: .identity(Identity(log(n) + (n - 1) * log(Phi(z)) + log(p(z)), equals: logDensity, over: densitySpace))),
            Step("11390.26", "derivative of the log density", at: "常规思路 → 拉普拉斯 (Laplace), display 对z求导得, first =", kind: "gradient",
                 claim: .identity(Identity(.derivative(logDensity, zSymbol), equals: slope, over: densitySpace))),
            Step("11390.27", "derivative, explicit form", at: "常规思路 → 拉普拉斯 (Laplace), same display, second =",
                 claim: .identity(Identity(slope, equals: (n - 1) * exp(-(z ** 2) / 2) / (Phi(z) * sqrt2pi) - z, over: densitySpace))),
            Step("11390.28", "fixed-point equation for the mode (eq:z)", at: "常规思路 → 拉普拉斯 (Laplace), eq:z", kind: "optimum",
                 claim: .all([
                    atEachMode(50) { .identity(Identity(z, equals: sqrt(2 * log((n - 1) / (z * Phi(z) * sqrt2pi))), over: $0)) },
                    atEachMode(50) { .identity(Identity(1 + slope, equals: 1, over: $0)) },
                    atEachMode(12) { .inequality(Inequality(curvature, lessThan: 0, strict: true, over: $0)) },
                    atEachMode(12) { .inequality(Inequality(0, lessThan: z, strict: true, over: $0)) },
                 ]),
                 remark: "At n = 2, 3, 5, 10, 100, 4096, 10⁶, 10²⁰, 10¹⁰⁰ with z = z_*, the root of the slope (11390.26) by safeguarded Newton; (a) it satisfies eq:z, (b) the slope vanishes there (as 1 + slope = 1), (c) the curvature is negative, (d) z_* > 0 so taking logs was legitimate."),
        ]
    }

    static var approximateSolution: [Step] {
        let upper = nu
        let lower = sqrt(2 * log((n - 1) / (nu * sqrt2pi)))
        let boundSpace = ParameterSpace([Parameter(n, .integers(6...10_000))])
        let largeN: [Expr] = [100_000, 1_000_000, 10 ** 20, 10 ** 100]
        return [
            Step("11390.29", "zΦ(z) > 1 once z ≥ 1.15", at: "常规思路 → 近似求解 (approximate solution), first paragraph", kind: "numeric",
                 claim: .all([
                    .inequality(Inequality(1, lessThan: z * Phi(z), strict: true, over: ParameterSpace([Parameter(z, .uniform(1.15, 40))]))),
                    .numeric(NumericClaim(GaussianMaximum.zPhiRoot(), quote: "1.15", style: .around(below: 0.01, above: 0))),
                 ]),
                 remark: "zΦ(z) increases on z > 0 (derivative Φ + zφ > 0); its unit root is 1.1446…, just below 1.15."),
            Step("11390.30", "upper bound on z_*", at: "常规思路 → 近似求解 (approximate solution), first display",
                 claim: .withDigits(20, .all([.inequality(Inequality(zStar, lessThan: upper, strict: true, over: boundSpace))]
                             + largeN.map { Claim.inequality(Inequality(zStar, lessThan: upper, strict: true, over: fixed(n, $0))) }
                             + [.inequality(Inequality(zStar, lessThan: 1.15, strict: true, over: fixed(n, 5))),
                                .inequality(Inequality(1.15, lessThan: zStar, over: fixed(n, 6)))])),
                 remark: "Random n in 6…10⁴ and n = 10⁵, 10⁶, 10²⁰, 10¹⁰⁰. The regime z_* ≥ 1.15 starts at n = 6 (z_*(5) < 1.15 ≤ z_*(6)); at n = 5 the bound fails (z_* > ν there)."),
            Step("11390.31", "lower bound on z_*", at: "常规思路 → 近似求解 (approximate solution), second display",
                 claim: .withDigits(20, .all([.inequality(Inequality(lower, lessThan: zStar, strict: true, over: boundSpace))]
                             + largeN.map { Claim.inequality(Inequality(lower, lessThan: zStar, strict: true, over: fixed(n, $0))) }))),
            Step("11390.32", "z_* ~ √(2 log((n-1)/√(2π)))", at: "常规思路 → 近似求解 (approximate solution), third display, first ∼",
                 claim: .limit(Limit(asymptotic: zStar, to: nu, along: logPath, order: .power(1), over: alongLogN)),
                 remark: "Relative error ≈ log z_*/ν² = O(log log n/log n)."),
            Step("11390.33", "n - 1 vs n", at: "常规思路 → 近似求解 (approximate solution), third display, second ∼",
                 claim: .limit(Limit(asymptotic: nu, to: refined, along: .increasing(n, [10, 100, 1000, 10_000, 100_000]),
                                     order: .power(1), over: .empty)),
                 remark: "Relative error ≈ 1/(2n log(n/√(2π))): order 1 in n."),
            Step("11390.34", "drop the constant", at: "常规思路 → 近似求解 (approximate solution), third display, third ∼",
                 claim: .limit(Limit(asymptotic: refined, to: sqrt2LogN, along: logPath, order: .power(1), over: alongLogN)),
                 remark: "Relative error ≈ log(2π)/(4 log n)."),
            Step("11390.35", "this is the asymptotic of E[z_max]", at: "常规思路 → 近似求解 (approximate solution), sentence after the display",
                 kind: "asymptotic",
                 claim: .withDigits(15, .all([nu, refined, sqrt2LogN].map { estimate in
                    Claim.limit(Limit(asymptotic: expectedMax, to: estimate, along: logPath, order: .power(1), over: alongLogN))
                 })),
                 remark: "The chain is about z_*; the article reads it as E[z_max]'s asymptotic, which holds since E/z_* → 1 (11390.23)."),
        ]
    }

    static func poissonCDF(_ lambda: Double, _ k: Int) -> Double {
        var term = Foundation.exp(-lambda), total = term
        if k > 0 { for j in 1...k { term *= lambda / Double(j); total += term } }
        return total
    }
}
