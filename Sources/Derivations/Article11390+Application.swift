import Symbolic

/// 11390.49–11390.67: 应用例子 (application): duplicated BF16 maxima in a row of logits.
extension Article11390 {
    static func duplicate(_ size: Expr, _ mean: Expr = 0, _ scale: Expr = 1) -> Expr { DuplicateMaximum.bf16(size, mean, scale) }
    static let applicationSizes: [Expr] = [128, 4096, 65536]
    /// The script's approx_result: √(2 log(n/√(2π)))/128 (n, not n - 1).
    static let approxResult = refined / 128

    static var application: [Step] {
        let pNu = p(nu)
        let oneOver128 = Expr.rational(1, 128)
        let widths: [Expr] = [7, 9, 11, 13, 15, 17, 20].map { Expr.rational(1, 1 << $0) }
        let sizes = ParameterSpace([Parameter(n, .values(applicationSizes))])
        let exact = duplicate(n)
        return [
            Step("11390.49", "general mean and variance change nothing", at: "应用例子 (application), second paragraph",
                 claim: .withDigits(10, .meanField(MeanFieldClaim(
                    Display(duplicate(n, mu, sigma), .approximately, duplicate(n), regime: "n=4096"),
                    exact: duplicate(n, mu, sigma), heuristic: duplicate(n),
                    over: ParameterSpace([Parameter(n, .fixed(4096)), Parameter(mu, .values([-1, 0, 5])),
                                          Parameter(sigma, .values([0.5, 1, 3]))]), tolerance: 0.5))),
                 correction: Step.Correction(.withDigits(15, .all([0.5, 2, 4].map { (scale: Expr) in
                    Claim.identity(Identity(duplicate(n, 0, scale), equals: duplicate(n), over: fixed(n, 4096)))
                 })), note: "only μ = 0 with σ a power of two leaves the bf16 probability unchanged; a mean shift or another σ moves the maximum to another binade relative to its spread"),
                 remark: "Read as: the duplicate probability for N(μ, σ²) logits equals the N(0,1) one (tolerance ±50%, i.e. the 'few percent' conclusion survives). Exact bin sums at n = 4096, μ ∈ {-1, 0, 5}, σ ∈ {0.5, 1, 3}."),
            Step("11390.50", "the maximum is about ν", at: "应用例子 (application), third paragraph",
                 claim: .withDigits(15, .approximation(Approximation(expectedMax, approximatedBy: nu, along: logPath, order: .power(1), over: alongLogN))),
                 remark: "Relative error O(log log n/log n), like 11390.3/11390.32.",
                 tables: [applicationTable]),
            Step("11390.51", "BF16 relative precision 2⁻⁷ = 1/128", at: "应用例子 (application), third paragraph",
                 claim: .all([
                    .identity(Identity(2 ** (-7), equals: oneOver128, over: .empty)),
                    // The next bf16 value above 1: anything in (1 + 2⁻⁸, 1 + 2⁻⁷] rounds to 1 + 2⁻⁷.
                    .identity(Identity(DuplicateMaximum.round(1 + 2 ** (-8) + 2 ** (-20)) - 1, equals: 2 ** (-7), over: .empty)),
                    .identity(Identity(DuplicateMaximum.round(2 - 2 ** (-9)), equals: 2, over: .empty)),
                 ]),
                 remark: "The spacing on [2^e, 2^{e+1}) is 2^{e-7}, so the relative spacing lies in (2⁻⁸, 2⁻⁷]: it is 2⁻⁷ only just above a power of two."),
            Step("11390.52", "duplicate event ⇔ another logit in ((127/128)ν, ν]", at: "应用例子 (application), third paragraph",
                 claim: .withDigits(10, .meanField(MeanFieldClaim(Display(exact, .approximately, DuplicateMaximum.relative(n)),
                                                                  exact: exact, heuristic: DuplicateMaximum.relative(n), over: sizes, tolerance: 0.5))),
                 correction: Step.Correction(.withDigits(10, .meanField(MeanFieldClaim(
                    Display(exact, .approximately, DuplicateMaximum.halfBin(n)), exact: exact, heuristic: DuplicateMaximum.halfBin(n),
                    over: sizes, tolerance: 0.1))),
                    note: "the relevant window is the maximum's BF16 rounding bin, width 2^{⌊log₂ z⌋-7} (mean depth below the max half of it), not z/128"),
                 remark: "Exact bf16 bin sum against the exact probability of the article's event with the actual maximum m: another draw in ((127/128)m, m]. Tolerance ±50%."),
            Step("11390.53", "interval probability ≈ p(ν)ν/128", at: "应用例子 (application), third paragraph",
                 claim: .approximation(Approximation(Phi(nu) - Phi((1 - width) * nu), approximatedBy: p(nu) * nu * width,
                                                     along: RegimePath(width, widths, .toZero), order: .power(1), over: sizes)),
                 remark: "Relative width h = 2⁻⁷ … 2⁻²⁰ in place of 1/128; the relative error ≈ ν²h/2 (first-order density change), ≈ 2.5% / 5.8% / 7.9% at h = 1/128 for n = 128 / 4096 / 65536."),
            Step("11390.54", "substitute p(ν) = 1/(n-1)", at: "应用例子 (application), display, =",
                 claim: .identity(Identity(1 - (1 - pNu * nu / 128) ** (n - 1), equals: 1 - (1 - (nu / 128) / (n - 1)) ** (n - 1),
                                           over: ParameterSpace([Parameter(n, .integers(4...1_000_000))]))),
                 remark: "n ≤ 10⁶: beyond, 1 - (1 - a)^{n-1} with a ~ 1/n loses log₁₀ n digits to rounding of 1 - a (both sides alike)."),
            Step("11390.55", "exponential limit", at: "应用例子 (application), display, first ≈",
                 claim: .approximation(Approximation(1 - (1 - (nu / 128) / (n - 1)) ** (n - 1), approximatedBy: 1 - exp(-nu / 128),
                                                     along: .increasing(n, [128, 4096, 65536, 1_000_000, 1_000_000_000]),
                                                     order: .power(1), over: .empty))),
            Step("11390.56", "linearise 1 - e^{-ν/128}", at: "应用例子 (application), display, second ≈",
                 claim: .approximation(Approximation(1 - exp(-nu * width), approximatedBy: nu * width,
                                                     along: RegimePath(width, [7, 8, 9, 10, 11, 12, 13, 14, 15].map { Expr.rational(1, 1 << $0) }, .toZero),
                                                     order: .power(1), over: sizes)),
                 remark: "Relative error ≈ ν h/2: 1.0% / 1.5% / 1.8% at h = 1/128 for n = 128 / 4096 / 65536."),
            Step("11390.57", "the estimate is too small for large n", at: "应用例子 (application), paragraph after the display",
                 kind: "inequality",
                 claim: .withDigits(8, .all((Array(14...24) + Array(stride(from: 28, through: 80, by: 4))).map { (k: Int) in
                    Claim.inequality(Inequality(nu / 128, lessThan: exact, strict: true, over: fixed(n, 2 ** Expr.number(Rational(k)))))
                 })),
                 remark: "Checked at n = 2^k for every k = 14…24 and k = 28, 32, …, 80; below (n = 128, 4096, 8192) the estimate is still above the exact value. The article's reason (the others are conditioned below the max) is a relative effect 1/Φ(ν) - 1 ≈ 1/(nν), negligible; the real cause is the bf16 spacing doubling when ν crosses 4 (n ≈ 7.5·10³), against a window ν/128 that grows only like √(log n)."),
            simulatedStep("11390.58", size: 128, quote: "0.018246", rows: 100, replicates: 200),
            numericStep("11390.59", size: 128, quote: "0.0219115"),
            simulatedStep("11390.60", size: 4096, quote: "0.028279", rows: 4, replicates: 250),
            numericStep("11390.61", size: 4096, quote: "0.03005291"),
            simulatedStep("11390.62", size: 65536, quote: "0.05296699", rows: 1, replicates: 120),
            numericStep("11390.63", size: 65536, quote: "0.03523674"),
            Step("11390.64", "about 2% at length 128", at: "应用例子 (application), paragraph after the code",
                 claim: .withDigits(20, .numeric(NumericClaim(duplicate(128), quote: "0.02", style: .rounded)))),
            Step("11390.65", "expected count 0.02 n²/128 is not small", at: "应用例子 (application), paragraph after the code",
                 kind: "approximation",
                 claim: .all([
                    .identity(Identity(n * (n / 128) * 0.02, equals: 0.02 * n ** 2 / 128, over: ParameterSpace([Parameter(n, .integers(128...100_000))]))),
                    .withDigits(20, .numeric(NumericClaim(n ** 2 / 128 * duplicate(128), quote: "2621.44",
                                                          style: .withinFactor(2), at: fixed(n, 4096)))),
                 ]),
                 remark: "(a) n rows × n/128 blocks × the per-block probability; (b) with the exact per-block probability at n = 4096: ≈ 2.4·10³ duplicated maxima, within a factor 2 of 0.02·4096²/128 = 2621.44."),
            Step("11390.66", "exp-then-BF16: the maximum becomes 1", at: "应用例子 (application), last paragraph",
                 claim: .all([
                    .identity(Identity(DuplicateMaximum.round(exp(0)), equals: 1, over: .empty)),
                    .identity(Identity(DuplicateMaximum.round(1 - 2 ** (-9)), equals: 1, over: .empty)),
                    .identity(Identity(DuplicateMaximum.round(1 - 2 ** (-9) - 2 ** (-24)), equals: 1 - 2 ** (-8), over: .empty)),
                 ]),
                 remark: "exp(max - max) = 1 exactly; y ∈ (0, 1] rounds to 1 iff y ≥ 1 - 2⁻⁹ (the tie goes to the even 1.0), i.e. x_i ≥ z_max + log(1 - 2⁻⁹)."),
            Step("11390.67", "the variant does not differ noticeably", at: "应用例子 (application), last paragraph, last sentence",
                 claim: .withDigits(10, .meanField(MeanFieldClaim(Display(DuplicateMaximum.variant(n), .approximately, exact),
                                                                  exact: exact, heuristic: DuplicateMaximum.variant(n), over: sizes, tolerance: 0.25))),
                 correction: Step.Correction(.withDigits(10, .all(applicationSizes.map { size in
                    Claim.inequality(Inequality(DuplicateMaximum.variant(n), lessThan: exact / 3, strict: true, over: fixed(n, size)))
                 })), note: "after exp the window is a fixed -log(1-2⁻⁹) ≈ 0.00195 below the max, several times narrower than the logit's bf16 bin: the probability is over 3× smaller"),
                 remark: "Variant probability 1 - n∫φ(m)Φ(m - δ)^{n-1}dm, δ = -log(1 - 2⁻⁹), against the direct bf16 bin sum; 'not noticeably' read as within ±25%."),
        ]
    }

    static func simulatedStep(_ id: String, size: Int, quote: String, rows: Int, replicates: Int) -> Step {
        let exact = duplicate(.number(Rational(size)))
        let quoted = Expr.decimal(quote) ?? 0
        // The script averages 100 × 10000 rows: its standard error is √(q(1-q)/10⁶), from its own q.
        let scriptError = 4 * sqrt(quoted * (1 - quoted) / 1_000_000)
        return Step(id, "simulated duplicate-max probability, n = \(size)", at: "应用例子 (application), code block, proba_of_multi_max(\(size))",
                    claim: .all([
                        .withDigits(20, .monteCarlo(MonteCarloClaim(
                            Display(.symbol(Symbol("pdup", latex: "P(\\text{repeated BF16 max})")), .approximately, quoted, regime: "n=\(size)"),
                            simulation: MaximumSimulations.duplicateMaximum(n: size, rowsPerReplicate: rows), quote: quote, quoted: .expectation,
                            replicates: replicates, reference: exact))),
                        .withDigits(20, .numeric(NumericClaim(exact, quote: quote, style: .around(below: scriptError, above: scriptError)))),
                    ]),
                    remark: "(a) seeded rows as in the script (float32 normals, RNE to bf16, max repeated) against the quote and the exact bin sum; (b) the exact probability within 4 of the script's standard errors √(q(1-q)/10⁶) of the quote q.")
    }

    static func numericStep(_ id: String, size: Int, quote: String) -> Step {
        Step(id, "approx_result(\(size))", at: "应用例子 (application), code block, approx_result(\(size))",
             claim: .numeric(NumericClaim(approxResult, quote: quote, style: .rounded, at: fixed(n, .number(Rational(size))))),
             remark: "The script's formula uses n (not n - 1) and the final ν/128 form.")
    }

    /// E[z_max], z_* and ν at the application's sizes, and the exact duplicate probabilities.
    static let applicationTable = Tabulation(
        "application sizes: exact mean, mode and ν; duplicate probabilities (exact bf16 bin sum, article's estimate ν/128, script's approx_result)",
        columns: ["n", "E[z_max]", "z_*", "ν", "E - ν", "P_dup exact", "ν/128", "approx_result", "exp-variant"]) { _ in
        let bits = 128
        var rows: [[String]] = []
        for size in [128, 4096, 65536] {
            let nn = BigFloat(size, precision: bits)
            let e = try GaussianMaximum.expectedMaximum(n: nn, bits: bits)
            let mode = try GaussianMaximum.mode(n: nn, bits: bits)
            let nuValue = ((nn - BigFloat(1, precision: bits)).log() - GaussianMaximum.halfLogTwoPi(bits)).timesPowerOfTwo(1).squareRoot()
            let refinedValue = (nn.log() - GaussianMaximum.halfLogTwoPi(bits)).timesPowerOfTwo(1).squareRoot()
            let dup = try DuplicateMaximum.bf16Probability(n: nn, mu: BigFloat(0, precision: bits), sigma: BigFloat(1, precision: bits), bits: bits)
            let variant = try DuplicateMaximum.expVariant(n: nn, bits: bits)
            rows.append(["\(size)", e.decimalString(digits: 12), mode.decimalString(digits: 12), nuValue.decimalString(digits: 12),
                         (e - nuValue).decimalString(digits: 4), dup.decimalString(digits: 10), nuValue.timesPowerOfTwo(-7).decimalString(digits: 8),
                         refinedValue.timesPowerOfTwo(-7).decimalString(digits: 8), variant.decimalString(digits: 8)])
        }
        return rows
    }
}
