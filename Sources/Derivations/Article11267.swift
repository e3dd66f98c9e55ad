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
    static let vHat: Expr = .symbol(Symbol.vector("vhat", latex: "\\hat{\\boldsymbol{v}}_t"))
    static let updateRMSSymbol: Expr = .symbol(Symbol("U", latex: "\\Vert\\boldsymbol{u}_t\\Vert_{RMS}"))

    /// The exact stationary Update RMS for Gaussian gradients (σ = 1), Extension E1, by quadrature.
    static func exactRMS(_ b1: Expr, _ b2: Expr, _ m: Expr) -> Expr {
        sqrt(AdamStationaryMoments.updateSecondMoment(b1, b2, m))
    }
    static let u2 = Expr.named(Symbol("Eu2", latex: "\\mathbb{E}[\\boldsymbol{u}_t^2]"), AdamStationaryMoments.updateSecondMoment(beta1, beta2, mu))
    /// The Gaussian gradient model of the article: g_i ~ N(μ, σ²) per coordinate.
    static let gradientRules = [ExpectationModel.MomentRule("g", .mean, mu),
                                ExpectationModel.MomentRule("g", .secondMoment, mu ** 2 + sigma ** 2)]
    static func gaussianGradients(_ extra: [Parameter]) -> ParameterSpace {
        ParameterSpace(extra + [Parameter(mu, .fixed(0.4)), Parameter(sigma, .fixed(1.3)),
                                Parameter(g[N.i], .gaussianFamily(dimension: nil, mean: 0.4, sd: 1.3))])
    }

    static let m = AdamW.momentum(after: t)
    static let v = AdamW.secondMoment(after: t)
    static func scalarGradients(_ extra: [Parameter]) -> ParameterSpace {
        ParameterSpace(extra + [Parameter(g[N.i], .family(dimension: nil, lower: -2, upper: 2))])
    }
    static func vectorGradients(_ extra: [Parameter]) -> ParameterSpace {
        ParameterSpace(extra + [Parameter(g[N.i], .family(dimension: 3, lower: -2, upper: 2))])
    }

    /// 11267.6 as three checks on the exact stationary RMS: (a) the direction in β₁ at β₂ = 0.95,
    /// (b) the spread over β₂ ∈ [0.9, 0.99] below the spread over β₁ ∈ [0.5, 0.95], (c) increasing in μ.
    static func updateRMSDependence(increasingInBeta1: Bool) -> [Claim] {
        let overBeta1 = [Expr(0.5), 0.8, 0.9, 0.95].map { exactRMS($0, 0.95, 0) }
        let ordered = increasingInBeta1 ? overBeta1 : overBeta1.reversed()
        let overMean = [Expr(0), 0.1, 0.3, 0.5].map { exactRMS(0.9, 0.95, $0) }
        func increasing(_ values: [Expr]) -> [Claim] {
            zip(values, values.dropFirst()).map { .inequality(Inequality($0, lessThan: $1, strict: true, over: .empty)) }
        }
        return increasing(ordered) + [
            .inequality(Inequality(abs(exactRMS(0.9, 0.99, 0) - exactRMS(0.9, 0.9, 0)),
                                   lessThan: abs(exactRMS(0.95, 0.95, 0) - exactRMS(0.5, 0.95, 0)), strict: true, over: .empty)),
        ] + increasing(overMean)
    }

    static var steps: [Step] { introduction + meanField + analysis + reversePrediction }

    // MARK: 问题引入 / 数值模拟 (problem and simulation)

    static var introduction: [Step] {
        [
            Step("11267.1", "empirical level of Adam's Update RMS", at: "问题引入 (problem), prose",
                 claim: .all([
                    .numeric(NumericClaim(sqrt(k), quote: "[0.2, 0.3]", style: .within(0.2, 0.3),
                                          at: ParameterSpace([Parameter(beta1, .fixed(0.9))]))),
                    .withDigits(20, .numeric(NumericClaim(exactRMS(0.9, 0.95, 0), quote: "[0.2, 0.3]", style: .within(0.2, 0.3)))),
                 ]),
                 remark: "The training observation is not checkable: (a) the mean-field value sqrt((1-β₁)/(1+β₁)) and (b) the exact stationary RMS for Gaussian noise (Extension E1, by quadrature) at β₁ = 0.9, β₂ = 0.95 both lie in [0.2, 0.3]."),
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
                        1 / (sqrt(vHat) + epsilon), approximatedBy: 1 / sqrt(vHat),
                        along: .decades(epsilon, from: 4, to: 8), order: .power(1),
                        over: ParameterSpace([Parameter(vHat, .values([1e-6, 1e-2, 1]))]))),
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
                 claim: .withDigits(20, .monteCarlo(MonteCarloClaim(
                    Display(rmsNorm(.named(Symbol.vector("u", latex: "\\boldsymbol{u}_T"), 0)), .approximately, 0.225),
                    simulation: AdamSimulation.updateRMSScript(coordinates: 10_000, steps: 2_000, beta1: 0.9, beta2: 0.95),
                    quote: "0.225", quoted: .singleRun, replicates: 12, reference: exactRMS(0.9, 0.95, 0)))),
                 remark: "The script as printed (N = 10⁴, T = 2000, seeded); the quote is one run, so its spread is one run's. The exact stationary value (Extension E1) is shown beside."),
            Step("11267.6", "Monte Carlo: Update RMS grows with β₁ and the SNR, barely depends on β₂",
                 at: "数值模拟 (simulation), prose after the script",
                 kind: "monte-carlo-claim",
                 claim: .withDigits(20, .all(updateRMSDependence(increasingInBeta1: true))),
                 correction: Step.Correction(.withDigits(20, .all(updateRMSDependence(increasingInBeta1: false))),
                                             note: "The Update RMS falls as β₁ grows (0.565, 0.327, 0.226, 0.159 at β₁ = 0.5, 0.8, 0.9, 0.95), as the article's own sqrt((1-β₁)/(1+β₁)) says: it is positively correlated with 1-β₁, not β₁."),
                 remark: "Checked on the exact stationary RMS (Extension E1) rather than a noisy simulation: (a) β₁ up, (b) β₂ flat relative to β₁, (c) SNR up. β₂ = 0.999 is left out for cost (1/(1-β₂) terms per node)."),
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
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(Display(.expectation(m ** 2 / v), .approximately, .expectation(m ** 2) / .expectation(v)),
                                              exact: u2, heuristic: (mu ** 2 + k) / (mu ** 2 + 1), over: meanFieldGrid, tolerance: 0.1)),
                    // The gap closes as β₂ → 1, linearly in 1 - β₂ (at μ = 0, β₁ = 0.9).
                    .approximation(Approximation(u2, approximatedBy: k,
                                                 along: RegimePath(.symbol("h"), [Expr.rational(1, 20), Expr.rational(1, 40), Expr.rational(1, 80), Expr.rational(1, 160)], .toZero),
                                                 order: .power(1),
                                                 over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .derived(1 - .symbol("h"))),
                                                                       Parameter(mu, .fixed(0))]))),
                 ])),
                 remark: "Exact E[m²/v] for Gaussian gradients (σ = 1, Extension E1) against E[m²]/E[v] = (μ² + k)/(μ² + 1). The article states no size for the error; 10 % is the tolerance beyond which 'approximately' would mislead for a quantity near 0.05."),
            Step("11267.9", "definition: gradient moments", at: "平均近似 (mean approximation), inline",
                 claim: .all([.definition(Definition(.expectation(g[t]), mu, relation: .equals)),
                              .definition(Definition(.expectation(g[t] ** 2), mu ** 2 + sigma ** 2, relation: .equals))])),
            Step("11267.10", "E[v_t] by linearity", at: "平均近似 (mean approximation), display #4 line 1",
                 claim: .expectationIdentity(ExpectationIdentity(
                    .expectation(v), equals: (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * .expectation(g[i] ** 2) },
                    over: gaussianGradients([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...12))]))),
                 remark: "Linearity of E: with sample moments over common draws the two sides agree draw by draw."),
            Step("11267.11", "E[v_t]: identical distribution", at: "平均近似 (mean approximation), display #4 line 2",
                 claim: .expectationIdentity(ExpectationIdentity(
                    (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * .expectation(g[i] ** 2) },
                    equals: (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * (mu ** 2 + sigma ** 2) },
                    over: gaussianGradients([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...12))]), rules: gradientRules)),
                 remark: "Substitution of the moments of 11267.9 (the model's moment rules) under the sum."),
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
                 claim: .expectationIdentity(ExpectationIdentity(
                    .expectation(m ** 2), equals: .expectation(m) ** 2 + .variance(m),
                    over: gaussianGradients([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(t, .integers(1...12))]))),
                 remark: "The definition of the variance; it holds exactly for sample moments (Var with 1/n)."),
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
                    .withDigits(20, .meanField(MeanFieldClaim(Display(.expectation(u ** 2), .approximately,
                                                                      (mu ** 2 + k * sigma ** 2) / (mu ** 2 + sigma ** 2)),
                                                              exact: u2, heuristic: (mu ** 2 + k) / (mu ** 2 + 1), over: meanFieldGrid, tolerance: 0.1))),
                 ]),
                 remark: "(a) the algebra composing 11267.13/.15/.18 inside 11267.8; (b) against the exact Gaussian E[u²] (Extension E1, σ = 1), same tolerance as 11267.8."),
        ]
    }

    // MARK: 结果分析 (analysis of results)

    /// Per-coordinate mean and spread vectors for 11267.20 (d = 1000).
    static let muVector = Family(Symbol.vector("muDraw", latex: "\\boldsymbol{\\mu}"))[0]
    static let sigmaVector = Family(Symbol.vector("sigmaDraw", latex: "\\boldsymbol{\\sigma}"))[0]
    static let c: Expr = .symbol(Symbol("c"))
    static let k9 = (1 - Expr(0.9)) / (1 + Expr(0.9))
    /// d = 20 000 coordinates: the gap is a mean over coordinates, so its spread between draws
    /// falls like 1/√d; at d = 1000 the β₁ = 0.95 gap crossed the 10 % line on some seeds, so the
    /// verdict told the draw, not the distribution.
    static let heterogeneousCoordinates = ParameterSpace([
        Parameter(beta1, .values([0.8, 0.9, 0.95])),
        Parameter(Family(Symbol("muDraw"))[0], .gaussianFamily(dimension: 20_000, mean: 0, sd: 0.3)),
        Parameter(Family(Symbol("sigmaDraw"))[0], .family(dimension: 20_000, lower: 0.5, upper: 1.5)),
    ])
    static let meanFieldGrid = ParameterSpace([
        Parameter(beta1, .values([0.5, 0.9, 0.95])), Parameter(beta2, .values([0.95])), Parameter(mu, .values([0, 0.3, 1])),
    ])

    static var analysis: [Step] {
        let snr = normMu ** 2 / normSigma ** 2
        let norms = [Parameter(normMu, .uniform(0, 2.2)), Parameter(normSigma, .uniform(0.32, 2.2)), Parameter(beta1, .uniform(0.1, 0.99))]
        return [
            Step("11267.20", "averaging over components", at: "结果分析 (analysis), eq:mean-field, first ≈",
                 claim: .all([
                    // Heterogeneous coordinates: the mean of per-coordinate E[u_i²] against the ratio of sums.
                    .meanField(MeanFieldClaim(Display(updateRMSSymbol ** 2, .approximately, meanFieldRMS ** 2),
                                              exact: .call(.componentMean, [(muVector ** 2 + k * sigmaVector ** 2) / (muVector ** 2 + sigmaVector ** 2)]),
                                              heuristic: (dot(muVector, muVector) + k * dot(sigmaVector, sigmaVector))
                                                / (dot(muVector, muVector) + dot(sigmaVector, sigmaVector)),
                                              over: heterogeneousCoordinates, tolerance: 0.1)),
                    // Exact when every coordinate has the same SNR (μ_i = cσ_i).
                    .identity(Identity(.call(.componentMean, [(c ** 2 * sigmaVector ** 2 + k * sigmaVector ** 2) / (c ** 2 * sigmaVector ** 2 + sigmaVector ** 2)]),
                                       equals: (c ** 2 * dot(sigmaVector, sigmaVector) + k * dot(sigmaVector, sigmaVector))
                                        / (c ** 2 * dot(sigmaVector, sigmaVector) + dot(sigmaVector, sigmaVector)),
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(c, .uniform(0, 2)),
                                                             Parameter(Family(Symbol("sigmaDraw"))[0], .family(dimension: 50, lower: 0.5, upper: 1.5))]))),
                 ]),
                 remark: "Per-coordinate E[u_i²] from 11267.19, d = 20 000 coordinates with μ_i ~ N(0, 0.3²), σ_i ~ U(0.5, 1.5), β₁ ∈ {0.8, 0.9, 0.95}; the article states no size for the gap (10 % allowed, as in 11267.8)."),
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
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(updateRMSSymbol, .approximately, sqrt(k)), exact: exactRMS(beta1, beta2, 0), heuristic: sqrt(k),
                    over: ParameterSpace([Parameter(beta1, .values([0.5, 0.8, 0.9, 0.95])), Parameter(beta2, .values([0.9, 0.95, 0.99]))]),
                    tolerance: 0.05))),
                 remark: "The exact stationary RMS (Extension E1) stands in for the figure's simulation. 'Almost coincide for β₂ ≥ 0.9' is read as within 5 %; β₂ = 0.999 is left out for cost."),
            Step("11267.26", "figure 2: simulation vs mean field over (β₁, SNR)", at: "结果分析 (analysis), second figure and prose",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(
                        Display(updateRMSSymbol, .approximately, meanFieldRMS), exact: exactRMS(beta1, 0.95, mu),
                        heuristic: sqrt((mu ** 2 + k) / (mu ** 2 + 1)),
                        over: ParameterSpace([Parameter(beta1, .values([0.8, 0.9, 0.95])), Parameter(mu, .values([0, 0.1, 0.3, 0.5, 1]))]),
                        tolerance: 0.1)),
                    // The error grows with the SNR over the small-SNR range (β₁ = 0.9): |gap| at μ = 0.5 exceeds that at μ = 0.
                    .inequality(Inequality(abs(sqrt(k9) - exactRMS(0.9, 0.95, 0)) / exactRMS(0.9, 0.95, 0),
                                           lessThan: abs(sqrt((0.25 + k9) / 1.25) - exactRMS(0.9, 0.95, 0.5)) / exactRMS(0.9, 0.95, 0.5),
                                           strict: true, over: .empty)),
                 ])),
                 remark: "σ = 1 and SNR = μ²; β₂ = 0.95 (the figure's β₂ is not stated). 'Still a good approximation' for SNR ≤ 1 is read as within 10 %; the remark about real-training SNR is not checkable."),
        ]
    }

    // MARK: 反向预测 (reverse prediction)

    static let concentrationSizes = [1_000, 10_000, 100_000]
    /// Stationary draws at β₁ = 0.9; the displayed right side is evaluated at each draw's ‖μ‖, ‖σ‖.
    static func concentrationSample(_ observe: @escaping @Sendable (MomentumConcentration.Draw) -> Double) -> ScalingClaim.Sample {
        MomentumConcentration.sample(beta1: 0.9, normMu: normMu.asSymbol, normSigma: normSigma.asSymbol, beta: beta1.asSymbol, observe: observe)
    }
    static let concentrationRemark = "RMS over 48 seeded draws of the relative error, per coordinate μ_i ~ N(0, 0.3²), σ_i ~ U(0.5, 1.5), β₁ = 0.9, stationary Gaussian momentum; it must shrink like d^{-1/2}."

    static var reversePrediction: [Step] {
        let snr = normMu ** 2 / normSigma ** 2
        let ratio: Expr = .symbol(Symbol("R", latex: "\\Vert\\boldsymbol{m}_t\\Vert/\\Vert\\boldsymbol{g}_t\\Vert"))
        // The observed RMS (or momentum ratio) is taken to be exactly eq:mean-field: the inversion is algebra.
        let inverted = [Parameter(normMu, .uniform(0, 2.2)), Parameter(normSigma, .uniform(0.32, 2.2)),
                        Parameter(beta1, .uniform(0.1, 0.99))]
        return [
            Step("11267.27", "reverse prediction of the SNR from the Update RMS", at: "反向预测 (reverse prediction), display #9",
                 // At ‖μ‖ = 0 (an end of the range) both sides are 0 and only an absolute
                 // difference means anything: measured against 1, the SNR's own unit.
                 claim: .identity(Identity(snr, equals: (updateRMSSymbol ** 2 - k) / (1 - updateRMSSymbol ** 2),
                                           over: ParameterSpace(inverted + [Parameter(updateRMSSymbol, .derived(meanFieldRMS))]), scale: 1)),
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
                 claim: .scaling(ScalingClaim(Display(norm(.symbol(Symbol.vector("m_t", latex: "\\boldsymbol{m}_t"))), .approximately,
                                                      sqrt(normMu ** 2 + k * normSigma ** 2)),
                                              sizes: concentrationSizes, replicates: 48, expectedOrder: 0.5,
                                              sample: concentrationSample { ($0.mSquared).squareRoot() })),
                 remark: concentrationRemark),
            Step("11267.30", "β₂ = 0 special case of v", at: "反向预测 (reverse prediction), prose",
                 claim: .identity(Identity(AdamW.secondMoment(after: t, beta2: 0), equals: g[t] ** 2,
                                           over: vectorGradients([Parameter(t, .integers(1...60))]))),
                 remark: "The β₂-independence of E[v_t] itself is 11267.13."),
            Step("11267.31", "norm of a single gradient", at: "反向预测 (reverse prediction), prose",
                 claim: .scaling(ScalingClaim(Display(norm(g[t]) ** 2, .approximately, normMu ** 2 + normSigma ** 2),
                                              sizes: concentrationSizes, replicates: 48, expectedOrder: 0.5,
                                              sample: concentrationSample { $0.gSquared })),
                 remark: concentrationRemark),
            Step("11267.32", "ratio ‖m_t‖/‖g_t‖", at: "反向预测 (reverse prediction), display #12",
                 claim: .scaling(ScalingClaim(Display(ratio, .approximately, meanFieldRMS),
                                              sizes: concentrationSizes, replicates: 48, expectedOrder: 0.5,
                                              sample: concentrationSample { ($0.mSquared / $0.gSquared).squareRoot() })),
                 remark: concentrationRemark + " m_t and g_t are correlated through m_t = β₁m_{t-1} + (1-β₁)g_t."),
            Step("11267.33", "reverse prediction from ‖m_t‖/‖g_t‖", at: "反向预测 (reverse prediction), display #13",
                 claim: .identity(Identity(snr, equals: (ratio ** 2 - k) / (1 - ratio ** 2),
                                           over: ParameterSpace(inverted + [Parameter(ratio, .derived(meanFieldRMS))]), scale: 1)),
                 remark: "With the ratio set to the right side of display #12, the inverse must return ‖μ‖²/‖σ‖² exactly."),
        ]
    }
}
