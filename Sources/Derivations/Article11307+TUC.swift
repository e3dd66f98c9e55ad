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
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(rmsNorm(beta3 * thetaPrev + (1 - beta3) * (-uTildeNow / lambda)) ** 2, .approximately,
                            beta3 ** 2 * rmsNorm(thetaPrev) ** 2 + (1 - beta3) ** 2 * rmsNorm(uTildeNow) ** 2 / lambda ** 2,
                            regime: "\\boldsymbol{\\mu}=0,\\ d\\to\\infty"),
                    exact: tuc(0), heuristic: tuc(1), over: .empty, tolerance: rmsTolerance))),
                 remark: "Stationary AdamW (η = λ = 0.1, ηλ = 10⁻² to make θ-u correlations visible; burn-in 1000, window 4000, 400 coordinates, ũ_t built from the next 300 v_k by a backward recursion). The β₃²‖θ_{t-1}‖² term is common to both sides, so the comparison is of the rest: (1-β₃)²E[ũ²]/λ² - 2β₃(1-β₃)E[θ_{t-1}ũ_t]/λ against the kept (1-β₃)²E[ũ²]/λ², with the article's 5 %. E[θ_{t-1}ũ_t] = 0 exactly by g_t → -g_t; the per-step fluctuation in d dimensions is O(d^{-1/2}) and averages out."),
            Step("11307.58", "ũ_t is more orthogonal to θ_{t-1} than u_t", at: "相关分析 (related analysis), prose",
                 claim: .withDigits(20, .inequality(Inequality(tuc(2), lessThan: tuc(3), strict: true, over: .empty))),
                 remark: "Same run as 11307.57: |E[θ_{t-1}ũ_t]|/√(E[θ²]E[ũ²]) (the d → ∞ cosine, 0 up to noise) against |E[θ_{t-1}u_t]|/√(E[θ²]E[u²]) (≈ 0.29 ≈ 2.9√(ηλ), with u_t pointing against θ_{t-1})."),
            Step("11307.59", "same-direction assumption", at: "相关分析 (related analysis), display #28 first equality",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(rmsNorm(uTildeNow), .equals, contributions(to: infinity) { k in rmsNorm(g[t] / sqrt(v[k])) },
                            regime: "\\text{all } \\boldsymbol{g}_t/\\sqrt{\\boldsymbol{v}_k} \\text{ parallel}"),
                    exact: tuc(4), heuristic: tuc(5), over: .empty, tolerance: rmsTolerance))),
                 remark: "Same run as 11307.57: √E[ũ²] against Σ_j (1-β₁)β₁^j √E[g_t²/v_{t+j}] (j ≤ 120, β₁^121 ≈ 3·10⁻⁶; lags on every 8th t); the ratio is ≤ 1 (triangle inequality) and close to 1 since g_t/√v_k differ only by the slowly varying 1/√v_k. An assumption of the paper, judged with the article's 5 %."),
            Step("11307.60", "unit-RMS assumption", at: "相关分析 (related analysis), display #28 second equality",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(contributions(to: infinity) { k in rmsNorm(g[t] / sqrt(v[k])) }, .equals, tucWeights(infinity),
                            regime: "\\Vert\\boldsymbol{g}_t/\\sqrt{\\boldsymbol{v}_k}\\Vert_{RMS}=1"),
                    exact: tuc(5), heuristic: 1, over: .empty, tolerance: rmsTolerance))),
                 remark: "Same run as 11307.57: Σ_j (1-β₁)β₁^j √E[g_t²/v_{t+j}] against Σ_j (1-β₁)β₁^j = 1 (mean field E[g_t²]/E[v_k] = 1), with the article's 5 %; the per-lag exact values are 11307.63."),
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
                    quickEstimateAgainstScript(sqrt(eta / (2 * lambda)), tolerance: rmsTolerance),
                    quickEstimateAgainstScript(sqrt(adamConstant * eta / (2 * lambda)), tolerance: rmsTolerance),
                 ]),
                 remark: "(a) (1-β₃²)‖θ‖² = (1-β₃)²/λ² gives η/((2-ηλ)λ) → η/(2λ), linearly in ηλ. (b) the script of 11307.43 (T = 5·10⁴, 2000 coordinates) against √(η/2λ) = 0.0707 with the article's 5 %, and against the exact-limit √(C_Adam η/2λ) (C_Adam = E[ũ²] from the run of 11307.57, Extension E1)."),
            Step("11307.63", "critique of the TUC assumptions", at: "相关分析 (related analysis), final prose",
                 claim: .withDigits(12, .all([
                    .meanField(MeanFieldClaim(
                        Display(expectation(g[t] ** 2 / v[kk]), .approximately, expectation(g[t] ** 2) / expectation(v[kk]),
                                regime: "\\text{mean field, } k-t\\in\\{0,1,5,20,100,\\infty\\}"),
                        exact: lagMoment(lag), heuristic: 1,
                        over: ParameterSpace([Parameter(beta2, .fixed(0.95)), Parameter(lag, .values([0, 1, 5, 20, 100, -1]))]),
                        tolerance: squareTolerance)),
                    // v_t contains g_t: E[g_t²/v_t] < E[g_t²]·E[1/v_t].
                    .inequality(Inequality(lagMoment(0), lessThan: lagMoment(-1), strict: true,
                                           over: ParameterSpace([Parameter(beta2, .fixed(0.95))]))),
                 ])),
                 remark: "Exact E[g_t²/v_k] = ∫₀^∞ P(s)/(1+2s(1-β₂)β₂^{k-t}) ds by quadrature (β₂ = 0.95; lag -1 encodes k - t → ∞, E[1/v]): 0.956 … 1.052 against the mean-field 1. Squares of ‖g_t/√v_k‖_RMS, so the article's 5 % on RMS is 10.25 % here (largest gap 5 %, at k - t → ∞, i.e. 2.5 % on RMS); the article itself calls the assertion 'somewhat forced' (比较生硬) yet 'reasonable under mean field'. The weighted sum the argument uses is within 1 % (11307.60). That v_t contains g_t shows as E[g_t²/v_t] < E[g_t²]E[1/v_t]. The quadrature is checked against Monte Carlo in WeightRMSTests."),
        ]
    }
}
