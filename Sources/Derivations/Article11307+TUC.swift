import Symbolic

/// 11307.54–11307.63: the Total Update Contribution argument of the Rotational-Equilibrium paper.
extension Article11307 {
    static var relatedAnalysis: [Step] {
        let kk = Expr.symbol(Symbol("k"))
        let bigK = Expr.symbol(Symbol("K"))
        let thetaPrev = Expr.symbol(Symbol.vector("thetaPrev", latex: "\\boldsymbol{\\theta}_{t-1}"))
        let uTildeNow = uTilde[t]
        /// Σ_{k=t}^{upper} (1-β₁)β₁^{k-t} body(k).
        func contributions(to upper: Expr, _ body: (Expr) -> Expr) -> Expr {
            sum("k", t, upper) { k in (1 - beta1) * beta1 ** (k - t) * body(k) }
        }
        let tucWeights = { (upper: Expr) in contributions(to: upper) { _ in 1 } }
        // The same stationary balance as display #7 with ‖ũ‖ = 1: ‖θ‖² = (1-β₃)²/(λ²(1-β₃²)).
        let tucRoot = sqrt((1 - beta3) ** 2 / (lambda ** 2 * (1 - beta3 ** 2)))
        let weightsTilde = { (steps: Expr) in AdamW.weights(after: steps, initial: theta[0], updates: uTilde) }
        return [
            Step("11307.54", "definition: total update contribution", at: "相关分析 (related analysis), display #26",
                 claim: .definition(Definition(uTildeNow, contributions(to: infinity) { k in g[t] / sqrt(v[k]) })),
                 remark: "g_t enters u_t with weight (1-β₁)/√v_t, then β₁ per step with denominator √v_k."),
            Step("11307.55", "decomposition of the updates into single-gradient contributions", at: "相关分析 (related analysis), prose",
                 claim: .identity(Identity(
                    sum("k", 1, bigK) { k in AdamW.momentum(after: k) / sqrt(AdamW.secondMoment(after: k)) },
                    equals: sum("t", 1, bigK) { tt in
                        sum("k", tt, bigK) { k in (1 - beta1) * beta1 ** (k - tt) * g[tt] / sqrt(AdamW.secondMoment(after: k)) }
                    },
                    over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .fixed(0.95)), Parameter(bigK, .integers(1...30)),
                                          Parameter(g[i], .family(dimension: nil, lower: -2, upper: 2))]))),
                 remark: "Finite-horizon version Σ_{k≤K} u_k = Σ_{t≤K} Σ_{t≤k≤K}(1-β₁)β₁^{k-t}g_t/√v_k (m₀ = v₀ = 0). Only the plain sum decomposes exactly; with weight decay 11307.56 is a modelling substitution."),
            Step("11307.56", "TUC-driven recursion, squared", at: "相关分析 (related analysis), eq:tilde-u-rms first equality",
                 claim: .identity(Identity(
                    rmsNorm(weightsTilde(t)) ** 2, equals: rmsNorm(beta3 * weightsTilde(t - 1) + (1 - beta3) * (-uTildeNow / lambda)) ** 2,
                    over: ParameterSpace(decay + [Parameter(t, .integers(1...30)),
                                                  Parameter(theta[0], .family(dimension: 5, lower: -1, upper: 1)),
                                                  Parameter(uTilde[i], .family(dimension: 5, lower: -1, upper: 1))]))),
                 remark: "θ driven by ũ_t in place of u_t (the article repeats the quick estimate); checked on that recursion."),
            Step("11307.57", "dropping θ_{t-1}·ũ_t", at: "相关分析 (related analysis), eq:tilde-u-rms ≈",
                 claim: pending("approximation", rmsNorm(beta3 * thetaPrev + (1 - beta3) * (-uTildeNow / lambda)) ** 2, .approximately,
                                beta3 ** 2 * rmsNorm(thetaPrev) ** 2 + (1 - beta3) ** 2 * rmsNorm(uTildeNow) ** 2 / lambda ** 2,
                                regime: "\\boldsymbol{\\mu}=0,\\ d\\to\\infty"),
                 remark: "The expansion is 11307.8 with ũ_t; the size of θ_{t-1}·ũ_t needs a stationary run with future v_k (expectation exactly 0 by g_t → -g_t)."),
            Step("11307.58", "ũ_t is more orthogonal to θ_{t-1} than u_t", at: "相关分析 (related analysis), prose",
                 claim: pending("monte-carlo-claim", abs(dot(thetaPrev, uTildeNow)), .less, abs(dot(thetaPrev, u[t])),
                                regime: "\\boldsymbol{\\mu}=0"),
                 remark: "Compare mean |cos(θ_{t-1}, ũ_t)| with cos(θ_{t-1}, u_t) in one simulation."),
            Step("11307.59", "same-direction assumption", at: "相关分析 (related analysis), display #28 first equality",
                 claim: pending("approximation", rmsNorm(uTildeNow), .equals,
                                contributions(to: infinity) { k in rmsNorm(g[t] / sqrt(v[k])) },
                                regime: "\\text{all } \\boldsymbol{g}_t/\\sqrt{\\boldsymbol{v}_k} \\text{ parallel}"),
                 remark: "An assumption of the paper; the ratio (≤ 1 by the triangle inequality) needs the simulation."),
            Step("11307.60", "unit-RMS assumption", at: "相关分析 (related analysis), display #28 second equality",
                 claim: pending("approximation", contributions(to: infinity) { k in rmsNorm(g[t] / sqrt(v[k])) }, .equals,
                                tucWeights(infinity), regime: "\\Vert\\boldsymbol{g}_t/\\sqrt{\\boldsymbol{v}_k}\\Vert_{RMS}=1"),
                 remark: "Mean field E[g_t²]/E[v_k] = 1; the exact E[g_t²/v_k] is a 1-D integral (11307.63)."),
            Step("11307.61", "geometric series", at: "相关分析 (related analysis), display #28 last equality",
                 claim: .limit(Limit(tucWeights(t + kk), tendsTo: 1, along: .increasing(kk, [10, 20, 40, 80]),
                                     order: .geometric(rate: beta1),
                                     over: ParameterSpace([Parameter(beta1, .values([0.5, 0.9, 0.99])), Parameter(t, .integers(1...50))]),
                                     display: Display(tucWeights(infinity), .equals, 1))),
                 remark: "Partial sums up to k = t + K equal 1 - β₁^{K+1}."),
            Step("11307.62", "TUC result √(η/2λ)", at: "相关分析 (related analysis), display #29",
                 claim: .all([
                    .approximation(Approximation(
                        tucRoot, approximatedBy: sqrt(eta / (2 * lambda)),
                        along: .decades(eta, from: 1, to: 5), order: .power(1),
                        over: ParameterSpace([Parameter(lambda, .values([0.1, 1])), Parameter(beta3, .derived(1 - eta * lambda))]))),
                    pending("approximation", rmsNorm(thetaNow), .approximately, sqrt(eta / (2 * lambda)),
                            regime: "\\text{simulation of 11307.43; exact } \\sqrt{C_{Adam}\\,\\eta/2\\lambda}"),
                 ]),
                 remark: "(a) (1-β₃²)‖θ‖² = (1-β₃)²/λ² gives η/((2-ηλ)λ) → η/(2λ), linearly in ηλ; (b) awaits the simulation."),
            Step("11307.63", "critique of the TUC assumptions", at: "相关分析 (related analysis), final prose",
                 claim: pending("monte-carlo-claim", expectation(g[t] ** 2 / v[kk]), .approximately, expectation(g[t] ** 2) / expectation(v[kk]),
                                regime: "\\text{mean field; exact values } 0.9560 \\ldots 1.0522"),
                 remark: "Exact E[g_t²/v_k] = ∫₀^∞ P(s)/(1+2s(1-β₂)β₂^{k-t}) ds needs quadrature; vs Monte Carlo and the mean-field value 1."),
        ]
    }
}
