import Symbolic

/// 11307.1–11307.13: the EMA viewpoint, the unrolled sums and the quick estimate.
extension Article11307 {
    static var setup: [Step] {
        let etaT = Family(Symbol("eta"))[t]
        let lambdaT = Family(Symbol("lambda"))[t]
        let epsilon = N.epsilon
        let thetaPrev = randomVector(Symbol.vector("thetaPrev", latex: "\\boldsymbol{\\theta}_{t-1}"), "thetaPrevSample")
        let uNow = randomVector(Symbol.vector("uNow", latex: "\\boldsymbol{u}_t"), "uNowSample")
        let weights = { (steps: Expr, updates: Family) in AdamW.weights(after: steps, initial: theta[0], updates: updates) }
        let vectors = { (dimension: Int) in
            [Parameter(theta[0], .family(dimension: dimension, lower: -1, upper: 1)),
             Parameter(u[i], .family(dimension: dimension, lower: -1, upper: 1))]
        }
        return [
            Step("11307.1", "definition: AdamW", at: "滑动视角 (EMA viewpoint), display #1",
                 claim: .all([
                    .definition(Definition(m[t], beta1 * m[t - 1] + (1 - beta1) * g[t], relation: .equals)),
                    .definition(Definition(v[t], beta2 * v[t - 1] + (1 - beta2) * g[t] ** 2, relation: .equals)),
                    .definition(Definition(mHat[t], m[t] / (1 - beta1 ** t), relation: .equals)),
                    .definition(Definition(vHat[t], v[t] / (1 - beta2 ** t), relation: .equals)),
                    .definition(Definition(u[t], mHat[t] / (sqrt(vHat[t]) + epsilon), relation: .equals)),
                    .definition(Definition(theta[t], theta[t - 1] - etaT * (u[t] + lambdaT * theta[t - 1]), relation: .equals)),
                 ]),
                 expected: .definition,
                 remark: "Same system as 11267 display #1; its recursions are Shared/AdamW.swift."),
            Step("11307.2", "standing simplifications t → ∞, ε → 0; β₃ = 1 - ηλ", at: "滑动视角 (EMA viewpoint), inline",
                 claim: .all([
                    // t → ∞: the ε = 0 update over m_t/√v_t is √(1-β₂^t)/(1-β₁^t), → 1 at rate max(β₁, β₂).
                    .approximation(Approximation(
                        AdamW.update(after: t, epsilon: 0), approximatedBy: AdamW.momentum(after: t) / sqrt(AdamW.secondMoment(after: t)),
                        along: .increasing(t, [100, 200, 300, 400]), order: .geometric(rate: .call(.max, [beta1, beta2])),
                        over: ParameterSpace([Parameter(beta1, .values([0.8, 0.9])), Parameter(beta2, .values([0.95, 0.99])),
                                              Parameter(g[i], .family(dimension: nil, lower: -2, upper: 2))]))),
                    // ε → 0 at fixed t: relative error ε/(√v̂_t + ε), linear.
                    .approximation(Approximation(
                        AdamW.update(after: t), approximatedBy: AdamW.momentum(after: t) / (1 - beta1 ** t)
                            / sqrt(AdamW.secondMoment(after: t) / (1 - beta2 ** t)),
                        along: .decades(epsilon, from: 2, to: 8), order: .power(1),
                        over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .fixed(0.95)), Parameter(t, .fixed(50)),
                                              Parameter(g[i], .family(dimension: nil, lower: -2, upper: 2))]))),
                    .definition(Definition(beta3, 1 - eta * lambda, relation: .equals)),
                 ]),
                 remark: "Both limits of the standing assumptions, run on the recursions; β₃ is a definition."),
            Step("11307.3", "weight decay as an EMA", at: "滑动视角 (EMA viewpoint), display #2 = eq:ema-wd",
                 claim: .identity(Identity(
                    weights(t, u), equals: beta3 * weights(t - 1, u) + (1 - beta3) * (-u[t] / lambda),
                    over: ParameterSpace(decay + [Parameter(t, .integers(1...40))] + vectors(5))))),
            Step("11307.4", "unrolled weights", at: "加权平均 (weighted average), display #3 = eq:theta-t",
                 claim: .identity(Identity(
                    weights(t, u), equals: beta3 ** t * theta[0] + (1 - beta3) * sum("i", 1, t) { i in beta3 ** (t - i) * (-u[i] / lambda) },
                    over: ParameterSpace(decay + [Parameter(t, .integers(1...40))] + vectors(4)))),
                 remark: "The recursion θ_t = θ_{t-1} - η(u_t + λθ_{t-1}) is run at full precision for arbitrary u_i."),
            Step("11307.5", "unrolled m_t and v_t", at: "加权平均 (weighted average), display #4 = eq:mv-roll",
                 claim: .all([
                    .identity(Identity(AdamW.momentum(after: t),
                                       equals: (1 - beta1) * sum("i", 1, t) { i in beta1 ** (t - i) * g[i] },
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.999)), Parameter(t, .integers(1...40)),
                                                             Parameter(g[i], .family(dimension: 3, lower: -2, upper: 2))]))),
                    .identity(Identity(AdamW.secondMoment(after: t),
                                       equals: (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * g[i] ** 2 },
                                       over: ParameterSpace([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...40)),
                                                             Parameter(g[i], .family(dimension: 3, lower: -2, upper: 2))]))),
                 ]),
                 remark: "m₀ = v₀ = 0. Keeping θ₀ and β₃^t but not m₀, v₀ is a modelling choice, not a checkable claim."),
            Step("11307.6", "definition: RMS", at: "快速估计 (quick estimate), display #5",
                 claim: .all([
                    .definition(Definition(rmsNorm(.symbol(Symbol.vector("theta"))),
                                           sqrt(1 / d * sum("i", 1, d) { i in Family(Symbol("theta"))[i] ** 2 }), relation: .equals)),
                    .identity(Identity(rmsNorm(randomVector(Symbol.vector("theta"), "thetaSample")),
                                       equals: norm(randomVector(Symbol.vector("theta"), "thetaSample")) / sqrt(d),
                                       over: ParameterSpace([Parameter(d, .fixed(7)), vectorSource("thetaSample", dimension: 7, -3, 3)]))),
                 ]),
                 remark: "The prose 'differs from the norm only by the division by √d' is checked on a random θ ∈ ℝ⁷."),
            Step("11307.7", "squaring the EMA step", at: "快速估计 (quick estimate), display #6 line 1",
                 claim: .identity(Identity(
                    rmsNorm(weights(t, u)) ** 2, equals: rmsNorm(beta3 * weights(t - 1, u) + (1 - beta3) * (-u[t] / lambda)) ** 2,
                    over: ParameterSpace(decay + [Parameter(t, .integers(1...30))] + vectors(5)))),
                 remark: "Deterministic substitution of eq:ema-wd, checked on the recursion."),
            Step("11307.8", "expansion of the square", at: "快速估计 (quick estimate), display #6 line 2",
                 claim: .identity(Identity(
                    rmsNorm(beta3 * thetaPrev + (1 - beta3) * (-uNow / lambda)) ** 2,
                    equals: beta3 ** 2 * rmsNorm(thetaPrev) ** 2 + (1 - beta3) ** 2 * rmsNorm(uNow) ** 2 / lambda ** 2
                        - 2 * beta3 * (1 - beta3) * dot(thetaPrev, uNow) / (lambda * d),
                    over: ParameterSpace([Parameter(eta, .logUniform(1e-4, 1e-1)), Parameter(lambda, .logUniform(1e-2, 1)),
                                          Parameter(beta3, .derived(1 - eta * lambda)), Parameter(d, .fixed(6)),
                                          vectorSource("thetaPrevSample", dimension: 6), vectorSource("uNowSample", dimension: 6)])))),
        ]
    }

    static var quickEstimate: [Step] {
        let thetaPrev = Expr.symbol(Symbol.vector("thetaPrev", latex: "\\boldsymbol{\\theta}_{t-1}"))
        let thetaNow = Expr.symbol(Symbol.vector("thetaNow", latex: "\\boldsymbol{\\theta}_t"))
        let uNow = Expr.symbol(Symbol.vector("uNow", latex: "\\boldsymbol{u}_t"))
        // The exact stationary root of display #7 (left) is ‖θ‖² = kη/((2-ηλ)λ); the claim drops ηλ against 2.
        let balanceRoot = sqrt((1 - beta3) ** 2 * kFactor / (lambda ** 2 * (1 - beta3 ** 2)))
        return [
            Step("11307.9", "near-orthogonality of θ_{t-1} and u_t", at: "快速估计 (quick estimate), inline",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(dot(thetaPrev, uNow), .approximately, 0, regime: "d\\to\\infty,\\ \\text{stationary AdamW}"),
                    exact: balance(0), heuristic: balance(1), over: balanceSpace, tolerance: 0.10))),
                 correction: Step.Correction(
                    .withDigits(20, .meanField(MeanFieldClaim(
                        Display(dot(thetaPrev, uNow) / d, .approximately, crossTermMeanField, regime: "\\text{stationary, Extension E3}"),
                        exact: preciseBalance(4), heuristic: crossTermMeanField, over: preciseBalanceSpace, tolerance: rmsTolerance))),
                    note: "the article itself concedes after display #7 that θ·u ≈ 0 'does not really hold': the dropped term is ≈ 18× the kept one as ηλ → 0; E[θ_{t-1}u_t] ≈ -ηkβ₁/(1-β₁β₃) (E3)"),
                 remark: "Seeded stationary AdamW (β₁ = 0.9, β₂ = 0.95, λ = 0.1, ηλ = 10⁻², 10⁻³, 10⁻⁴; burn-in 5/(ηλ), window 10/(ηλ), 128 independent coordinates; component means are the d → ∞ values; the correction uses a window 20/(ηλ) and 512 coordinates at ηλ = 10⁻², 10⁻³, standard error ≈ 1.5 %). Compared: kept plus dropped term of display #6, (1-β₃)²E[u²]/λ² - 2β₃(1-β₃)E[θ_{t-1}u_t]/λ, against the kept term alone; 'usually a decent approximation' (不错的近似) is read as a 10 % gap. The cosine E[θu]/√(E[θ²]E[u²]) is d-independent (≈ -2.9√(ηλ)), not O(d^{-1/2}): small in angle, but the kept term is O(ηλ) smaller still."),
            Step("11307.10", "Update RMS imported from 11267", at: "快速估计 (quick estimate), inline",
                 claim: .withDigits(12, .meanField(MeanFieldClaim(
                    Display(rmsNorm(uNow), .approximately, sqrt(kFactor), regime: "\\boldsymbol{\\mu}=0,\\ \\text{stationary}"),
                    exact: sqrt(AdamStationaryMoments.updateSecondMoment(beta1, beta2, 0)), heuristic: sqrt(kFactor),
                    over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .fixed(0.95))]), tolerance: rmsTolerance))),
                 remark: "Exact stationary √E[m²/v] for Gaussian noise by quadrature (11267 E1): 0.226057 vs √k = 0.229416; 5 % (the article's standard, see Article11307+Statistics); 12 digits suffice for a percent-level gap and keep the quadrature fast."),
            Step("11307.11", "stationary balance (quick estimate)", at: "快速估计 (quick estimate), display #7 left",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display((1 - beta3 ** 2) * rmsNorm(thetaNow) ** 2, .approximately, (1 - beta3) ** 2 * kFactor / lambda ** 2,
                            regime: "\\text{stationary, cross term dropped}"),
                    exact: balance(2), heuristic: (1 - beta3) ** 2 * kFactor / lambda ** 2, over: balanceSpace, tolerance: squareTolerance))),
                 correction: Step.Correction(
                    .withDigits(20, .meanField(MeanFieldClaim(
                        Display((1 - beta3 ** 2) * rmsNorm(thetaNow) ** 2, .approximately,
                                (1 - beta3) ** 2 * rmsNorm(uNow) ** 2 / lambda ** 2 - 2 * beta3 * (1 - beta3) * dot(thetaPrev, uNow) / (lambda * d),
                                regime: "\\text{stationary}"),
                        exact: balance(2), heuristic: balance(0), over: balanceSpace, tolerance: squareTolerance))),
                    note: "the balance holds only with the cross term of display #6 kept (it is ≈ 18× the kept term); without it the left side is ≈ 19× the right"),
                 remark: "Same runs as 11307.9; both sides from one simulation. The exact stationary ‖θ‖² has the O(1) factor C_Adam(1+β₁)/(1-β₁) ≈ 18.6 over the dropped-cross-term balance."),
            Step("11307.12", "quick estimate of the Weight RMS", at: "快速估计 (quick estimate), display #7 right",
                 claim: .all([
                    // (a) β₃ ≈ 1 in the algebra: ratio √(2/(2-ηλ)) → 1, linearly in ηλ.
                    .approximation(Approximation(
                        balanceRoot, approximatedBy: sqrt(kFactor * eta / (2 * lambda)),
                        along: .decades(eta, from: 1, to: 5), order: .power(1),
                        over: ParameterSpace([Parameter(beta1, .values([0.9])), Parameter(lambda, .values([0.1, 1])),
                                              Parameter(beta3, .derived(1 - eta * lambda))]))),
                    // (b) against the stationary Weight RMS of the 11307.43 simulation.
                    quickEstimateAgainstScript(sqrt(kFactor * eta / (2 * lambda)), tolerance: 0.25),
                 ]),
                 correction: Step.Correction(
                    .all([
                        .approximation(Approximation(
                            balanceRoot, approximatedBy: sqrt(kFactor * eta / (2 * lambda)),
                            along: .decades(eta, from: 1, to: 5), order: .power(1),
                            over: ParameterSpace([Parameter(beta1, .values([0.9])), Parameter(lambda, .values([0.1, 1])),
                                                  Parameter(beta3, .derived(1 - eta * lambda))]))),
                        quickEstimateAgainstScript(sqrt(crossTermWeightRMS2), tolerance: rmsTolerance),
                    ]),
                    note: "the quick estimate is low by ≈ √((1+β₁)/(1-β₁)) = 4.36 (0.0162 vs 0.0700), more than 'some error'; with the dropped cross term restored (E3) it gives 0.0707"),
                 remark: "(a) solves display #7 (left) exactly and lets ηλ → 0 (η = 10⁻¹…10⁻⁵). (b) the script of 11307.43 (T = 5·10⁴, 2000 coordinates); the article calls the estimate 'not that accurate' with 'some error' (有些误差), read as a 25 % gap."),
            Step("11307.13", "scaling ∝ √(η/λ)", at: "快速估计 / 更好近似 (quick estimate / better approximation), prose",
                 claim: .withDigits(20, .all([
                    scalingClaim(scalingRatio(0.004, 1, seed: 11_307_132), "(\\eta,\\lambda)=(4\\cdot 10^{-3},1)"),
                    scalingClaim(scalingRatio(0.001, 4, seed: 11_307_133), "(\\eta,\\lambda)=(10^{-3},4)"),
                 ])),
                 remark: "‖θ‖_RMS/√(η/2λ) at (η, λ) = (4·10⁻³, 1) and (10⁻³, 4) against its value at (10⁻³, 1) (η/λ varies ×16, ηλ ×4); T = 10/(ηλ), θ_t² averaged over t ∈ (T/2, T] (stationary, β₃^{T/2} = e^{-5}), 1000 coordinates, different seeds (runs with equal ηλ and seed are exact rescalings). 'The conclusion ∝ √(η/λ) is correct' read with the article's 5 %; the ratio ≈ 0.99 ≈ √C_Adam is 4.3× the quick estimate's √k."),
        ]
    }
}
