import Symbolic

/// 11301.37–11301.48: general analysis (一般分析): rank-one plus diagonal, β*, the Surge threshold.
extension Article11301 {
    /// Display #21's denominator pieces: η* = Σ|g_i| / (k/β ΣH_ii + β(Σ_{ij}H_ij s_i s_j - k ΣH_ii)).
    static func generalLaw(sumAbs: Expr, traceH: Expr, signQuadratic: Expr) -> Expr {
        sumAbs / ((1 / beta) * k * traceH + beta * (signQuadratic - k * traceH))
    }

    static var general: [Step] {
        let meanPerComponent = gVector / sqrt(gVector ** 2 + sigma2Vector / batch)
        // 11301.39 in index notation: p = E[φ], test weights a_ij.
        let p = scalarFamily("p", latex: "\\mathbb{E}[\\tilde{\\varphi}]")
        let a = scalarFamily("atest", latex: "a")
        let modelEntry = { (r: Expr, c: Expr) in p[r] * p[c] + k * delta(r, c) * (1 - p[r] ** 2) }
        let derivedEntry = { (r: Expr, c: Expr) in
            delta(r, c) * (twoBeta1 * p[r] ** 2 + k) + (1 - delta(r, c)) * p[r] * p[c]
        }
        // 11301.40: matrices.
        let sumAbs = Expr.named(Symbol("l1", latex: "\\sum_i |g_i|"), 6 * Expr.call(.componentMean, [abs(gColumn)]))
        let traceH = Expr.named(Symbol("trH", latex: "\\sum_i H_{i,i}"), trace(hessian))
        let signQuadratic = Expr.named(Symbol("sHs", latex: "\\sum_{i,j} H_{i,j}\\sign(g_i g_j)"),
                                       trace(transpose(signColumn) * hessian * signColumn))
        let rankOnePlusDiagonal = beta ** 2 * signColumn * transpose(signColumn) + k * (1 - beta ** 2) * identityMatrix(6)
        // 11301.42: a diagonal Hessian in index notation.
        let gi = scalarFamily("gi", latex: "g")
        let h = scalarFamily("h", latex: "H")
        let n6 = Expr(integerLiteral: 6)
        let diagonalSumAbs = sum("i", 1, n6) { r in abs(gi[r]) }
        let diagonalTrace = sum("i", 1, n6) { r in h[r] }
        let diagonalQuadratic = sum("i", 1, n6) { r in sum("j", 1, n6) { c in delta(r, c) * h[r] * sign(gi[r] * gi[c]) } }
        let diagonalLaw = diagonalSumAbs / (((1 / beta) * k + beta * twoBeta1) * diagonalTrace)
        // 11301.43–48: the diagonal-Hessian law in units Σ|g_i|/ΣH_ii.
        let betaStar = sqrt((1 - beta1) / (2 * beta1))
        let denominator = (1 / beta) * k + beta * twoBeta1
        let curvature = denominator.differentiated(with: beta.asSymbol).differentiated(with: beta.asSymbol).substituting(beta.asSymbol, with: betaStar)
        let threshold = (1 - beta1) / (3 * beta1 - 1) * bSimple
        let u = Expr.symbol(Symbol("u", latex: "B/B_{\\text{thr}}"))
        let surgeSpace = { (lower: Double, upper: Double) in
            ParameterSpace([Parameter(beta1, .uniform(0.34, 0.99)), Parameter(bSimple, .uniform(0.5, 50)),
                            Parameter(u, .logUniform(lower, upper)), Parameter(batch, .derived(u * threshold))])
        }
        let slope = Expr.derivative(L.etaOfBatch, batch.asSymbol)
        let signLaw = etaMax * L.signEtaOfBatch
        // Formed explicitly: a nested `.derivative` node counts B as bound, so it would differentiate to 0.
        let signCurvature = Expr.named(Symbol("d2eta", latex: "\\frac{\\partial^2}{\\partial B^2}\\frac{\\eta_{\\max}}{\\sqrt{1 + \\frac{1-\\beta_1}{1+\\beta_1}\\mathcal{B}_{\\text{simple}}/B}}"),
                                       signLaw.differentiated(with: batch.asSymbol).differentiated(with: batch.asSymbol))
        let signSpace = ParameterSpace([Parameter(beta1, .uniform(0.01, 0.99)), Parameter(etaMax, .uniform(0.1, 10)),
                                        Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .logUniform(0.01, 1000))])
        let at09 = { (extra: [Parameter]) in ParameterSpace([Parameter(beta1, .fixed(0.9))] + extra) }
        let root = L.optimalBetaRoot(beta1, Expr.rational(1, 10_000), 100)
        let turning = L.turningPointRoot(beta1, bSimple, bSimple / 1000, bSimple * 1000)
        return [
            Step("11301.37", "eq:u2-adam rewritten", at: "一般分析 (general analysis), display #19, '='",
                 claim: .identity(Identity(u2Adam, equals: twoBeta1 * gVector ** 2 / (gVector ** 2 + sigma2Vector / batch) + k,
                                           over: ParameterSpace([Parameter(batch, .uniform(1, 64)), Parameter(beta1, .uniform(0.01, 0.99))] + moments)))),
            Step("11301.38", "in terms of E[φ]²", at: "一般分析 (general analysis), display #19, last ≈",
                 claim: .identity(Identity(twoBeta1 * gVector ** 2 / (gVector ** 2 + sigma2Vector / batch) + k,
                                           equals: twoBeta1 * Expr.named(Symbol.vector("Ephi", latex: meanPhiLaTeX), meanPerComponent) ** 2 + k,
                                           over: ParameterSpace([Parameter(batch, .uniform(1, 64)), Parameter(beta1, .uniform(0.01, 0.99))] + moments))),
                 remark: "Exact with the per-component mean field E[φ] = g/√(g² + σ²/B) of 11301.29; the '≈' is that mean field."),
            Step("11301.39", "rank-one plus diagonal", at: "一般分析 (general analysis), display #20",
                 claim: .identity(Identity(
                    sum("i", 1, 5) { r in sum("j", 1, 5) { c in modelEntry(r, c) * a[c, r] } },
                    equals: sum("i", 1, 5) { r in sum("j", 1, 5) { c in derivedEntry(r, c) * a[c, r] } },
                    over: ParameterSpace([Parameter(beta1, .uniform(0.01, 0.99)), Parameter(p[i], .family(dimension: nil, lower: -0.99, upper: 0.99)),
                                          Parameter(a[i], .family(dimension: nil, lower: -1, upper: 1))]))),
                 remark: "Index notation, N = 5: tr(MA) for random test matrices A (which fixes M) of M = E[φ]E[φ]ᵀ + k diag(1 - E[φ]²) against the matrix with diagonal 11301.38 and off-diagonal E[φ_i]E[φ_j] (component independence)."),
            Step("11301.40", "η* for Adam, general Hessian", at: "一般分析 (general analysis), display #21",
                 kind: "identity",
                 claim: .identity(Identity(etaOpt(mean: beta * signColumn, second: rankOnePlusDiagonal),
                                           equals: generalLaw(sumAbs: sumAbs, traceH: traceH, signQuadratic: signQuadratic),
                                           over: matrices(6, [Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .uniform(0.5, 100)),
                                                              Parameter(beta1, .uniform(0.05, 0.98)), betaDerived]))),
                 remark: "eq:eta-opt with E[φ] = β sign(g) and E[φφᵀ] = β²ssᵀ + k(1-β²)I (display #20 with E[φ]² = β²); N = 6, g ~ N(0, I), H SPD. Σ_{i,j} includes i = j."),
            Step("11301.41", "definition: β = (1 + B_simple/B)^{-1/2}", at: "一般分析 (general analysis), prose after display #21",
                 claim: .definition(Definition(beta, L.betaOfBatch))),
            Step("11301.42", "η* for Adam, diagonal Hessian", at: "一般分析 (general analysis), display #22",
                 kind: "identity",
                 claim: .identity(Identity(generalLaw(sumAbs: diagonalSumAbs, traceH: diagonalTrace, signQuadratic: diagonalQuadratic),
                                           equals: diagonalLaw,
                                           over: ParameterSpace([Parameter(beta, .uniform(0.05, 0.99)), Parameter(beta1, .uniform(0.05, 0.98)),
                                                                 Parameter(gi[i], .family(dimension: nil, lower: -2, upper: 2)),
                                                                 Parameter(h[i], .family(dimension: nil, lower: 0.1, upper: 3))]))),
                 remark: "Display #21 with H_ij = δ_ij h_i (index notation, N = 6), so Σ_{ij}H_ij sign(g_ig_j) = Σ_i H_ii."),
            Step("11301.43", "maximum at β* = √((1-β₁)/(2β₁))", at: "一般分析 (general analysis), prose after display #22",
                 kind: "optimum",
                 claim: .all([
                    .identity(Identity(root, equals: betaStar, over: ParameterSpace([Parameter(beta1, .uniform(1.0 / 3 + 1e-9, 0.99))]))),
                    .inequality(Inequality(0, lessThan: curvature, strict: true, over: ParameterSpace([Parameter(beta1, .uniform(1.0 / 3 + 1e-9, 0.99))]))),
                 ]),
                 remark: "(a) the zero of ∂η*/∂β (η* of display #22, symbolic derivative) found by safeguarded Newton in β ∈ [10⁻⁴, 10²], against the AM–GM value; (b) D(β) = k/β + (1-k)β has D''(β*) > 0, so η* ∝ 1/D is maximal there."),
            Step("11301.44", "β* ∈ (0, 1) ⟺ β₁ > 1/3", at: "一般分析 (general analysis), prose",
                 claim: .all([
                    .inequality(Inequality(betaStar, lessThan: 1, strict: true, over: ParameterSpace([Parameter(beta1, .uniform(1.0 / 3 + 1e-9, 0.999))]))),
                    .inequality(Inequality(1, lessThan: betaStar, strict: false, over: ParameterSpace([Parameter(beta1, .uniform(0.001, 1.0 / 3 - 1e-9))]))),
                    .identity(Identity(betaStar, equals: 1, over: ParameterSpace([Parameter(beta1, .fixed(Expr.rational(1, 3)))]))),
                    .inequality(Inequality(0, lessThan: betaStar, strict: true, over: ParameterSpace([Parameter(beta1, .uniform(0.001, 0.999))]))),
                 ]),
                 remark: "β* < 1 above 1/3, β* ≥ 1 below, β*(1/3) = 1 exactly; β* > 0 throughout."),
            Step("11301.45", "β₁ ≤ 1/3: maximum at β = 1, no Surge", at: "一般分析 (general analysis), prose",
                 kind: "inequality",
                 claim: .all([Expr(0.05), 0.2, 0.3, Expr.rational(1, 3) - Expr.rational(1, 1000)].map { b1 in
                    .inequality(Inequality(0, lessThan: .derivative(L.etaOfBeta, beta.asSymbol), strict: true,
                                           over: ParameterSpace([Parameter(beta1, .fixed(b1)), Parameter(beta, .uniform(0.01, 0.999))])))
                 }),
                 remark: "∂η*/∂β > 0 on (0, 1) at β₁ = 0.05, 0.2, 0.3, 1/3 - 10⁻³ (20 seeded β each): η* rises all the way to β = 1, i.e. B → ∞."),
            Step("11301.46", "Surge: η* falls for B > (1-β₁)/(3β₁-1)·B_simple", at: "一般分析 (general analysis), prose",
                 kind: "inequality",
                 claim: .all([
                    .inequality(Inequality(0, lessThan: slope, strict: true, over: surgeSpace(0.01, 0.99))),
                    .inequality(Inequality(slope, lessThan: 0, strict: true, over: surgeSpace(1.01, 100))),
                    .identity(Identity(L.betaOfBatch.substituting(batch.asSymbol, with: threshold), equals: betaStar,
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.34, 0.99)), Parameter(bSimple, .uniform(0.5, 50))]))),
                    .identity(Identity(turning, equals: threshold,
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.34, 0.99)), Parameter(bSimple, .uniform(0.5, 50))]))),
                 ]),
                 remark: "Sign of ∂η*/∂B (symbolic) at B = u·B_thr with u log-uniform in [0.01, 0.99] (rising) and [1.01, 100] (falling); β(B_thr) = β*; and the zero of ∂η*/∂B found by safeguarded Newton in [10⁻³, 10³]·B_simple equals B_thr (50 digits). The η*(B) curve at β₁ = 0.9 is tabulated by `derive show 11301.46`.",
                 tables: [surgeTable]),
            Step("11301.47", "Muon/SignSGDM: no Surge, diminishing gain", at: "一般分析 (general analysis), prose",
                 claim: .all([
                    .inequality(Inequality(0, lessThan: .derivative(signLaw, batch.asSymbol), strict: true, over: signSpace)),
                    .inequality(Inequality(signCurvature, lessThan: 0, strict: true, over: signSpace)),
                 ]),
                 remark: "η_max/√(1 + kB_simple/B) (the 11285 law with the 11301.22 substitution) is increasing and concave in B for every β₁; it saturates at η_max."),
            Step("11301.48", "Adam at β₁ = 0.9 surges even with a diagonal Hessian", at: "一般分析 (general analysis), last paragraph",
                 kind: "numeric",
                 claim: .all([
                    .numeric(NumericClaim(betaStar, quote: "0.2357", style: .rounded, at: at09([]))),
                    .numeric(NumericClaim(threshold / bSimple, quote: "0.0588", style: .rounded, at: at09([Parameter(bSimple, .fixed(1))]))),
                    .inequality(Inequality(Expr.rational(1, 3), lessThan: beta1, strict: true, over: at09([]))),
                    .inequality(Inequality(slope, lessThan: 0, strict: true,
                                           over: at09([Parameter(bSimple, .fixed(1)), Parameter(batch, .values([Expr.rational(1, 10), 1, 10, 100]))]))),
                 ]),
                 remark: "β₁ = 0.9 > 1/3: β* = 1/√18 ≈ 0.2357, threshold B_simple/17 ≈ 0.0588 B_simple (the inventory's figures), and ∂η*/∂B < 0 beyond it. `derive show 11301.48` prints the η*(B) curve (diagonal Hessian) over B/B_simple with its turning point.",
                 tables: [surgeTable]),
        ]
    }
}
