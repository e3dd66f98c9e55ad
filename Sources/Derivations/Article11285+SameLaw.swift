import Symbolic

/// 相同规律 (the same law): steps 11285.15–11285.20.
extension Article11285 {
    static let seed: Expr = .symbol("seed")
    /// For the quadratic model of 11285.18: a = tr(E[Φ̃_B]ᵀG), q = E[tr(Φ̃_BᵀHΦ̃_B)].
    static let linearTerm: Expr = .symbol(Symbol("a", latex: "\\operatorname{tr}(\\mathbb{E}[\\tilde{\\boldsymbol{\\Phi}}_B]^{\\top}\\boldsymbol{G})"))
    static let quadraticTerm: Expr = .symbol(Symbol("q", latex: "\\mathbb{E}[\\operatorname{tr}(\\tilde{\\boldsymbol{\\Phi}}_B^{\\top}\\boldsymbol{H}\\tilde{\\boldsymbol{\\Phi}}_B)]"))

    /// G, G̃_B and η_max for the Muon operator.
    static func muonSpace(_ rows: Int, _ columns: Int) -> ParameterSpace {
        matrices(rows, columns, batch(rows, columns, [Parameter(etaMax, .uniform(0.2, 2))]))
    }

    static func traceIdentity(_ rows: Int, _ columns: Int) -> Claim {
        .identity(Identity(etaMax ** -1 * trace(gram ** half), equals: etaMax ** -1 * trace(transpose(msign(G)) * G), over: muonSpace(rows, columns)))
    }

    static var sameLaw: [Step] {
        let quadraticForm = trace(transpose(phi()) * hessian(phi()))
        let model = -eta * linearTerm + half * eta ** 2 * quadraticTerm
        let etaSpace = ParameterSpace([Parameter(linearTerm, .uniform(0.1, 5)), Parameter(quadraticTerm, .uniform(0.1, 5)), Parameter(eta, .uniform(0, 3))])
        let beta = (1 + bSimple / B) ** minusHalf
        return [
            Step("11285.15", "tr(Φ̃ᵀHΦ̃) under the Muon Hessian", at: "相同规律 (the same law), display #7",
                 claim: .all([
                    overShapes { r, c in
                        .identity(Identity(quadraticForm, equals: etaMax ** -1 * trace(transpose(phi()) * phi() * gram ** half), over: muonSpace(r, c)))
                    },
                    // H materialised as the (nm)×(nm) matrix ((GᵀG)^{1/2} ⊗ I_n)/η_max on vec(Φ̃).
                    .identity(Identity(MuonMeanField.kroneckerForm(6, 3, h, etaMax, seed, 0), equals: MuonMeanField.kroneckerForm(6, 3, h, etaMax, seed, 1),
                                       over: ParameterSpace([Parameter(h, .uniform(0.1, 1)), Parameter(etaMax, .uniform(0.2, 2)),
                                                             Parameter(seed, .integers(1...1_000_000))]))),
                 ]),
                 remark: "(a) With H applied as the operator of 11285.6 (three shapes, G̃_B = G + (σ/√B)Z); (b) independently, with H built as the 18×18 matrix ((GᵀG)^{1/2} ⊗ I₆)/η_max acting on the column-stacked vec(Φ̃_B) (native, 50 digits, seeded 6×3 G and noise)."),
            Step("11285.16", "msign has orthonormal columns: Φ̃ᵀΦ̃ = I", at: "相同规律 (the same law), prose after display #7",
                 claim: .all([
                    overShapes { r, c in .identity(Identity(transpose(phi()) * phi(), equals: I, over: muonSpace(r, c))) },
                    // For n > m, Φ̃Φ̃ᵀ is a rank-m projector, not I_n: ‖Φ̃Φ̃ᵀ - I_n‖_F² = n - m.
                    .identity(Identity(frobeniusNorm(phi() * transpose(phi()) - identityMatrix(n)) ** 2, equals: n - m, over: muonSpace(6, 3))),
                    .identity(Identity(frobeniusNorm(phi() * transpose(phi()) - identityMatrix(n)) ** 2, equals: n - m, over: muonSpace(5, 2))),
                 ]),
                 remark: "'Orthogonal' holds as orthonormal columns (n ≥ m, full column rank): Φ̃ᵀΦ̃ = I_m on three shapes; for n > m, Φ̃Φ̃ᵀ is the projector onto the column space, ‖Φ̃Φ̃ᵀ − I_n‖_F² = n − m."),
            Step("11285.17", "the quadratic term is the constant η_max⁻¹tr((GᵀG)^{1/2})", at: "相同规律 (the same law), prose after display #7",
                 claim: .all([
                    overShapes { r, c in .identity(Identity(quadraticForm, equals: etaMax ** -1 * trace(gram ** half), over: muonSpace(r, c))) },
                    // As printed: a scalar equated with the m×m matrix msign(G)ᵀG, read as scalar·I.
                    overShapes { r, c in
                        .identity(Identity(etaMax ** -1 * trace(gram ** half) * I, equals: etaMax ** -1 * transpose(msign(G)) * G, over: muonSpace(r, c)))
                    },
                 ]),
                 correction: Step.Correction(.all([
                    overShapes { r, c in .identity(Identity(quadraticForm, equals: etaMax ** -1 * trace(gram ** half), over: muonSpace(r, c))) },
                    overShapes { r, c in traceIdentity(r, c) },
                    overShapes { r, c in .identity(Identity(trace(gram ** half), equals: nuclearNorm(G), over: muonSpace(r, c))) },
                 ]), note: "The last member lacks its trace: η_max⁻¹tr((GᵀG)^{1/2}) = η_max⁻¹tr(msign(G)ᵀG) = η_max⁻¹‖G‖_*; msign(G)ᵀG itself is the m×m matrix (GᵀG)^{1/2}."),
                 remark: "(a) tr(Φ̃ᵀHΦ̃) = η_max⁻¹tr((GᵀG)^{1/2}) for every noisy draw (three shapes). (b) The printed last member msign(G)ᵀG is an m×m matrix; an equality with a scalar is read as scalar·I, which fails since (GᵀG)^{1/2} is not a multiple of I."),
            Step("11285.18", "η* minimises the expected quadratic model", at: "相同规律 (the same law), display #8, first ≈",
                 kind: "optimum",
                 claim: .all([
                    .identity(Identity(.derivative(model, eta.asSymbol), equals: quadraticTerm * (eta - linearTerm / quadraticTerm), over: etaSpace)),
                    // The inner derivative formed first: d/dη of a `.derivative(·, η)` node reads as 0 in the engine.
                    .identity(Identity(.derivative(model.differentiated(with: eta.asSymbol), eta.asSymbol), equals: quadraticTerm, over: etaSpace)),
                    .inequality(Inequality(0, lessThan: quadraticTerm, strict: true, over: etaSpace)),
                 ]),
                 remark: "Q(η) = −η a + ½η² q from 11285.7 (the η-independent L(W) dropped), differentiated symbolically: Q'(η) = q(η − a/q) vanishes only at η* = a/q, and Q'' = q > 0 (q = η_max⁻¹‖G‖_* > 0 for the Muon H, 11285.17)."),
            Step("11285.19", "η* ≈ η_max/√(1 + B_simple/B)", at: "相同规律 (the same law), display #8, second ≈",
                 kind: "approximation",
                 claim: .all([
                    .identity(Identity(trace(transpose(msign(G) * beta) * G) / (etaMax ** -1 * trace(transpose(msign(G)) * G)),
                                       equals: etaMax / sqrt(1 + bSimple / B),
                                       over: matrices(6, 3, [Parameter(sigma, .uniform(0.3, 1.4)), Parameter(B, .uniform(1, 64)),
                                                             Parameter(etaMax, .uniform(0.2, 2)),
                                                             Parameter(bSimple, .derived(m * n * sigma ** 2 / trace(gram)))]))),
                    .withDigits(20, .all(monteCarloShapes.map { rows, columns in
                        .meanField(MeanFieldClaim(
                            Display(.symbol(Symbol("etastar", latex: "\\eta^*/\\eta_{\\max}")), .approximately, (1 + r) ** minusHalf),
                            exact: monteCarloRatio(columns: columns), heuristic: (1 + r) ** minusHalf, over: monteCarloGrid(rows, columns), tolerance: 0.1))
                    })),
                 ]),
                 remark: "(a) Substituting E[Φ̃_B] ≈ msign(G)(1 + B_simple/B)^{-1/2} (11285.12) and the constant denominator of 11285.17 gives η_max(1 + B_simple/B)^{-1/2} exactly (50 digits). (b) Against the Monte Carlo η*/η_max = tr(E[msign(G̃_B)]ᵀG)/‖G‖_* of 11285.8 (6×3 and 4×4, B_simple/B ∈ {0.001, …, 10}); tolerance 10 % as in 11285.8, fixed before running. The table of 11285.8 shows the unsimplified mean field beside both.",
                 tables: [monteCarloTable]),
            Step("11285.20", "msign applies sign to the singular values", at: "相同规律 (the same law), prose",
                 claim: overShapes { r, c in .identity(Identity(msign(G), equals: G * gram ** minusHalf, over: matrices(r, c))) },
                 remark: "msign(G) is evaluated as U sign(S) Vᵀ from the Jacobi SVD (every singular value of a Gaussian G is positive, so sign(S) = I); the right side by the eigen-decomposition of GᵀG."),
        ]
    }
}
