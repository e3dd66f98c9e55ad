import Symbolic

/// 11335.8–11335.19: the expectation chain, the estimate √n + √m, its accuracy, its limit and
/// its claimed universality.
extension Article11335 {
    static let x: Expr = .symbol("x")
    static func phi(_ t: Expr) -> Expr { .call(.normalPDF, [t]) }

    static var expectation: [Step] {
        let chiSum = chiMean(n, "n") + chiMean(m, "m")
        // χ_n density r^{n-1}e^{-r²/2}/(2^{n/2-1}Γ(n/2)) and χ²_m density x^{m/2-1}e^{-x/2}/(2^{m/2}Γ(m/2)).
        let chiIntegral = integral("r", 0, .infinity) { r in
            r * r ** (n - 1) * exp(-(r ** 2) / 2) / (2 ** (n / 2 - 1) * .call(.gamma, [n / 2]))
        }
        let chiSquaredMean = integral("x", 0, .infinity) { t in
            t * t ** (m / 2 - 1) * exp(-t / 2) / (2 ** (m / 2) * .call(.gamma, [m / 2]))
        }
        let secondMoment = integral("x", -.infinity, .infinity) { t in t ** 2 * phi(t) }
        let positiveHalf = integral("x", 0, .infinity) { t in t * phi(t) }
        let negativeHalf = integral("x", -.infinity, 0) { t in -t * phi(t) }
        let sqrt3 = sqrt(3)
        let uniformSecond = integral("x", -sqrt3, sqrt3) { t in t ** 2 / (2 * sqrt3) }
        let uniformPositive = integral("x", 0, sqrt3) { t in t / (2 * sqrt3) }
        let uniformNegative = integral("x", -sqrt3, 0) { t in -t / (2 * sqrt3) }
        // Symmetric Pareto, α = 11/5: |x| = s U^{-1/α}, s² = (α-2)/α, so E x² = s² ∫₀¹ U^{-2/α} dU.
        let alpha: Expr = .rational(11, 5)
        // U = t^{11} removes the endpoint singularity U^{-10/11} that defeats the quadrature.
        let paretoSecond = (alpha - 2) / alpha * integral("t", 0, 1) { t in (t ** 11) ** (-2 / alpha) * 11 * t ** 10 }
        let wtw = "\\mathbb{E}[(\\boldsymbol{W}^{\\top}\\boldsymbol{W})_{ii}]"
        // One point each: the quadratures do not depend on the shape, so more points would only cost time.
        let gramSpace = ParameterSpace([Parameter(n, .fixed(7))])
        // E[x²] and E[x] of each entry law, computed from the law (quadrature or its two atoms),
        // never from the value the article states.
        func moments(_ law: EntryLaw) -> (second: Expr, mean: Expr) {
            switch law {
            case .gaussian: return (secondMoment, positiveHalf - negativeHalf)
            case .uniform: return (uniformSecond, uniformPositive - uniformNegative)
            case .rademacher: return ((Expr(1) ** 2 + Expr(-1) ** 2) / 2, (Expr(1) + Expr(-1)) / 2)
            // Symmetric by construction (the sign is a fair coin): the halves cancel exactly.
            case .pareto: return (paretoSecond, 0)
            }
        }
        /// Monte Carlo of one entry of WᵀW (or WWᵀ) for a 7×5 W: the article's value (n, m or 0 at
        /// this shape) is the quote; the exact reference is the sum of entry moments.
        func gramMC(_ law: EntryLaw, outer: Bool, offDiagonal: Bool, rows: Int = 7, columns: Int = 5) -> Claim {
            let entry = offDiagonal ? "12" : "11"
            let product = outer ? "\\boldsymbol{W}\\boldsymbol{W}^{\\top}" : "\\boldsymbol{W}^{\\top}\\boldsymbol{W}"
            let terms = outer ? columns : rows
            let claimed = offDiagonal ? 0 : terms
            let (second, mean) = moments(law)
            let reference = offDiagonal ? Expr.number(Rational(terms)) * mean ** 2 : Expr.number(Rational(terms)) * second
            return .monteCarlo(MonteCarloClaim(
                Display(shown("gram\(entry)\(outer)", "\\mathbb{E}[(\(product))_{\(entry)}]_{\(law.latex)}", 0), .approximately, Expr.number(Rational(claimed))),
                simulation: RandomMatrices.gramEntry(rows: rows, columns: columns, law: law, 0, offDiagonal ? 1 : 0, outer: outer),
                quote: "\(claimed)", quoted: .expectation, replicates: 4000, reference: reference, quoteIsExact: true))
        }
        return [
            Step("11335.8", "E‖W‖₂ ≈ E‖Wv‖ + E‖uᵀW‖", at: "计算期望值 (computing the expectation), first display, first ≈",
                 claim: .withDigits(20, .approximation(Approximation(
                    expectedSigma1, approximatedBy: shown("halfMeans", "\\mathbb{E}[\(normWv)] + \\mathbb{E}[\(normUW)]", chiSum),
                    along: proportionalPath, over: proportional([1, 2, 4, 8], replicates: 120)))),
                 remark: "Right side exact: Wv ~ N(0, I_n) for unit v independent of W, so E‖Wv‖ = c(n) = √2Γ((n+1)/2)/Γ(n/2) and E‖uᵀW‖ = c(m). Left: 120 seeded replicates per point; the difference is negative throughout (Gordon: E‖W‖₂ ≤ c(n)+c(m)), see the table.",
                 tables: [Article11335.estimateTable]),
            Step("11335.9", "Jensen step: E‖·‖ ≈ √E‖·‖²", at: "计算期望值 (computing the expectation), first display, second ≈",
                 claim: .all([
                    .approximation(Approximation(shown("halfMeans", "\\mathbb{E}[\(normWv)] + \\mathbb{E}[\(normUW)]", chiSum),
                                                 approximatedBy: shown("rootMoments", "\\sqrt{\\mathbb{E}[\(normWv)^2]} + \\sqrt{\\mathbb{E}[\(normUW)^2]}", rootSum),
                                                 along: .increasing(k, [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262_144, 1_048_576]),
                                                 order: .power(1), over: ParameterSpace([Parameter(a, .values([1, 2, 4, 8])), Parameter(n, .derived(a * k)),
                                                                                         Parameter(m, .derived(k))]))),
                    // Jensen: E‖g‖ < √E‖g‖², strictly, at every size.
                    .inequality(Inequality(chiSum, lessThan: rootSum, strict: true,
                                           over: ParameterSpace([Parameter(n, .integers(1...1_048_576)), Parameter(m, .integers(1...1_048_576))]))),
                    // c(n) as the mean of the χ_n law, by quadrature.
                    .identity(Identity(chiMean(n, "n"), equals: chiIntegral, over: ParameterSpace([Parameter(n, .fixed(1))]))),
                    .identity(Identity(chiMean(n, "n"), equals: chiIntegral, over: ParameterSpace([Parameter(n, .fixed(7))]))),
                    .identity(Identity(chiMean(n, "n"), equals: chiIntegral, over: ParameterSpace([Parameter(n, .fixed(40))]))),
                 ]),
                 remark: "Exact on both sides: c(n)/√n = 1 - 1/(4n) + 1/(32n²) + …, so the relative error is ≈ (n^{-1/2}+m^{-1/2})/(4(√n+√m)), order 1 in k (table).",
                 tables: [Article11335.jensenTable]),
            Step("11335.10", "E‖Wv‖² = E[vᵀWᵀWv]", at: "计算期望值 (computing the expectation), second display, first =",
                 claim: .identity(Identity(exact(.normWvSquared, "\(normWv)^2"),
                                           equals: exact(.quadraticForm, "\\boldsymbol{v}^{\\top}\\boldsymbol{W}^{\\top}\\boldsymbol{W}\\boldsymbol{v}"),
                                           over: seededShapes())),
                 remark: "Pointwise (‖Wv‖² directly against the Gram matrix formed first), hence in expectation."),
            Step("11335.11", "linearity: E[vᵀWᵀWv] = vᵀE[WᵀW]v", at: "计算期望值 (computing the expectation), second display, second =",
                 claim: .identity(Identity(
                    shown("meanOfForm", "\\widehat{\\mathbb{E}}[\\boldsymbol{v}^{\\top}\\boldsymbol{W}^{\\top}\\boldsymbol{W}\\boldsymbol{v}]",
                          empiricalQuadratic(meanFirst: false, latex: "\\widehat{\\mathbb{E}}[\\boldsymbol{v}^{\\top}\\boldsymbol{W}^{\\top}\\boldsymbol{W}\\boldsymbol{v}]")(seed, n, m, replicates)),
                    equals: shown("formOfMean", "\\boldsymbol{v}^{\\top}\\widehat{\\mathbb{E}}[\\boldsymbol{W}^{\\top}\\boldsymbol{W}]\\boldsymbol{v}",
                                  empiricalQuadratic(meanFirst: true, latex: "\\boldsymbol{v}^{\\top}\\widehat{\\mathbb{E}}[\\boldsymbol{W}^{\\top}\\boldsymbol{W}]\\boldsymbol{v}")(seed, n, m, replicates)),
                    over: ParameterSpace([seedParameter, Parameter(n, .integers(1...6)), Parameter(m, .integers(1...6)),
                                          Parameter(replicates, .integers(1...6))]))),
                 remark: "Linearity for v fixed (independent of W), on the empirical law of R seeded matrices: the mean of the forms against the form of the mean Gram matrix, exactly."),
            Step("11335.12", "E[WᵀW] = nI_m", at: "计算期望值 (computing the expectation), second display, third =",
                 claim: .all([
                    // Diagonal: Σ_k E[W_ki²] = n E[x²] = n.
                    .identity(Identity(shown("diag", wtw, sum("j", 1, n) { _ in secondMoment }), equals: n, over: gramSpace)),
                    // Off-diagonal: Σ_k E[W_ki]E[W_kj] = n E[x]² = 0, with E[x] = 0 as equal halves.
                    .identity(Identity(positiveHalf, equals: negativeHalf, over: .empty)),
                    .withDigits(20, gramMC(.gaussian, outer: false, offDiagonal: false)),
                    .withDigits(20, gramMC(.gaussian, outer: false, offDiagonal: true)),
                 ]),
                 remark: "Entrywise: E[(WᵀW)_ij] = Σ_k E[W_ki W_kj] = n δ_ij from E[x²] = ∫x²φ = 1 and E[x] = 0 (∫₀^∞ xφ = ∫_{-∞}^0 (-x)φ) by independence; Monte Carlo sanity check on a 7×5 W (4000 replicates; the exact value must lie within 4 s.e.)."),
            Step("11335.13", "vᵀ(nI_m)v = n for unit v", at: "计算期望值 (computing the expectation), second display, last =",
                 claim: .identity(Identity(exact(.scaledIdentityQuadratic, "\\boldsymbol{v}^{\\top}(n\\boldsymbol{I}_m)\\boldsymbol{v}"), equals: n,
                                           over: ParameterSpace([seedParameter, Parameter(n, .integers(1...50)), Parameter(m, .integers(1...7))]))),
                 remark: "Seeded uniform unit v ∈ ℝ^m at the checker's precision."),
            Step("11335.14", "E‖uᵀW‖² = m", at: "计算期望值 (computing the expectation), sentence after the display",
                 claim: .all([
                    // ‖uᵀW‖² ~ χ²_m for unit u independent of W: its mean by quadrature.
                    .identity(Identity(chiSquaredMean, equals: m, over: ParameterSpace([Parameter(m, .fixed(1))]))),
                    .identity(Identity(chiSquaredMean, equals: m, over: ParameterSpace([Parameter(m, .fixed(5))]))),
                    .identity(Identity(chiSquaredMean, equals: m, over: ParameterSpace([Parameter(m, .fixed(30))]))),
                    .withDigits(20, .monteCarlo(MonteCarloClaim(
                        Display(shown("EuW2", "\\mathbb{E}[\(normUW)^2]", 0), .approximately, 5),
                        simulation: RandomMatrices.leftNormSquared(rows: 7, columns: 5), quote: "5", quoted: .expectation,
                        replicates: 4000, reference: chiSquaredMean.substituting(m.asSymbol, with: 5), quoteIsExact: true))),
                    .withDigits(20, gramMC(.gaussian, outer: true, offDiagonal: false)),
                 ]),
                 remark: "Same chain with E[WWᵀ] = mI_n: exact χ²_m mean by quadrature; Monte Carlo of ‖uᵀW‖² and of (WWᵀ)₁₁ for a 7×5 W."),
            Step("11335.15", "the estimate E‖W‖₂ ≈ √n + √m", at: "计算期望值 (computing the expectation), display",
                 claim: .withDigits(20, .approximation(Approximation(expectedSigma1, approximatedBy: rootSum, along: proportionalPath,
                                                                    over: proportional([1, 2, 4, 8], replicates: 120)))),
                 remark: "n = ak, m = k, a ∈ {1, 2, 4, 8}, k = 16, 64, 256, 120 seeded replicates per point (bidiagonal χ model). The article states no rate: the check is that the relative error shrinks; the table gives k = 16…1024, the observed order (≈ 2/3 as Tracy–Widom predicts) and the Tracy–Widom-corrected prediction.",
                 tables: [Article11335.estimateTable]),
            Step("11335.16", "“very accurate”", at: "计算期望值 (computing the expectation), sentence after the display",
                 kind: "monte-carlo-claim",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(expectedSigma1, .approximately, rootSum),
                    exact: expectedSigma1, heuristic: rootSum,
                    over: ParameterSpace([Parameter(m, .values([128, 512])), Parameter(a, .values([1, 2, 4, 8])),
                                          Parameter(n, .derived(a * m)), Parameter(replicates, .derived(131_072 / (a * m))), seedParameter]),
                    tolerance: 0.02))),
                 remark: "Threshold fixed before running: 'very accurate' (非常准) = relative error ≤ 2% for every shape with min(n, m) ≥ 128 (n/m ∈ {1, 2, 4, 8}), sizes typical of the layers the article has in mind (131072/n replicates: 1024 at 128×128, where the gap is largest, 1.65%); smaller shapes are a few percent off (table of 11335.15; 11335.1 allows 5%).",
                 tables: [Article11335.estimateTable]),
            Step("11335.17", "proportional limit ‖W‖₂/(√n+√m) → 1", at: "计算期望值 (computing the expectation), display",
                 kind: "limit",
                 claim: .withDigits(20, .all([
                    .approximation(Approximation(simulated(.spectralRatio, .mean, "\\mathbb{E}\\left[\\frac{\(normW)}{\\sqrt{n} + \\sqrt{m}}\\right]"),
                                                 approximatedBy: 1, along: proportionalPath, over: proportional([1, 2, 4], replicates: 120))),
                    .approximation(Approximation(simulated(.spectralRatio, .standardDeviation, "\\mathrm{sd}\\left[\\frac{\(normW)}{\\sqrt{n} + \\sqrt{m}}\\right]"),
                                                 approximatedBy: 0, along: proportionalPath, measure: .absolute,
                                                 over: proportional([1, 2, 4], replicates: 120))),
                    .meanField(MeanFieldClaim(
                        Display(shown("limitRatio", "\\lim_{k\\to\\infty}\\mathbb{E}\\left[\\frac{\(normW)}{\\sqrt{n} + \\sqrt{m}}\\right]", 0), .equals, 1),
                        exact: shown("extrapolated", "L_{\\text{WLS}}(a, b)", extrapolatedRatio(latex: "L_{\\text{WLS}}")(a, b, replicates, seed)),
                        heuristic: 1,
                        over: ParameterSpace([Parameter(a, .values([1, 2, 4])), Parameter(b, .fixed(1)), Parameter(replicates, .fixed(150)), seedParameter]),
                        tolerance: 0.005)),
                 ])),
                 remark: "The random ratio tends to 1 in probability: its mean → 1 and its spread → 0 along k (a ∈ {1, 2, 4}). The limit itself: means at k = 16…512 (150 replicates each) fitted by weighted least squares as L + c₁k^{-2/3} + c₂k^{-4/3}; L must be within 0.005 of 1 (about 3 of its standard errors; L ± s.e. and χ² in the table).",
                 tables: [Article11335.limitTable]),
            Step("11335.18", "only E[WᵀW] = nI_m and E[WWᵀ] = mI_n were used", at: "计算期望值 (computing the expectation), last paragraph",
                 claim: .all([
                    // E x² = 1 for each law, so the diagonal of E[WᵀW] is n; E x = 0 (equal halves) kills the rest.
                    .identity(Identity(((-1) ** 2 + 1 ** 2) / 2, equals: 1, over: .empty)),
                    .identity(Identity(uniformSecond, equals: 1, over: .empty)),
                    .identity(Identity(uniformPositive, equals: uniformNegative, over: .empty)),
                    .identity(Identity(secondMoment, equals: 1, over: .empty)),
                    .identity(Identity(paretoSecond, equals: 1, over: .empty)),
                    .withDigits(20, gramMC(.uniform, outer: true, offDiagonal: false)),
                    .withDigits(20, gramMC(.rademacher, outer: false, offDiagonal: true)),
                 ]),
                 remark: "The chain 11335.10–14 uses the entries only through E x = 0 and E x² = 1: checked exactly for Rademacher (±1), uniform on [-√3, √3], normal, and symmetric Pareto α = 2.2 (the law of 11335.19; symmetric, so E x = 0), whence E[WᵀW] = nI_m and E[WWᵀ] = mI_n entrywise as in 11335.12; then by Monte Carlo for the uniform and Rademacher laws (a Rademacher diagonal is exactly m, so its off-diagonal is simulated; Pareto α = 2.2 has E x⁴ = ∞, so a sample mean of its squares has no standard error to test against). The meta-claim itself (no other fact used) is read off 11335.8–14."),
            Step("11335.19", "universality: any zero-mean unit-variance law", at: "计算期望值 (computing the expectation), last sentence",
                 kind: "asymptotic",
                 claim: .withDigits(20, .all([universality(.rademacher), universality(.uniform), universality(.pareto(alpha: 2.2))])),
                 correction: Step.Correction(.withDigits(20, .all([universality(.rademacher), universality(.uniform)])),
                                             note: "holds for laws with a finite fourth moment (Bai–Yin); for Pareto α = 2.2 (E x⁴ = ∞) E max|W_ij| ~ (nm)^{1/α} outgrows √n+√m, so E‖W‖₂/(√n+√m) → ∞"),
                 remark: "Dense seeded matrices (σ₁ by Golub–Kahan–Lanczos), 48 replicates per point: Rademacher and Pareto α = 2.2 square (k = 8, 32, 128), uniform n = 2k, m = k (k = 4, 16, 64). The Pareto error grows along k; the table adds the exact E max|W_ij|, a lower bound on E‖W‖₂ that already exceeds √n+√m at k = 64.",
                 tables: [Article11335.universalityTable]),
        ]
    }

    /// E‖W‖₂ ≈ √n + √m along k for dense matrices with i.i.d. `law` entries.
    static func universality(_ law: EntryLaw) -> Claim {
        let (ratio, path): (Int, [Int]) = law == .uniform ? (2, [4, 16, 64]) : (1, [8, 32, 128])
        let expected = shown("dense_\(law.name)", "\(expectedNormW)_{\(law.latex)}",
                             dense(law, latex: "\\mathbb{E}_{\(law.latex)}\\Vert\\boldsymbol{W}\\Vert_2")(n, m, replicates, seed))
        return .approximation(Approximation(expected, approximatedBy: rootSum, along: .increasing(k, path),
                                            over: proportional([ratio], replicates: 48)))
    }
}
