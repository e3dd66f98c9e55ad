import Symbolic

/// 计算期望 (computing the expectation): steps 11285.8–11285.14.
extension Article11285 {
    static let c: Expr = .symbol("c")
    /// B_simple/B, the noise level of the Monte Carlo grids.
    static let r: Expr = .symbol(Symbol("r", latex: "\\mathcal{B}_{\\text{simple}}/B"))
    static let noiseLevels: [Expr] = [0.001, 0.01, 0.1, 1, 10]

    /// The Monte Carlo estimate of tr(E[msign(G̃_B)]ᵀG)/‖G‖_* (= η*/η_max under the Muon H),
    /// for an n×m G handed over through tr((GᵀG)^k), k = 1…m.
    static func monteCarloRatio(columns: Int) -> Expr {
        let powerSums = (1...columns).map { k in trace(gram ** integer(k)) }
        let arguments = [n, c, integer(MuonMeanField.defaultPairs), integer(Int(MuonMeanField.defaultSeed))] + powerSums
        return .named(Symbol("etaRatioMC", latex: "\\frac{\\operatorname{tr}(\\mathbb{E}[\\tilde{\\boldsymbol{\\Phi}}_B]^{\\top}\\boldsymbol{G})}{\\Vert\\boldsymbol{G}\\Vert_*}"),
                      .external(MuonMeanField.etaRatio(columns: columns), arguments))
    }
    /// The mean-field first moment G(GᵀG + cI)^{-1/2} projected the same way.
    static let meanFieldMoment = G * (gram + c * I) ** minusHalf
    static let meanFieldRatio = trace(transpose(meanFieldMoment) * G) / nuclearNorm(G)
    /// A fixed Gaussian G, the noise level on the grid, c = (B_simple/B)·tr(GᵀG)/m.
    static func monteCarloGrid(_ rows: Int, _ columns: Int, levels: [Expr] = noiseLevels) -> ParameterSpace {
        matrices(rows, columns, [Parameter(r, .values(levels)), Parameter(c, .derived(r * trace(gram) / m))])
    }
    /// The brief's 6×3 and a square shape (the inventory's "also try n = m").
    static let monteCarloShapes = [(6, 3), (4, 4)]

    static func meanFieldClaims(levels: [Expr]) -> Claim {
        .withDigits(20, .all(monteCarloShapes.map { rows, columns in
            .meanField(MeanFieldClaim(
                Display(expectation(GB * (transpose(GB) * GB) ** minusHalf), .approximately, G * expectation(transpose(GB) * GB) ** minusHalf),
                exact: monteCarloRatio(columns: columns), heuristic: meanFieldRatio, over: monteCarloGrid(rows, columns, levels: levels), tolerance: 0.1))
        }))
    }

    static var expectationSteps: [Step] {
        let noiseMatrix = sigma * B ** minusHalf * Z
        let entry = Family(Symbol("Gt", latex: "(\\tilde{G}_B)"))
        let gEntry = Family(Symbol("Gentry", latex: "G"))
        let (i, j) = (Notation.i, Notation.j)
        let componentDisplay = Display(
            expectation(sum("k", 1, n) { k in entry[k, i] * entry[k, j] }), .equals,
            .piecewise([Branch(Condition(i, .equal, j), sum("k", 1, n) { k in gEntry[k, i] ** 2 } + noise)],
                       otherwise: sum("k", 1, n) { k in gEntry[k, i] * gEntry[k, j] }))
        let secondMoment = { (rows: Int, columns: Int, seed: Int) -> Claim in
            .inequality(Inequality(MuonMeanField.secondMomentZ(integer(rows), integer(columns), 0.7, 40_000, integer(seed)), lessThan: 4,
                                   strict: true, over: .empty))
        }
        return [
            Step("11285.8", "mean field: E[msign(G̃_B)] ≈ G(E[G̃_BᵀG̃_B])^{-1/2}", at: "计算期望 (computing the expectation), display #3",
                 claim: meanFieldClaims(levels: noiseLevels),
                 correction: Step.Correction(meanFieldClaims(levels: [0.001, 0.01, 0.1, 1]),
                                             note: "Within 10 % only for B ≳ B_simple: at B_simple/B = 10 the mean field overstates η*/η_max by 15 % for a square 4×4 G (6.6 % for 6×3); as noise grows E[msign(G̃_B)] ≈ (E‖Z‖_*/(nm))·G√B/σ, while the mean field gives G√B/(σ√n)."),
                 remark: "Monte Carlo (6×10⁴ samples in antithetic pairs, seeded) of E[msign(G + (σ/√B)Z)] for a fixed Gaussian 6×3 G against the mean field G(GᵀG + (nσ²/B)I)^{-1/2} (11285.10), at B_simple/B ∈ {0.001, 0.01, 0.1, 1, 10}, for a 6×3 and a square 4×4 G. Compared through tr(E[Φ̃_B]ᵀG)/‖G‖_*, the quantity η* is made of (11285.18). The article gives no size for '≈'; 10 % is allowed, as for the other mean-field steps of the series (fixed before running). `derive show` tabulates the whole-matrix relative error for three shapes.",
                 tables: [monteCarloTable]),
            Step("11285.9", "E[G̃_BᵀG̃_B] entry by entry", at: "计算期望 (computing the expectation), display #4",
                 kind: "identity",
                 claim: .all([
                    .definition(Definition(componentDisplay)),
                    overShapes { r, c in
                        .identity(Identity(((transpose(G + noiseMatrix) * (G + noiseMatrix)) + transpose(G - noiseMatrix) * (G - noiseMatrix)) / 2,
                                           equals: gram + transpose(noiseMatrix) * noiseMatrix, over: matrices(r, c, batch(r, c))))
                    },
                    secondMoment(6, 3, 112_851),
                 ]),
                 remark: "The display is checked in matrix form: (a) the cross terms Gᵀ E + EᵀG cancel between E and −E (exact, 50 digits, three shapes), so E[G̃ᵀG̃] = GᵀG + E[EᵀE]; (b) with independent entries of variance σ²/B, E[EᵀE] = (nσ²/B)I: Monte Carlo of every entry of E[G̃_BᵀG̃_B] (6×3, σ/√B = 0.7, 4·10⁴ samples), largest |z| against GᵀG + (nσ²/B)I below 4."),
            Step("11285.10", "E[G̃_BᵀG̃_B] = GᵀG + (nσ²/B)I", at: "计算期望 (computing the expectation), inline after display #4",
                 kind: "identity",
                 claim: .all([
                    .definition(Definition(Display(expectation(transpose(GB) * GB), .equals, gram + noise * I))),
                    secondMoment(4, 4, 112_852), secondMoment(5, 2, 112_853), secondMoment(8, 1, 112_854),
                 ]),
                 remark: "The matrix form of 11285.9 by Monte Carlo for the other shapes (4×4, 5×2, 8×1): the largest |z| over the entries stays below 4."),
            Step("11285.11", "mean-field first moment rewritten with msign(G)", at: "计算期望 (computing the expectation), display #5",
                 claim: overShapes { r, c in
                    let space = matrices(r, c, batch(r, c))
                    return .all([
                        .identity(Identity(G * (gram + noise * I) ** minusHalf, equals: msign(G) * (I + noise * gram ** -1) ** minusHalf, over: space)),
                        .identity(Identity(G * ((gram + noise * I) ** half) ** -1, equals: msign(G) * ((I + noise * gram ** -1) ** half) ** -1, over: space)),
                    ])
                 },
                 remark: "The equality of display #5 (the ≈ is 11285.8): (a) powers by the eigen-decomposition, (b) as inverses of square roots; msign by SVD. Shapes 6×3, 4×4, 5×2; σ² ∈ (0.09, 2), B ∈ [1, 64]."),
            Step("11285.12", "isotropic replacement GᵀG ≈ tr(GᵀG)I/m", at: "计算期望 (computing the expectation), display #6",
                 claim: .all([
                    .approximation(Approximation(
                        frobeniusNorm(msign(G) * (I + noise * gram ** -1) ** minusHalf - msign(G) * (1 + bSimple / B) ** minusHalf)
                            / frobeniusNorm(msign(G) * (1 + bSimple / B) ** minusHalf),
                        approximatedBy: 0, along: .increasing(B, [10, 100, 1000, 10000]), order: .power(1), measure: .absolute,
                        over: matrices(6, 3, [Parameter(sigma, .fixed(1)), Parameter(bSimple, .derived(m * n * sigma ** 2 / trace(gram)))]),
                        display: Display(msign(G) * (I + noise * gram ** -1) ** minusHalf, .approximately, msign(G) * (1 + bSimple / B) ** minusHalf,
                                         regime: "B\\to\\infty"))),
                    // Exact when all singular values are equal: G = sQ with orthonormal columns Q.
                    overShapes { rows, columns in
                        .identity(Identity(msign(G) * (I + noise * gram ** -1) ** minusHalf, equals: msign(G) * (1 + bSimple / B) ** minusHalf,
                                           over: ParameterSpace([Parameter(Z, .gaussianMatrix(rows: rows, columns: columns)), Parameter(h, .uniform(0.2, 3)),
                                                                 Parameter(G, .derived(h * msign(Z))), Parameter(n, .fixed(integer(rows))),
                                                                 Parameter(m, .fixed(integer(columns))), Parameter(sigma, .uniform(0.3, 1.4)),
                                                                 Parameter(B, .uniform(1, 64)),
                                                                 Parameter(bSimple, .derived(m * n * sigma ** 2 / trace(gram)))])))
                    },
                 ]),
                 remark: "(a) For a Gaussian 6×3 G the relative Frobenius gap between the two sides vanishes like B_simple/B as B → ∞ (it does not vanish at finite B: the replacement is an approximation in the spread of the singular values); (b) it is exact when GᵀG is a multiple of I (G = sQ). `derive show` tabulates the gap along B_simple/B.",
                 tables: [isotropicTable]),
            Step("11285.13", "B_simple for Muon", at: "计算期望 (computing the expectation), inline after display #6",
                 claim: overShapes { r, c in
                    .identity(Identity(m * n * sigma ** 2 / trace(gram), equals: m * n * sigma ** 2 / frobeniusNorm(G),
                                       over: matrices(r, c, [Parameter(sigma, .uniform(0.3, 1.4))])))
                 },
                 correction: Step.Correction(overShapes { r, c in
                    .identity(Identity(m * n * sigma ** 2 / trace(gram), equals: m * n * sigma ** 2 / frobeniusNorm(G) ** 2,
                                       over: matrices(r, c, [Parameter(sigma, .uniform(0.3, 1.4))])))
                 }, note: "tr(GᵀG) = ‖G‖_F², so B_simple = mnσ²/‖G‖_F²: the printed ‖G‖_F lacks its square."),
                 remark: "The first expression is the definition; the printed second form is compared with it, tr(GᵀG) computed as a trace and ‖G‖_F as the Frobenius norm."),
            Step("11285.14", "the same B_simple as for a vector gradient", at: "计算期望 (computing the expectation), prose",
                 claim: overShapes { r, c in
                    .identity(Identity(
                        Expr.named(Symbol("trSigma", latex: "\\operatorname{tr}(\\boldsymbol{\\Sigma})"), trace(sigma ** 2 * identityMatrix(m * n)))
                            / .named(Symbol("gtg", latex: "\\boldsymbol{g}^{\\top}\\boldsymbol{g}"), norm(G) ** 2),
                        equals: m * n * sigma ** 2 / trace(gram), over: matrices(r, c, [Parameter(sigma, .uniform(0.3, 1.4))])))
                 },
                 remark: "g = vec(G) (‖g‖² as the sum of squares of all entries) and Σ = σ²I_{mn}: tr Σ/gᵀg = mnσ²/tr(GᵀG)."),
        ]
    }
}
