import Symbolic

extension Article11388 {
    static func pairs(_ rows: Int, _ columns: Int) -> ParameterSpace {
        ParameterSpace([Parameter(n, .fixed(num(rows))), Parameter(m, .fixed(num(columns))), Parameter(s, .integers(1...100_000)),
                        Parameter(a, .integers(1...columns)), Parameter(b, .integers(1...columns))])
    }

    // MARK: Stiefel上 (on Stiefel)

    static var stiefelSteps: [Step] {
        let symmetricPart = LambdaM + transpose(LambdaM)
        let residual = transpose(W) * Phi + transpose(Phi) * W
        let eta1: Expr = .symbol(Symbol("eta1", latex: "\\eta_1"))
        return [
            Step("11388.22", "X = Λ + Λᵀ removes the symmetry constraint", at: "Stiefel上 (on Stiefel)", kind: "definition",
                 claim: .all([
                    .identity(Identity(transpose(symmetricPart), equals: symmetricPart, over: gaussians(4, 4, [LambdaM]))),
                    .identity(Identity(X / 2 + transpose(X / 2), equals: X, over: ParameterSpace([Parameter(Q, .gaussianMatrix(rows: 4, columns: 4)),
                                                                                                 Parameter(X, .derived(Q + transpose(Q)))]))),
                 ]),
                 remark: "Λ + Λᵀ is symmetric, and every symmetric X is Λ + Λᵀ with Λ = X/2."),
            Step("11388.23", "∇_Λ‖G + W(Λ + Λᵀ)‖_* = WᵀΦ + ΦᵀW", at: "Stiefel上, unnumbered display", kind: "gradient",
                 claim: .all([(6, 4), (8, 4), (5, 3)].map { r, c in
                    .identity(Identity(fdStiefel(n, m, s, a, b), equals: stiefelGradient(n, m, s, a, b, 0), over: pairs(r, c)))
                 }),
                 correction: nil,
                 remark: "Central differences over random entries of Λ ~ N(0,1) (W from QR). The control (WᵀΦ)_ab alone differs at O(1) (property test)."),
            Step("11388.24", "the tangent equations are the minimiser of X ↦ ‖G + WX‖_*", at: "Stiefel上, text", kind: "optimum",
                 claim: .all([
                    .inequality(Inequality(0, lessThan: stiefelPerturbed(n, m, s, eps, k),
                                           over: sampleAt(6, 4, seeds: [1, 2], [Parameter(eps, .values([0.001, -0.001, 0.00000001])), Parameter(k, .integers(1...20))]))),
                    .identity(Identity(stiefel(0), equals: stiefel(1), over: sampleAt(6, 4, seeds: [1, 2]))),
                 ]),
                 remark: "At X* (residual 0): f(X* + εS) ≥ f(X*) for random symmetric S, and f(X*) equals the primal value tr(GᵀΦ*). X* is not unique for n < 2m (flat directions, shape table of 11388.9): compare Φ and values, never X."),
            Step("11388.25", "dual gradient descent Λ ← Λ - η(WᵀΦ + ΦᵀW) solves the tangent equations", at: "Stiefel上, unnumbered display",
                 kind: "iteration",
                 claim: .all([
                    .inequality(Inequality(stiefelRun(n, m, s, eta, 0), lessThan: 1e-10, over: sampleAt(6, 4, seeds: [1], [Parameter(eta, .values([0.01, 0.025, 0.05]))]))),
                    .inequality(Inequality(stiefelRun(n, m, s, eta, 1), lessThan: 1e-8, over: sampleAt(6, 4, seeds: [1], [Parameter(eta, .values([0.01, 0.025, 0.05]))]))),
                 ]),
                 remark: "In double precision (X-step η' = 2η, i.e. Λ-steps η = 0.005, 0.0125, 0.025) from X₀ = 0: the residual falls below 1e-10 within 40000 steps and Φ matches the high-precision Φ* to 1e-8. Tables: history and the step-size regime.",
                 tables: [stiefelHistory, stiefelRates]),
            Step("11388.26", "WᵀΦ + ΦᵀW is symmetric", at: "Stiefel上, text",
                 claim: .identity(Identity(transpose(residual), equals: residual, over: gaussians(6, 4, [W, Phi])))),
            Step("11388.27", "updating X directly is also acceptable", at: "Stiefel上, text", kind: "identity",
                 claim: .identity(Identity(schemeEntry(n, m, s, 0, 0.01, 60, a, b), equals: schemeEntry(n, m, s, 1, 0.01, 60, a, b),
                                           over: ParameterSpace(pairs(6, 4).parameters.filter { $0.symbol.name != "s" } + [Parameter(s, .values([1]))]))),
                 remark: "A Λ-step with η moves X = Λ + Λᵀ by -2η(WᵀΦ + ΦᵀW): 60 Λ-steps (η = 0.01) and 60 X-steps (η' = 0.02) give the same X at the working precision."),
            Step("11388.28", "synchronous X-update alongside W approximates eq:muon-stiefel", at: "Stiefel上, unnumbered display",
                 kind: "iteration",
                 claim: .approximation(Approximation(trainingResidual(n, m, s, 1, eta1), approximatedBy: 0,
                                                     along: RegimePath(eta1, [0.01, 0.005, 0.0025, 0.00125, 0.000625], .toZero),
                                                     order: .power(1), measure: .absolute, over: sampleAt(6, 4, seeds: [1, 2, 3, 4]))),
                 correction: Step.Correction(.all([(6, 4), (8, 4)].map { r, c in
                    .approximation(Approximation(trainingResidual(n, m, s, 1, eta1), approximatedBy: 0,
                                                 along: RegimePath(eta1, [0.01, 0.005, 0.0025, 0.00125, 0.000625], .toZero),
                                                 order: .power(1), measure: .absolute, over: sampleAt(r, c, seeds: [2, 3, 4])))
                 }), note: "Path-dependent: on seed 1 (both 6×4 and 8×4) the residual jumps to O(1) at η₁t ≈ 0.25–0.3 for every η₁ and every η₂ tried (0.02–0.2), so the cached X loses the moving solution; on seeds 2–4 it is O(η₁) as claimed."),
                 remark: "Toy loss ½‖W - A‖²_F (A = G of the sample), W₀ from QR, η₂ = 0.2, warm start X₀ = X*(W₀, G₀), the X-update with the W before the step: mean ‖WᵀΦ + ΦᵀW‖_F over the second half is O(η₁). No retraction: ‖WᵀW - I‖ drifts (table).",
                 tables: [trainingTable(1), trainingTrajectory(1), stiefelTrainingSeeds]),
        ]
    }

    // MARK: 拉氏乘数 (Lagrange multipliers)

    static var lagrange: [Step] {
        let tLarge: Expr = .symbol("t")
        let phiBall = P / spectralNorm(P)
        let c = trace(transpose(Theta) * phiBall)
        let primalSpace = ParameterSpace([Parameter(n, .fixed(6)), Parameter(m, .fixed(4)), Parameter(s, .values([1, 2, 3])),
                                          Parameter(kind, .values([0, 1]))])
        return [
            Step("11388.29", "eq:muon-spectral as max over ‖Φ‖₂ ≤ 1 of min over λ of the Lagrangian", at: "拉氏乘数 (Lagrange multipliers), first display",
                 kind: "identity",
                 claim: .all([
                    .identity(Identity(primalValue(n, m, s, 0, 0), equals: f(at: 0), over: main)),
                    .inequality(Inequality(sampledRatio(n, m, s, 0, 0), lessThan: 1, over: main)),
                 ]),
                 remark: "The max–min keeps only tr(ΘᵀΦ) = 0 (11388.30): its value is max over the ball ∩ hyperplane. Φ* = msign(G + λ*Θ) is feasible with ‖Φ*‖₂ = 1 and reaches the upper bound min_λ f, so both maxima equal tr(GᵀΦ*); sampled feasible points stay below."),
            Step("11388.30", "otherwise min over λ is -∞", at: "拉氏乘数, text", kind: "limit",
                 claim: .all([
                    .limit(Limit((trace(transpose(G) * phiBall) - sign(c) * tLarge * c) / tLarge, tendsTo: -abs(c),
                                 along: .increasing(tLarge, [100, 10_000, 100_000_000]), order: .power(1), over: gaussians(6, 4, [G, Theta, P]))),
                    .identity(Identity(primalValue(n, m, s, 0, 100_000_000), equals: primalValue(n, m, s, 0, 0), over: main)),
                 ]),
                 remark: "For a random Φ = P/‖P‖₂ (tr(ΘᵀΦ) ≠ 0) the Lagrangian at λ = -sign(tr(ΘᵀΦ))·t is -|tr(ΘᵀΦ)|·t + O(1) → -∞; at the feasible Φ* it does not depend on λ (λ = 1e8 against 0)."),
            Step("11388.31", "‖Φ‖₂ = 1 relaxed to ≤ 1 keeps the maximum", at: "拉氏乘数, text", kind: "optimum",
                 claim: .all([
                    .inequality(Inequality(feasibility(n, m, s, 0, 1), lessThan: tiny(40), over: main)),
                    .inequality(Inequality(sampledRatio(n, m, s, 0, 0), lessThan: 1, over: main)),
                 ]),
                 remark: "The relaxed maximiser Φ* lies on the boundary (all singular values 1), and points of the relaxed set (random radii ≤ 1) never exceed its value."),
            Step("11388.32", "{‖Φ‖₂ ≤ 1} is convex", at: "拉氏乘数, text", kind: "inequality",
                 claim: .inequality(Inequality(spectralNorm(t * P / spectralNorm(P) + (1 - t) * Q / spectralNorm(Q)), lessThan: 1,
                                               over: gaussians(6, 4, [P, Q], [Parameter(t, .uniform(0, 1))])))),
            Step("11388.33", "minimax swap: max_Φ min_λ = min_λ max_Φ", at: "拉氏乘数, aligned display (first equality)", kind: "identity",
                 claim: .all([
                    .identity(Identity(primalValue(n, m, s, kind, 0), equals: dualValue(n, m, s, kind, 0), over: primalSpace)),
                    .inequality(Inequality(sampledRatio(n, m, s, 0, 0), lessThan: 1, over: main)),
                 ]),
                 remark: "Primal route: the certified-feasible Φ* = msign(G + λ*Θ) (|tr(ΘᵀΦ*)| < 1e-40, unit singular values) gives tr(GᵀΦ*); dual route: min_λ ‖G + λΘ‖_* by the root of f'. They agree to the working precision for Θ = u₁v₁ᵀ and generic Θ; sampled feasible Φ (weak duality) stay below."),
            Step("11388.34", "max over ‖Φ‖₂ ≤ 1 of tr((G + λΘ)ᵀΦ) = ‖G + λΘ‖_*, at msign(G + λΘ)", at: "拉氏乘数, aligned display (second equality; 11215)",
                 kind: "optimum",
                 claim: .all([
                    .identity(Identity(trace(transpose(G + lambda * Theta) * msign(G + lambda * Theta)), equals: nuclearNorm(G + lambda * Theta),
                                       over: gaussians(6, 4, [G, Theta], [Parameter(lambda, .values([0, -0.7, 1.9]))]))),
                    .inequality(Inequality(sampledRatio(n, m, s, 2, lambda), lessThan: 1,
                                           over: sampleAt(6, 4, seeds: [1, 2], [Parameter(lambda, .values([0, -0.7, 1.9]))]))),
                 ]),
                 remark: "The value at msign(M) is ‖M‖_*; 3000 sampled points of the ball (msign of random matrices, random matrices scaled to ‖·‖₂ ≤ 1) never exceed it."),
            Step("11388.35", "= min_λ ‖G + λΘ‖_*: the dual objective", at: "拉氏乘数, conclusion of the aligned display", kind: "identity",
                 claim: .all([
                    .identity(Identity(primalValue(n, m, s, 0, 0), equals: goldenMinimum(n, m, s, 0), over: main)),
                    .inequality(Inequality(f(at: 0), lessThan: f(at: dPlaceholder), strict: true,
                                           over: ParameterSpace(main.parameters + [Parameter(dPlaceholder, .values([-0.001, 0.001]))]))),
                 ]),
                 remark: "The optimum of eq:muon-spectral equals the minimum of the dual objective found by golden section, and f is larger nearby."),
        ]
    }
}
