import Symbolic

extension Articles {
    /// 11267 — Why is Adam's Update RMS 0.2? (kexue.fm/archives/11267, Su Jianlin, 2025-09-02).
    /// Steps follow ../shared/derivations/11267.md; "display #n" counts the article's equations.
    public static let updateRMS = Derivation(
        11267, title: "Why is Adam's Update RMS 0.2?", originalTitle: "为什么Adam的Update RMS是0.2？",
        steps: Article11267.steps)
}

enum Article11267 {
    typealias N = Notation
    static let (beta1, beta2, t, mu, sigma, epsilon) = (N.beta1, N.beta2, N.t, N.mu, N.sigma, N.epsilon)
    static let g = N.g
    /// k = (1-β₁)/(1+β₁), the stationary variance factor of the momentum (not the article's name).
    static let k = (1 - beta1) / (1 + beta1)
    /// ‖𝝁‖ and ‖𝝈‖ enter eq:mean-field only through their squares; they are scalar parameters here.
    static let normMu: Expr = .symbol(Symbol("normMu", latex: "\\Vert\\boldsymbol{\\mu}\\Vert"))
    static let normSigma: Expr = .symbol(Symbol("normSigma", latex: "\\Vert\\boldsymbol{\\sigma}\\Vert"))
    /// eq:mean-field (display #7), first form.
    static let meanFieldRMS = sqrt((normMu ** 2 + k * normSigma ** 2) / (normMu ** 2 + normSigma ** 2))
    static let updateRMSSymbol: Expr = .symbol(Symbol("U", latex: "\\Vert\\boldsymbol{u}_t\\Vert_{RMS}"))

    static let pendingStatistics = "exact Gaussian expectations (quadrature) and seeded Monte Carlo (issue 3)"

    static let m = AdamW.momentum(after: t)
    static let v = AdamW.secondMoment(after: t)
    static func scalarGradients(_ extra: [Parameter]) -> ParameterSpace {
        ParameterSpace(extra + [Parameter(g[N.i], .family(dimension: nil, lower: -2, upper: 2))])
    }
    static func vectorGradients(_ extra: [Parameter]) -> ParameterSpace {
        ParameterSpace(extra + [Parameter(g[N.i], .family(dimension: 3, lower: -2, upper: 2))])
    }

    static var steps: [Step] { introduction + meanField + analysis + reversePrediction }

    // MARK: 问题引入 / 数值模拟 (problem and simulation)

    static var introduction: [Step] {
        [
            Step("11267.1", "empirical level of Adam's Update RMS", at: "问题引入 (problem), prose",
                 claim: .all([
                    .numeric(NumericClaim(sqrt(k), quote: "[0.2, 0.3]", style: .within(0.2, 0.3),
                                          at: ParameterSpace([Parameter(beta1, .fixed(0.9))]))),
                    .pending(Pending("numeric", Display(.expectation(.named(Symbol.vector("u", latex: "\\boldsymbol{u}_t"), 0) ** 2), .approximately, 0.2 ** 2),
                                     awaiting: "the exact stationary E[u²] for Gaussian noise (11267 Extension E1): " + pendingStatistics)),
                 ]),
                 remark: "The training observation is not checkable; part (a) checks the mean-field value sqrt((1-β₁)/(1+β₁)) at β₁ = 0.9 lies in [0.2, 0.3]."),
            Step("11267.2", "definition: Adam(W)", at: "问题引入 (problem), display #1",
                 claim: .all([
                    .definition(Definition(m, beta1 * .indexed(Symbol.vector("m"), [t - 1]) + (1 - beta1) * g[t], relation: .equals)),
                    .definition(Definition(v, beta2 * .indexed(Symbol.vector("v"), [t - 1]) + (1 - beta2) * g[t] ** 2, relation: .equals)),
                    .definition(Definition(.named(Symbol.vector("u", latex: "\\boldsymbol{u}_t"), 0),
                                           (m / (1 - beta1 ** t)) / (sqrt(v / (1 - beta2 ** t)) + epsilon), relation: .equals)),
                 ]),
                 remark: "Encoded once as recurrences (Shared/AdamW.swift) that later steps run at full precision; the weight update is AdamW.weights."),
            Step("11267.3", "bias correction and ε dropped", at: "问题引入 (problem), inline",
                 claim: .all([
                    // (a) ε = 0: the exact update against m_t/√v_t along t; the ratio is sqrt(1-β₂^t)/(1-β₁^t).
                    .approximation(Approximation(
                        AdamW.update(after: t, epsilon: 0), approximatedBy: m / sqrt(v),
                        along: .increasing(t, [200, 400, 800, 1600]), order: .geometric(rate: .call(.max, [beta1, beta2])),
                        over: scalarGradients([Parameter(beta1, .values([0.5, 0.9])), Parameter(beta2, .values([0.95, 0.99]))]))),
                    // (b) at fixed v̂: 1/(√v̂ + ε) against 1/√v̂ as ε → 0, error ε/√v̂ (order 1).
                    .approximation(Approximation(
                        1 / (sqrt(Expr.symbol("vhat")) + epsilon), approximatedBy: 1 / sqrt(Expr.symbol("vhat")),
                        along: .decades(epsilon, from: 4, to: 8), order: .power(1),
                        over: ParameterSpace([Parameter(.symbol("vhat"), .values([1e-6, 1e-2, 1]))]))),
                 ])),
            Step("11267.4", "EMA expansions of m_t and v_t", at: "问题引入 (problem), display #2",
                 claim: .all([
                    .identity(Identity(m, equals: (1 - beta1) * sum("i", 1, t) { i in beta1 ** (t - i) * g[i] },
                                       over: vectorGradients([Parameter(beta1, .uniform(0.01, 0.99)), Parameter(t, .integers(1...60))]))),
                    .identity(Identity(v, equals: (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * g[i] ** 2 },
                                       over: vectorGradients([Parameter(beta2, .uniform(0.01, 0.99)), Parameter(t, .integers(1...60))]))),
                 ]),
                 remark: "The recursions of display #1 (m₀ = v₀ = 0) are run at full precision and compared with the closed sums."),
            Step("11267.5", "Monte Carlo: Update RMS ≈ 0.225", at: "数值模拟 (simulation), script and prose",
                 claim: .pending(Pending("monte-carlo-claim",
                                         Display(rmsNorm(.named(Symbol.vector("u", latex: "\\boldsymbol{u}_T"), 0)), .approximately, 0.225),
                                         awaiting: pendingStatistics))),
            Step("11267.6", "Monte Carlo: Update RMS grows with β₁ and the SNR, barely depends on β₂",
                 at: "数值模拟 (simulation), prose after the script",
                 claim: .pending(Pending("monte-carlo-claim",
                                         Display(.derivative(updateRMSSymbol, beta1.asSymbol), .less, 0),
                                         awaiting: "the exact stationary Update RMS on a (β₁, β₂, μ) grid: " + pendingStatistics)),
                 remark: "Displayed as the sign of a derivative; the claim has three parts (β₁ up, β₂ flat, SNR up)."),
        ]
    }

    // MARK: 平均近似 (mean approximation)

    static var meanField: [Step] {
        let u = Expr.named(Symbol.vector("u", latex: "\\boldsymbol{u}_t"), m / sqrt(v))
        return [
            Step("11267.7", "E[u²] written as E[m²/v]", at: "平均近似 (mean approximation), display #3, first equality",
                 claim: .identity(Identity(u ** 2, equals: m ** 2 / v,
                                           over: vectorGradients([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(beta2, .uniform(0.5, 0.999)),
                                                                  Parameter(t, .integers(1...40))]))),
                 remark: "The expectations agree because the integrands agree pointwise: checked on the integrands with u_t = m_t/√v_t."),
            Step("11267.8", "mean-field step E[m²/v] ≈ E[m²]/E[v]", at: "平均近似 (mean approximation), display #3 (≈)",
                 claim: .pending(Pending("mean-field", Display(.expectation(m ** 2 / v), .approximately, .expectation(m ** 2) / .expectation(v)),
                                         awaiting: pendingStatistics))),
            Step("11267.9", "definition: gradient moments", at: "平均近似 (mean approximation), inline",
                 claim: .all([.definition(Definition(.expectation(g[t]), mu, relation: .equals)),
                              .definition(Definition(.expectation(g[t] ** 2), mu ** 2 + sigma ** 2, relation: .equals))])),
            Step("11267.10", "E[v_t] by linearity", at: "平均近似 (mean approximation), display #4 line 1",
                 claim: .pending(Pending("identity", Display(.expectation(v), .equals, (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * .expectation(g[i] ** 2) }),
                                         awaiting: "exact moment rules for expectations of linear combinations (issue 3)"))),
            Step("11267.11", "E[v_t]: identical distribution", at: "平均近似 (mean approximation), display #4 line 2",
                 claim: .pending(Pending("identity",
                                         Display((1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * .expectation(g[i] ** 2) }, .equals,
                                                 (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * (mu ** 2 + sigma ** 2) }),
                                         awaiting: "exact moment rules for expectations of linear combinations (issue 3)")),
                 remark: "Substitution of 11267.9 under the sum; it needs the expectation node evaluated."),
            Step("11267.12", "E[v_t]: geometric sum", at: "平均近似 (mean approximation), display #4 line 3",
                 claim: .identity(Identity(
                    (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * (mu ** 2 + sigma ** 2) },
                    equals: (1 - beta2 ** t) * (mu ** 2 + sigma ** 2),
                    over: ParameterSpace([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...60)),
                                          Parameter(mu, .uniform(-2, 2)), Parameter(sigma, .uniform(0.1, 3))])))),
            Step("11267.13", "E[v_t] as t → ∞", at: "平均近似 (mean approximation), display #4 line 4",
                 claim: .limit(Limit(
                    (1 - beta2 ** t) * (mu ** 2 + sigma ** 2), tendsTo: mu ** 2 + sigma ** 2,
                    along: .increasing(t, [50, 100, 200, 400]), order: .geometric(rate: beta2),
                    over: ParameterSpace([Parameter(beta2, .values([0.5, 0.9, 0.95, 0.99])), Parameter(mu, .uniform(-2, 2)),
                                          Parameter(sigma, .uniform(0.1, 3))])))),
            Step("11267.14", "second moment = mean² + variance", at: "平均近似 (mean approximation), prose",
                 claim: .pending(Pending("identity", Display(.expectation(m ** 2), .equals, .expectation(m) ** 2 + .variance(m)),
                                         awaiting: "exact moment rules for expectations (issue 3)")),
                 remark: "The definition of the variance."),
            Step("11267.15", "E[m_t] = μ", at: "平均近似 (mean approximation), prose",
                 claim: .limit(Limit(
                    (1 - beta1) * sum("i", 1, t) { i in beta1 ** (t - i) * mu }, tendsTo: mu,
                    along: .increasing(t, [10, 50, 100, 200]), order: .geometric(rate: beta1),
                    over: ParameterSpace([Parameter(beta1, .values([0.5, 0.9, 0.99])), Parameter(mu, .uniform(-2, 2))]))),
                 remark: "By linearity the finite-t mean is (1-β₁)Σβ₁^{t-i}μ = (1-β₁^t)μ; the article's 'necessarily' holds as t → ∞, its standing regime."),
            Step("11267.16", "Var[m_t] for independent g_i", at: "平均近似 (mean approximation), display #5, first equality",
                 claim: .identity(Identity(
                    sum("i", 1, t) { i in ((1 - beta1) * beta1 ** (t - i)) ** 2 * sigma ** 2 },
                    equals: (1 - beta1) ** 2 * sum("i", 1, t) { i in beta1 ** (2 * (t - i)) * sigma ** 2 },
                    over: ParameterSpace([Parameter(beta1, .uniform(0.01, 0.99)), Parameter(t, .integers(1...60)),
                                          Parameter(sigma, .uniform(0.1, 3))]))),
                 remark: "Var of an independent weighted sum is Σ w_i²σ²; the left side uses the weights w_i = (1-β₁)β₁^{t-i} of display #2."),
            Step("11267.17", "Var[m_t]: geometric sum", at: "平均近似 (mean approximation), display #5, second equality",
                 claim: .identity(Identity(
                    (1 - beta1) ** 2 * sum("i", 1, t) { i in beta1 ** (2 * (t - i)) * sigma ** 2 },
                    equals: (1 - beta1) ** 2 * (1 - beta1 ** (2 * t)) / (1 - beta1 ** 2) * sigma ** 2,
                    over: ParameterSpace([Parameter(beta1, .uniform(0.3, 0.99)), Parameter(t, .integers(1...60)),
                                          Parameter(sigma, .uniform(0.1, 3))])))),
            Step("11267.18", "Var[m_t] as t → ∞", at: "平均近似 (mean approximation), display #5, third equality",
                 claim: .limit(Limit(
                    (1 - beta1) ** 2 * (1 - beta1 ** (2 * t)) / (1 - beta1 ** 2) * sigma ** 2, tendsTo: k * sigma ** 2,
                    along: .increasing(t, [10, 50, 100, 200]), order: .geometric(rate: beta1 ** 2),
                    over: ParameterSpace([Parameter(beta1, .values([0.5, 0.9, 0.99])), Parameter(sigma, .uniform(0.1, 3))])))),
            Step("11267.19", "mean-field E[u²]", at: "平均近似 (mean approximation), display #6",
                 claim: .all([
                    // The algebra: (t → ∞ limits of 11267.13, .15, .18) composed inside 11267.8.
                    .identity(Identity((mu ** 2 + k * sigma ** 2) / (mu ** 2 + sigma ** 2),
                                       equals: (mu ** 2 + (1 - beta1) ** 2 / (1 - beta1 ** 2) * sigma ** 2) / (mu ** 2 + sigma ** 2),
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(mu, .uniform(-1, 1)),
                                                             Parameter(sigma, .uniform(0.1, 3))]))),
                    .pending(Pending("mean-field", Display(.expectation(u ** 2), .approximately,
                                                           (mu ** 2 + k * sigma ** 2) / (mu ** 2 + sigma ** 2)),
                                     awaiting: "the exact Gaussian E[m²/v] (Extension E1): " + pendingStatistics)),
                 ])),
        ]
    }

    // MARK: 结果分析 (analysis of results)

    static var analysis: [Step] {
        let snr = normMu ** 2 / normSigma ** 2
        let norms = [Parameter(normMu, .uniform(0, 2.2)), Parameter(normSigma, .uniform(0.32, 2.2)), Parameter(beta1, .uniform(0.1, 0.99))]
        return [
            Step("11267.20", "averaging over components", at: "结果分析 (analysis), eq:mean-field, first ≈",
                 claim: .pending(Pending("mean-field", Display(updateRMSSymbol, .approximately, meanFieldRMS),
                                         awaiting: "component-wise averages against the ratio of sums over heterogeneous (μ_i, σ_i) (issue 3)"))),
            Step("11267.21", "rewrite with the SNR", at: "结果分析 (analysis), eq:mean-field, second equality",
                 claim: .identity(Identity(meanFieldRMS, equals: sqrt((snr + k) / (snr + 1)), over: ParameterSpace(norms)))),
            Step("11267.22", "no β₂ dependence", at: "结果分析 (analysis), prose",
                 claim: .identity(Identity(.derivative(meanFieldRMS, beta2.asSymbol), equals: 0,
                                           over: ParameterSpace(norms + [Parameter(beta2, .uniform(0.5, 0.999))]))),
                 remark: "The consistency with the simulation is 11267.6(b)."),
            Step("11267.23", "zero-mean special case", at: "结果分析 (analysis), display #8",
                 claim: .identity(Identity(meanFieldRMS.substituting(normMu.asSymbol, with: 0), equals: sqrt(k),
                                           over: ParameterSpace(norms)))),
            Step("11267.24", "numeric value at β₁ = 0.9", at: "结果分析 (analysis), inline after display #8",
                 claim: .numeric(NumericClaim(sqrt(k), quote: "0.2294", style: .leadingDigits,
                                              at: ParameterSpace([Parameter(beta1, .fixed(0.9))])))),
            Step("11267.25", "figure 1: simulation vs mean field over (β₁, β₂)", at: "结果分析 (analysis), first figure and prose",
                 claim: .pending(Pending("monte-carlo-claim", Display(updateRMSSymbol, .approximately, sqrt(k)),
                                         awaiting: "the exact stationary Update RMS on the (β₁, β₂) grid: " + pendingStatistics))),
            Step("11267.26", "figure 2: simulation vs mean field over (β₁, SNR)", at: "结果分析 (analysis), second figure and prose",
                 claim: .pending(Pending("monte-carlo-claim", Display(updateRMSSymbol, .approximately, meanFieldRMS),
                                         awaiting: "the exact stationary Update RMS with a mean on the (β₁, SNR) grid: " + pendingStatistics))),
        ]
    }

    // MARK: 反向预测 (reverse prediction)

    static var reversePrediction: [Step] {
        let snr = normMu ** 2 / normSigma ** 2
        let ratio: Expr = .symbol(Symbol("R", latex: "\\Vert\\boldsymbol{m}_t\\Vert/\\Vert\\boldsymbol{g}_t\\Vert"))
        // The observed RMS (or momentum ratio) is taken to be exactly eq:mean-field: the inversion is algebra.
        let inverted = [Parameter(normMu, .uniform(0, 2.2)), Parameter(normSigma, .uniform(0.32, 2.2)),
                        Parameter(beta1, .uniform(0.1, 0.99))]
        return [
            Step("11267.27", "reverse prediction of the SNR from the Update RMS", at: "反向预测 (reverse prediction), display #9",
                 claim: .identity(Identity(snr, equals: (updateRMSSymbol ** 2 - k) / (1 - updateRMSSymbol ** 2),
                                           over: ParameterSpace(inverted + [Parameter(updateRMSSymbol, .derived(meanFieldRMS))]))),
                 remark: "With ‖u_t‖_RMS set to eq:mean-field, the inverse must return ‖μ‖²/‖σ‖² exactly."),
            Step("11267.28", "recalled second moment of m_t", at: "反向预测 (reverse prediction), display #10",
                 claim: .approximation(Approximation(
                    (1 - beta1 ** t) ** 2 * mu ** 2 + k * (1 - beta1 ** (2 * t)) * sigma ** 2,
                    approximatedBy: mu ** 2 + k * sigma ** 2,
                    along: .increasing(t, [50, 100, 200, 400, 800]), order: .geometric(rate: beta1),
                    over: ParameterSpace([Parameter(beta1, .values([0.5, 0.9, 0.99])), Parameter(mu, .uniform(0.1, 2)),
                                          Parameter(sigma, .uniform(0.1, 3))]))),
                 remark: "Exact finite-t value from 11267.15 and 11267.17: (1-β₁^t)²μ² + k(1-β₁^{2t})σ²."),
            Step("11267.29", "norm of the momentum", at: "反向预测 (reverse prediction), display #11",
                 claim: .pending(Pending("approximation", Display(norm(.symbol(Symbol.vector("m_t", latex: "\\boldsymbol{m}_t"))), .approximately,
                                                                  sqrt(normMu ** 2 + k * normSigma ** 2)),
                                         awaiting: "Monte Carlo over the dimension d (concentration as d → ∞, issue 3)"))),
            Step("11267.30", "β₂ = 0 special case of v", at: "反向预测 (reverse prediction), prose",
                 claim: .identity(Identity(AdamW.secondMoment(after: t, beta2: 0), equals: g[t] ** 2,
                                           over: vectorGradients([Parameter(t, .integers(1...60))]))),
                 remark: "The β₂-independence of E[v_t] itself is 11267.13."),
            Step("11267.31", "norm of a single gradient", at: "反向预测 (reverse prediction), prose",
                 claim: .pending(Pending("approximation", Display(norm(g[t]) ** 2, .approximately, normMu ** 2 + normSigma ** 2),
                                         awaiting: "Monte Carlo over the dimension d (concentration as d → ∞, issue 3)"))),
            Step("11267.32", "ratio ‖m_t‖/‖g_t‖", at: "反向预测 (reverse prediction), display #12",
                 claim: .pending(Pending("approximation", Display(ratio, .approximately, meanFieldRMS),
                                         awaiting: "Monte Carlo over the dimension d (concentration as d → ∞, issue 3)"))),
            Step("11267.33", "reverse prediction from ‖m_t‖/‖g_t‖", at: "反向预测 (reverse prediction), display #13",
                 claim: .identity(Identity(snr, equals: (ratio ** 2 - k) / (1 - ratio ** 2),
                                           over: ParameterSpace(inverted + [Parameter(ratio, .derived(meanFieldRMS))]))),
                 remark: "With the ratio set to the right side of display #12, the inverse must return ‖μ‖²/‖σ‖² exactly."),
        ]
    }
}
