import Symbolic

/// 11390.1–11390.16: the opening, 先看结论 (conclusion first) and 快速上界 (quick upper bound).
extension Article11390 {
    static let wholeLine = (lower: -Expr.infinity, upper: Expr.infinity)

    static var conclusion: [Step] {
        let sd = sqrt(GaussianMaximum.secondMoment(n) - expectedMax ** 2)
        return [
            Step("11390.1", "sums and sums of squares of normals", at: "opening paragraph, inline",
                 claim: .all([
                    .withDigits(30, .identity(Identity(integral("z", wholeLine.lower, wholeLine.upper) { z in exp(t * z) * p(z) } ** n,
                                       equals: exp(n * t ** 2 / 2),
                                       over: ParameterSpace([Parameter(n, .integers(1...20)), Parameter(t, .uniform(-2, 2))])))),
                    // e^{tz²}φ(z) as one exponential: e^{tz²} alone overflows at the far nodes.
                    .withDigits(30, .identity(Identity(integral("z", wholeLine.lower, wholeLine.upper) { z in exp((t - 0.5) * z ** 2) / sqrt(2 * Expr.pi) } ** n,
                                       equals: (1 - 2 * t) ** (-n / 2),
                                       over: ParameterSpace([Parameter(n, .integers(1...20)), Parameter(t, .uniform(-2, 0.4))])))),
                 ]),
                 remark: "30 digits (each side is a whole-line quadrature at 20 points). By generating functions: the n-th power of the one-draw MGF (independence) is the N(0, n) MGF e^{nt²/2}, and of E[e^{tz²}] the χ²_n MGF (1-2t)^{-n/2}."),
            Step("11390.2", "definition of the maximum", at: "opening paragraph",
                 claim: .definition(Definition(.symbol(Symbol("zmax", latex: "z_{\\max}")),
                                               .symbol(Symbol("maxz", latex: "\\max\\{z_1,z_2,\\cdots,z_n\\}")), relation: .equals))),
            Step("11390.3", "leading asymptotic √(2 log n)", at: "先看结论 (conclusion first), eq:E-z-max",
                 claim: .withDigits(15, .limit(Limit(asymptotic: expectedMax, to: sqrt2LogN, along: logPath, order: .power(1), over: alongLogN))),
                 remark: "Path n = e^L, L = 10⁴, 10⁶, 10⁸ (15 certified digits). The relative error is ≈ (log log n + log 4π - 2γ)/(4 log n): order 1 in 1/log n up to the log log n factor (observed ≈ 0.9).",
                 tables: [ExpectedMaximumTable.values, ExpectedMaximumTable.errors]),
            Step("11390.4", "meaning of ~: the ratio tends to 1", at: "先看结论 (conclusion first), display after eq:E-z-max",
                 claim: .withDigits(15, .limit(Limit(expectedMax / sqrt2LogN, tendsTo: 1, along: logPath, order: .power(1), over: alongLogN))),
                 remark: "Same sequence as 11390.3 (n = e^L)."),
            Step("11390.5", "refined asymptotic √(2 log(n/√(2π)))", at: "先看结论 (conclusion first), unlabeled display",
                 claim: .withDigits(15, .limit(Limit(asymptotic: expectedMax, to: refined, along: logPath, order: .power(1), over: alongLogN))),
                 remark: "Relative error ≈ (log log n + log 2 - 2γ)/(4 log n)."),
            Step("11390.6", "the refined form is more accurate", at: "先看结论 (conclusion first), sentence before the refined display",
                 claim: .withDigits(12, .all(([3, 5, 10, 100, 4096, 1_000_000_000] as [Expr]).map { (size: Expr) in
                    Claim.inequality(Inequality(abs(expectedMax - refined), lessThan: abs(expectedMax - sqrt2LogN), strict: true,
                                                over: fixed(n, size)))
                 })),
                 remark: "Checked at n = 3, 5, 10, 100, 4096, 10⁹ (n = 2: log(n/√(2π)) < 0); 50 … 10¹⁰⁰ in the derive show 11390.3 table; every n = 3…100 in GaussianMaximumTests."),
            Step("11390.7", "simulated mean of the maximum ≈ 3.63 at n = 4096", at: "先看结论 (conclusion first), code comment E_z_max ≈ 3.63",
                 claim: .all([
                    .withDigits(20, .monteCarlo(MonteCarloClaim(
                        Display(expectedMax, .approximately, 3.63, regime: "n=4096"), simulation: MaximumSimulations.rowMaximum(n: 4096),
                        quote: "3.63", quoted: .expectation, replicates: 600, reference: expectedMax, at: fixed(n, 4096)))),
                    // The script's mean of 10000 rows has standard error sd/100: the quote must lie
                    // within its last digit's half unit plus 4 such errors of the exact mean.
                    .withDigits(20, .numeric(NumericClaim(expectedMax, quote: "3.63", style: .around(below: 0.005 + 4 * sd / 100, above: 0.005 + 4 * sd / 100),
                                          at: fixed(n, 4096)))),
                 ]),
                 remark: "Part (a): seeded rows (one row per replicate) against the quote and the exact mean; part (b): exact E[z_max] (quadrature) against the quote with the script's own standard error sd(z_max)/√10000."),
            Step("11390.8", "approx1 ≈ 4.08", at: "先看结论 (conclusion first), code comment approx1",
                 claim: .numeric(NumericClaim(sqrt2LogN, quote: "4.08", style: .rounded, at: fixed(n, 4096)))),
            Step("11390.9", "approx2 ≈ 3.85", at: "先看结论 (conclusion first), code comment approx2",
                 claim: .numeric(NumericClaim(refined, quote: "3.85", style: .rounded, at: fixed(n, 4096)))),
        ]
    }

    static var upperBound: [Step] {
        let mgf = GaussianMaximum.momentGenerating(n, t)
        // Fixed (n, t) pairs across the stated ranges: each side is a quadrature, 20 random points would be slow.
        let pairs: [(Expr, Expr)] = [(2, 0.3), (50, 2.9), (4096, 5), (4096, 0.05)]
        func atPairs(_ make: (ParameterSpace) -> Claim) -> Claim {
            .withDigits(12, .all(pairs.map { make(ParameterSpace([Parameter(n, .fixed($0.0)), Parameter(t, .fixed($0.1))])) }))
        }
        let bound = log(n) / t + t / 2
        let tStar = sqrt(2 * log(n))
        let tSymbol = t.asSymbol
        let optimumSpace = ParameterSpace([Parameter(n, .logUniform(2, 1e30)), Parameter(t, .derived(tStar))])
        let first = bound.differentiated(with: tSymbol)
        return [
            Step("11390.10", "Jensen: exp(tE[z_max]) ≤ E[exp(t z_max)]", at: "快速上界 (quick upper bound), first display, first ≤",
                 claim: atPairs { .inequality(Inequality(exp(t * expectedMax), lessThan: mgf, over: $0)) },
                 remark: "Both sides by quadrature against p_max (native, split at the mode)."),
            Step("11390.11", "exp of the max is the max of exp (t > 0)", at: "快速上界 (quick upper bound), first display, =",
                 claim: .identity(Identity(
                    exp(t * .call(.max, [.call(.max, [x, u]), z])),
                    equals: .call(.max, [.call(.max, [exp(t * x), exp(t * u)]), exp(t * z)]),
                    over: ParameterSpace([Parameter(t, .uniform(0.01, 5)), Parameter(x, .uniform(-3, 3)), Parameter(u, .uniform(-3, 3)),
                                          Parameter(z, .uniform(-3, 3))]))),
                 remark: "Pointwise for three draws (x, u, z); equal integrands give equal expectations. For t < 0 it would pick the minimum."),
            Step("11390.12", "max ≤ sum", at: "快速上界 (quick upper bound), first display, second ≤",
                 claim: atPairs { .inequality(Inequality(mgf, lessThan: n * exp(t ** 2 / 2), over: $0)) }),
            Step("11390.13", "normal moment generating function", at: "快速上界 (quick upper bound), first display, last =",
                 claim: .withDigits(30, .identity(Identity(n * integral("z", wholeLine.lower, wholeLine.upper) { z in exp(t * z) * p(z) },
                                           equals: n * exp(t ** 2 / 2),
                                           over: ParameterSpace([Parameter(n, .integers(1...1000)), Parameter(t, .uniform(0.01, 5))])))),
                 remark: "The n identical terms E[e^{tz_i}] summed as n times one quadrature; 30 digits."),
            Step("11390.14", "bound for every t > 0", at: "快速上界 (quick upper bound), second display",
                 claim: .all([
                    .identity(Identity(log(n * exp(t ** 2 / 2)) / t, equals: bound,
                                       over: ParameterSpace([Parameter(n, .logUniform(2, 1e12)), Parameter(t, .logUniform(0.05, 10))]))),
                    .withDigits(12, .all(([(2, 0.05), (10, 0.7), (4096, 4.1), (10 ** 20, 9.6), (10 ** 1000, 68)] as [(Expr, Expr)]).map { pair in
                        Claim.inequality(Inequality(expectedMax, lessThan: bound, over: ParameterSpace([Parameter(n, .fixed(pair.0)), Parameter(t, .fixed(pair.1))])))
                    })),
                 ]),
                 remark: "(a) the rearrangement: log of n e^{t²/2}, divided by t; (b) exact E[z_max] below the bound at (n, t) pairs spanning t ∈ [0.05, 68], including t near the optimum √(2 log n)."),
            Step("11390.15", "optimal t = √(2 log n)", at: "快速上界 (quick upper bound), sentence after the second display", kind: "optimum",
                 claim: .all([
                    // First-order condition: 1 + f'(t_*) = 1 (a zero cannot be compared relatively).
                    .identity(Identity(1 + .derivative(bound, tSymbol), equals: 1, over: optimumSpace)),
                    .inequality(Inequality(0, lessThan: .derivative(first, tSymbol), strict: true, over: optimumSpace)),
                    .identity(Identity(bound, equals: tStar, over: optimumSpace)),
                 ]),
                 remark: "At t = √(2 log n): f'(t) = 0 (written 1 + f' = 1), f''(t) = 2 log n/t³ > 0, and the minimum value is √(2 log n)."),
            Step("11390.16", "upper bound E[z_max] ≤ √(2 log n)", at: "快速上界 (quick upper bound), third display",
                 claim: .withDigits(12, .all(([2, 3, 10, 200, 4096, 1_000_000, 10 ** 20, 10 ** 1000] as [Expr]).map { size in
                    Claim.inequality(Inequality(expectedMax, lessThan: sqrt2LogN, over: fixed(n, size)))
                 })),
                 remark: "The margin shrinks like log log n/√(log n); the ratio → 1 is 11390.3."),
        ]
    }
}
