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
    static let (beta1, beta2, t, mu, sigma, i) = (N.beta1, N.beta2, N.t, N.mu, N.sigma, N.i)
    static let g = N.g
    /// k = (1-β₁)/(1+β₁), the stationary variance factor of the momentum.
    static let k = (1 - beta1) / (1 + beta1)

    static let pendingStatistics = "exact Gaussian expectations (quadrature) and seeded Monte Carlo (issue 3)"

    static var steps: [Step] {
        [
            Step("11267.4", "EMA expansions of m_t and v_t", at: "问题引入 (problem), display #2",
                 claim: .all([
                    .identity(Identity(AdamW.momentum(after: t),
                                       equals: (1 - beta1) * sum("i", 1, t) { i in beta1 ** (t - i) * g[i] },
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.01, 0.99)), Parameter(t, .integers(1...60)),
                                                             Parameter(g[i], .family(dimension: 3, lower: -2, upper: 2))]))),
                    .identity(Identity(AdamW.secondMoment(after: t),
                                       equals: (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * g[i] ** 2 },
                                       over: ParameterSpace([Parameter(beta2, .uniform(0.01, 0.99)), Parameter(t, .integers(1...60)),
                                                             Parameter(g[i], .family(dimension: 3, lower: -2, upper: 2))]))),
                 ]),
                 remark: "The recursions of display #1 (m₀ = v₀ = 0) are run at full precision and compared with the closed sums."),
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
            Step("11267.5", "Monte Carlo: Update RMS ≈ 0.225", at: "数值模拟 (simulation), script and prose",
                 claim: .pending(Pending("monte-carlo-claim",
                                         Display(rmsNorm(.named(Symbol.vector("u", latex: "\\boldsymbol{u}_T"), 0)), .approximately, 0.225),
                                         awaiting: pendingStatistics))),
            Step("11267.24", "numeric value at β₁ = 0.9", at: "结果分析 (analysis), inline after display #8",
                 claim: .numeric(NumericClaim(sqrt(k), quote: "0.2294", style: .leadingDigits,
                                              at: ParameterSpace([Parameter(beta1, .fixed(0.9))])))),
        ]
    }
}
