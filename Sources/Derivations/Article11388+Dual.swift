import Symbolic

extension Article11388 {
    static let lambdaStarE = lambdaStar(n, m, s, 0)
    static func f(at offset: Expr, theta: Expr = 0) -> Expr { dualValue(n, m, s, theta, offset) }
    static let main = sampleAt(6, 4, seeds: [1, 2, 3])

    // MARK: 对偶目标 (dual objective)

    static var dualObjective: [Step] {
        let lambdaSpace = ParameterSpace([Parameter(n, .fixed(6)), Parameter(m, .fixed(4)), Parameter(s, .integers(1...100_000)),
                                          Parameter(kind, .values([0, 1])), Parameter(lambda, .values([-1.3, 0.4, 2.1]))])
        let tLarge: Expr = .symbol("t")
        let shift: Expr = .symbol(Symbol("mu", latex: "\\mu"))
        let shiftedG: Expr = .symbol(Symbol.matrix("Gshifted", latex: "\\boldsymbol{G}"))
        return [
            Step("11388.12", "∇_λ‖G + λΘ‖_* = tr(Θᵀ msign(G + λΘ))", at: "对偶目标 (dual objective), unnumbered display", kind: "gradient",
                 claim: .identity(Identity(fdLambda(n, m, s, kind, lambda), equals: dualSlope(n, m, s, kind, lambda), over: lambdaSpace)),
                 remark: "κ = 0: Θ = u₁v₁ᵀ of an independent Gaussian; κ = 1: a generic Gaussian Θ. Central differences in λ, step from the working precision, Richardson on the step."),
            Step("11388.13", "= tr(ΘᵀΦ) with Φ = msign(G + λΘ)", at: "对偶目标, same display (second equality)",
                 claim: .identity(Identity(dualSlope(n, m, s, kind, lambda), equals: thetaPhi(n, m, s, kind, lambda), over: lambdaSpace))),
            Step("11388.14", "‖G + λΘ‖_* has no maximum", at: "对偶目标, text before eq:muon-spectral-obj", kind: "limit",
                 claim: .all([
                    .limit(Limit(nuclearNorm(G + tLarge * Theta) / tLarge, tendsTo: nuclearNorm(Theta),
                                 along: .increasing(tLarge, [10, 100, 10_000, 100_000_000]), order: .power(1), over: gaussians(6, 4, [G, Theta]))),
                    .limit(Limit(nuclearNorm(G - tLarge * Theta) / tLarge, tendsTo: nuclearNorm(Theta),
                                 along: .increasing(tLarge, [10, 100, 10_000, 100_000_000]), order: .power(1), over: gaussians(6, 4, [G, Theta]))),
                    // G = G₀ + μΘ: independent Gaussians leave the triangle bound slack by
                    // O(‖G₀‖_*) everywhere; at μ = -λ (corners of the box) G nearly cancels λΘ,
                    // where the bound is tight.
                    .inequality(Inequality(abs(lambda) * nuclearNorm(Theta) - nuclearNorm(shiftedG), lessThan: nuclearNorm(shiftedG + lambda * Theta),
                                           over: gaussians(6, 4, [G, Theta], [Parameter(lambda, .uniform(-1000, 1000)), Parameter(shift, .uniform(-1000, 1000)),
                                                                              Parameter(shiftedG, .derived(G + shift * Theta))]))),
                 ]),
                 remark: "f(λ)/|λ| → ‖Θ‖_* > 0 for λ → ±∞ with error O(1/|λ|), and f(λ) ≥ |λ|‖Θ‖_* - ‖G‖_*: f is unbounded above. The bound is checked for G = G₀ + μΘ (G₀, Θ Gaussian, λ, μ ∈ [-1000, 1000]), which includes G nearly cancelling λΘ (μ = -λ), where it is tight."),
            Step("11388.15", "λ* = argmin_λ ‖G + λΘ‖_* is the zero of tr(ΘᵀΦ)", at: "对偶目标, eq:muon-spectral-obj", kind: "optimum",
                 claim: .all([
                    .inequality(Inequality(f(at: 0), lessThan: f(at: dPlaceholder), strict: true,
                                           over: ParameterSpace(main.parameters + [Parameter(dPlaceholder, .values([-1, -0.01, -0.000001, -0.000000000001, 0.000000000001, 0.000001, 0.01, 1]))]))),
                    .identity(Identity(goldenMinimum(n, m, s, 0), equals: f(at: 0), over: main)),
                 ]),
                 remark: "At the root λ* of f': f(λ* ± d) > f(λ*) for d = 1e-12 … 1, and an independent golden-section minimisation reaches the same minimum value (its minimiser only to half the digits: f is flat there)."),
            Step("11388.16", "recap: a root of tr(ΘᵀΦ) is a minimiser (f convex, unbounded above)", at: "对偶目标, recap list items 1–4",
                 kind: "optimum",
                 claim: .all([(6, 4), (4, 4)].map { r, c in
                    .inequality(Inequality(0, lessThan: slopeIncrement(n, m, s, kind),
                                           over: sampleAt(r, c, seeds: [1, 2, 3], [Parameter(kind, .values([0, 1]))])))
                 }),
                 remark: "f' = tr(Θᵀmsign(G + λΘ)) is nondecreasing on a 201-point grid in [-10, 10] (f convex), so any root is a global minimiser; whether a root exists is shape-dependent (11388.11, square case).",
                 tables: [sphereShapeTable]),
        ]
    }

    // MARK: 梯度下降 (gradient descent)

    static var descent: [Step] {
        let eta1: Expr = .symbol(Symbol("eta1", latex: "\\eta_1"))
        return [
            Step("11388.17", "dual gradient descent λ ← λ - η tr(ΘᵀΦ) finds λ*", at: "梯度下降 (gradient descent), unnumbered display",
                 kind: "iteration",
                 claim: .identity(Identity(descentIterate(n, m, s, 0, eta, 400), equals: lambdaStarE,
                                           over: sampleAt(6, 4, seeds: [1], [Parameter(eta, .values([1, 2]))]))),
                 remark: "At the working precision, 400 steps from λ₀ = 0 reach λ* to all digits for η = 1, 2 (rates 0.62, 0.24 at f''(λ*) ≈ 0.378). The tables give the regime: convergence iff η < 2/f''(λ*) ≈ 5.3, at the observed rate |1 - ηf''(λ*)|; η = 8 diverges.",
                 tables: [spectralHistory, spectralRates]),
            Step("11388.18", "SignSGD variant λ ← λ - η sign(tr(ΘᵀΦ))", at: "梯度下降, text", kind: "definition",
                 claim: .all([
                    .inequality(Inequality(signRun(n, m, s, 0), lessThan: 0.01, over: main)),
                    .inequality(Inequality(signRun(n, m, s, 1), lessThan: 0.001, over: main)),
                 ]),
                 remark: "Constant η = 0.01 ends in a cycle within η of λ* (no exact convergence); η_k = 0.05/√k closes in (|λ - λ*| < 1e-3 after 4000 steps).",
                 tables: [signHistory]),
            Step("11388.19", "dual descent needs many more iterations than the fixed point", at: "梯度下降, text", kind: "numeric",
                 claim: .all([
                    .inequality(Inequality(medianSteps(n, m, s, 0), lessThan: medianSteps(n, m, s, 1), strict: true, over: sampleAt(6, 4, seeds: [1]))),
                    .inequality(Inequality(medianSteps(n, m, s, 0), lessThan: medianSteps(n, m, s, 0.1), strict: true, over: sampleAt(6, 4, seeds: [1]))),
                 ]),
                 remark: "Sphere only: median iterations of the part-4 fixed point (24) against dual descent over 30 seeded cases: 29 at η = 1 (close), 256 at η = 0.1, 23 of 30 runs never converge at η = 3, 4 with the oracle η = 1/f''(λ*) — the gap is the step-size tuning the article mentions. \"Much simpler per step\" is not a numeric claim; the Stiefel comparison with the part-3 Lyapunov iteration is not encoded.",
                 tables: [methodMedians]),
            Step("11388.20", "synchronous λ-update alongside W approximates eq:muon-spectral", at: "梯度下降, unnumbered display",
                 kind: "iteration",
                 claim: .approximation(Approximation(trainingResidual(n, m, s, 0, eta1), approximatedBy: 0,
                                                     along: RegimePath(eta1, [0.01, 0.005, 0.0025, 0.00125, 0.000625], .toZero),
                                                     order: .power(1), measure: .absolute, over: sampleAt(6, 4, seeds: [1, 2, 3, 4]))),
                 remark: "Toy loss ½‖W - A‖²_F, Θ = u₁v₁ᵀ of the current W, η₂ = 1, warm start λ₀ = λ*(W₀, G₀), horizon η₁T = 0.3: the mean |tr(ΘᵀΦ)| over the second half is O(η₁). No renormalisation: ‖W‖₂ drifts (table).",
                 tables: [trainingTable(0), trainingTrajectory(0)]),
            Step("11388.21", "an adaptive weight decay: Θ is the gradient of the norm", at: "梯度下降, last sentence", kind: "gradient",
                 claim: .all([0, 1].map { which in
                    .identity(Identity(fdNormW(n, m, s, num(which), i, j), equals: normDirectionW(n, m, s, num(which), i, j), over: entries(6, 4)))
                 }),
                 remark: "∇_W‖W‖₂ = u₁v₁ᵀ and ∇_W‖W‖_F = W/‖W‖_F by central differences, so G + λΘ = ∇_W[L + λ‖W‖]: Muon on a norm-penalised loss whose coefficient λ adapts."),
        ]
    }
}
