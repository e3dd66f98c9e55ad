import Symbolic

/// 11459.1–11459.17: the EMA reading of weight decay and the static (constant λ, η) expansion.
extension Article11459 {
    static var movingAverage: [Step] {
        let etaT: Expr = .symbol(Symbol("etaT", latex: "\\eta_t"))
        let lambdaT: Expr = .symbol(Symbol("lambdaT", latex: "\\lambda_t"))
        let thetaPrev = randomVector(Symbol.vector("thetaPrev", latex: "\\boldsymbol{\\theta}_{t-1}"), "thetaPrevSample")
        let uNow = randomVector(Symbol.vector("uNow", latex: "\\boldsymbol{u}_t"), "uNowSample")
        let space = ParameterSpace([Parameter(etaT, .logUniform(1e-4, 1e-2)), Parameter(lambdaT, .uniform(0.01, 0.5)),
                                    vectorSource("thetaPrevSample", dimension: 4), vectorSource("uNowSample", dimension: 4)])
        let mT = m[t], vT = v[t]
        return [
            Step("11459.1", "general weight-decay update", at: "滑动平均 (moving average), first display",
                 claim: .definition(Definition(theta[t], theta[t - 1] - etaF[t] * (u[t] + lambdaF[t] * theta[t - 1]), relation: .equals)),
                 remark: "{λ_t} is the WD schedule, {η_t} the LR schedule."),
            Step("11459.2", "moment EMAs and bias corrections", at: "滑动平均 (moving average), second display",
                 claim: .all([
                    .definition(Definition(mT, beta1 * m[t - 1] + (1 - beta1) * g[t], relation: .equals)),
                    .definition(Definition(mHat[t], mT / (1 - beta1 ** t), relation: .equals)),
                    .definition(Definition(vT, beta2 * v[t - 1] + (1 - beta2) * g[t] ** 2, relation: .equals)),
                    .definition(Definition(vHat[t], vT / (1 - beta2 ** t), relation: .equals)),
                 ]),
                 remark: "m₀ = v₀ = 0; the recursions are Shared/AdamW.swift."),
            Step("11459.3", "update rules: SGDM, RMSProp, Adam, SignSGDM, Muon", at: "滑动平均 (moving average), sentence after the second display",
                 claim: .all([
                    .definition(Definition(u[t], mT, relation: .equals)),
                    .definition(Definition(u[t], g[t] / (sqrt(vT) + epsilon), relation: .equals)),
                    .definition(Definition(u[t], mHat[t] / (sqrt(vHat[t]) + epsilon), relation: .equals)),
                    .definition(Definition(u[t], sign(mT), relation: .equals)),
                    .definition(Definition(u[t], EqualWeightNumerics.muonUpdateEntry(1, beta1, 0, 0), relation: .equals)),
                 ]),
                 remark: "Muon's msign(M) = UVᵀ (SVD M = UΣVᵀ) is rendered through the function used in 11459.51; ε = 0 in every check."),
            Step("11459.4", "decay factor pulled out", at: "滑动平均 (moving average), eq:wd-ema, first =",
                 claim: .identity(Identity(thetaPrev - etaT * (uNow + lambdaT * thetaPrev), equals: (1 - lambdaT * etaT) * thetaPrev - etaT * uNow,
                                           over: space))),
            Step("11459.5", "EMA form of weight decay", at: "滑动平均 (moving average), eq:wd-ema, second =",
                 claim: .identity(Identity((1 - lambdaT * etaT) * thetaPrev - etaT * uNow,
                                           equals: (1 - lambdaT * etaT) * thetaPrev + lambdaT * etaT * (-uNow / lambdaT), over: space)),
                 remark: "λ_t ∈ [0.01, 0.5] > 0: the form divides by λ_t."),
        ]
    }

    /// η, λ over the inventory's static ranges and β₃ = 1 - λη after them.
    static let staticDecay: [Parameter] = [Parameter(eta, .logUniform(1e-3, 1e-2)), Parameter(lambda, .uniform(0.01, 0.5)),
                                           Parameter(beta3, .derived(1 - lambda * eta))]

    static var expansion: [Step] {
        let thetaPrev = randomVector(Symbol.vector("thetaPrev", latex: "\\boldsymbol{\\theta}_{t-1}"), "thetaPrevSample")
        let uNow = randomVector(Symbol.vector("uNow", latex: "\\boldsymbol{u}_t"), "uNowSample")
        let weights = AdamW.weights(after: t, initial: theta[0], updates: u)
        let vectors: [Parameter] = [Parameter(theta[0], .family(dimension: 3, lower: -1, upper: 1)),
                                    Parameter(u[i], .family(dimension: 3, lower: -1, upper: 1))]
        let fifteen = Parameter(t, .fixed(15))
        let betas = [Parameter(beta1, .uniform(0.8, 0.95)), Parameter(beta2, .uniform(0.9, 0.999))]
        let adamSpace = ParameterSpace(betas + staticDecay + [fifteen, gradients(3)])
        let uBar = Expr.named(Symbol.vector("ubar", latex: "\\bar{\\boldsymbol{u}}_t"), average { i in u[i] })
        let mSum = { (n: Expr) in unrolled(beta1, n) { j in g[j] } }
        let vSum = { (n: Expr) in unrolled(beta2, n) { j in g[j] ** 2 } }
        let mBar = Expr.named(Symbol.vector("mbar", latex: "\\bar{\\boldsymbol{m}}_t"), average { i in AdamW.momentum(after: i) })
        let vBar = Expr.named(Symbol.vector("vbar", latex: "\\bar{\\boldsymbol{v}}_t"), average { i in AdamW.secondMoment(after: i) })
        let doubleSum = { (beta: Expr, x: (Expr) -> Expr) in
            (1 - beta3) * (1 - beta) / (1 - beta3 ** t) * sum("i", 1, t) { i in beta3 ** (t - i) * sum("j", 1, i) { j in beta ** (i - j) * x(j) } }
        }
        let closed = { (beta: Expr, x: (Expr) -> Expr) in
            (1 - beta3) * (1 - beta) / ((1 - beta3 ** t) * (beta3 - beta))
                * sum("j", 1, t) { j in (beta3 ** (t - j + 1) - beta ** (t - j + 1)) * x(j) }
        }
        let a = Family(Symbol("a")), b = Family(Symbol("b"))
        let ratioT: Expr = .symbol(Symbol("tSteps", latex: "t"))
        return [
            Step("11459.6", "EMA with β₃ = 1 - λη", at: "迭代展开 (iterative expansion), first sentence",
                 kind: "identity",
                 claim: .all([
                    .definition(Definition(beta3, 1 - lambda * eta, relation: .equals)),
                    .identity(Identity(beta3 * thetaPrev + (1 - beta3) * (-uNow / lambda), equals: (1 - lambda * eta) * thetaPrev - eta * uNow,
                                       over: ParameterSpace(staticDecay + [vectorSource("thetaPrevSample", dimension: 3),
                                                                           vectorSource("uNowSample", dimension: 3)]))),
                 ]), expected: .holds),
            Step("11459.7", "unrolled static recursion", at: "迭代展开 (iterative expansion), first display",
                 claim: .identity(Identity(weights, equals: beta3 ** t * theta[0] + (1 - beta3) * sum("i", 1, t) { i in beta3 ** (t - i) * (-u[i] / lambda) },
                                           over: ParameterSpace(staticDecay + [fifteen] + vectors))),
                 remark: "θ_t is the recursion of 11459.4 run at full precision for arbitrary u_i."),
            Step("11459.8", "Adam update without bias correction and ε", at: "迭代展开 (iterative expansion), sentence before eq:u-bar",
                 claim: .approximation(Approximation(
                    AdamW.update(after: t, epsilon: 0), approximatedBy: adamUpdate(t),
                    along: .increasing(t, [10, 100, 1000, 10_000]), order: .geometric(rate: .call(.max, [beta1, beta2])),
                    over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .values([0.95, 0.999])), gradients(nil)]),
                    display: Display(u[t], .approximately, m[t] / sqrt(v[t]), regime: "t\\to\\infty,\\ \\epsilon=0"))),
                 remark: "The ratio of the two updates is √(1-β₂^t)/(1-β₁^t) for any gradients; the error falls like max(β₁, β₂)^t (errors below 10⁻⁵⁶ are at the precision floor and leave the order test)."),
            Step("11459.9", "static ū_t under u_i = m_i/√v_i", at: "迭代展开 (iterative expansion), eq:u-bar, 记为 and first =",
                 claim: .identity(Identity(.named(Symbol.vector("ubar", latex: "\\bar{\\boldsymbol{u}}_t"), average { i in adamUpdate(i) }),
                                           equals: average { i in mSum(i) / sqrt(vSum(i)) }, over: adamSpace)),
                 remark: "Left: the β₃-average of the optimizer's updates, run on the recursions; right: the printed sum with m_i, v_i unrolled."),
            Step("11459.10", "static mean-field step", at: "迭代展开 (iterative expansion), eq:u-bar, ≈",
                 claim: .withDigits(12, .meanField(MeanFieldClaim(
                    Display(uBar, .approximately, mBar / sqrt(vBar), regime: "\\text{mean field}"),
                    exact: EqualWeightNumerics.meanField(0, 5000, 20_000, 11_459_010, 0),
                    heuristic: EqualWeightNumerics.meanField(0, 5000, 20_000, 11_459_010, 1),
                    over: .empty, tolerance: 0.1025))),
                 remark: "Literal AdamW (bias-corrected, ε = 0), g ~ N(0, 1), d = 2·10⁴ independent coordinates, T = 5000, η = 2·10⁻³, λ = 0.2 (β₃ = 0.9996), β = (0.9, 0.95): E[ū_t²] against E[m̄_t²/v̄_t] (m̄, v̄ from m_i, v_i as printed). The article gives no tolerance ('classic mean-field approximation'); 11307's reading of its own standard (5 % on an RMS, 10.25 % on a square) is used. Simulated ratio and its delta-method standard error: see `derive show`. The exact E[m̄²/v̄] by 11404.14's quadrature is not encoded here (11404's machinery).",
                 tables: [Tabulation("paired ratio E[ū²]/E[m̄²/v̄] (delta-method standard error)", columns: ["E ū²", "E m̄²/v̄", "ratio", "s.e."]) { _ in
                    [EqualWeightNumerics.meanFieldRatio(mode: 0, steps: 5000, coordinates: 20_000, seed: 11_459_010, cache: nil).map { formatShort($0) }]
                 }]),
            Step("11459.11", "unrolled EMAs", at: "迭代展开 (iterative expansion), sentence after eq:u-bar",
                 claim: .all([
                    .identity(Identity(AdamW.momentum(after: t), equals: mSum(t), over: adamSpace)),
                    .identity(Identity(AdamW.secondMoment(after: t), equals: vSum(t), over: adamSpace)),
                 ])),
            Step("11459.12", "static m̄_t, substitution", at: "迭代展开 (iterative expansion), gather display line 1, first =",
                 claim: .identity(Identity(mBar, equals: doubleSum(beta1) { j in g[j] }, over: adamSpace))),
            Step("11459.13", "static m̄_t, closed-form gradient weights", at: "迭代展开 (iterative expansion), gather display line 1, second =",
                 claim: .identity(Identity(doubleSum(beta1) { j in g[j] }, equals: closed(beta1) { j in g[j] }, over: adamSpace)),
                 remark: "β₃ ≥ 0.995 > β₁: the coefficient of g_j is ∝ β₃^{t-j+1} - β₁^{t-j+1}, the weight the article reads off."),
            Step("11459.14", "static v̄_t, substitution", at: "迭代展开 (iterative expansion), gather display line 2, first =",
                 claim: .identity(Identity(vBar, equals: doubleSum(beta2) { j in g[j] ** 2 }, over: adamSpace))),
            Step("11459.15", "static v̄_t, closed-form weights", at: "迭代展开 (iterative expansion), gather display line 2, second =",
                 claim: .identity(Identity(doubleSum(beta2) { j in g[j] ** 2 }, equals: closed(beta2) { j in g[j] ** 2 }, over: adamSpace)),
                 remark: "β₂ ∈ [0.9, 0.999] and β₃ ∈ [0.995, 0.99999] fall on either side of each other; the identity needs only β₃ ≠ β₂."),
            Step("11459.16", "exchange of a triangular double sum", at: "迭代展开 (iterative expansion), sentence after the gather display",
                 claim: .identity(Identity(sum("i", 1, ratioT) { i in sum("j", 1, i) { j in a[i] * b[j] } },
                                           equals: sum("j", 1, ratioT) { j in sum("i", j, ratioT) { i in a[i] * b[j] } },
                                           over: ParameterSpace([Parameter(ratioT, .fixed(15)),
                                                                 Parameter(a[i], .family(dimension: nil, lower: -1, upper: 1)),
                                                                 Parameter(b[j], .family(dimension: nil, lower: -1, upper: 1))])))),
            Step("11459.17", "θ_t as a weighted average of θ₀ and -ū_t/λ", at: "迭代展开 (iterative expansion), eq:theta-0-bar-u",
                 claim: .identity(Identity(weights, equals: beta3 ** t * theta[0] + (1 - beta3 ** t) * (-uBar / lambda),
                                           over: ParameterSpace(staticDecay + [fifteen] + vectors))),
                 remark: "ū_t the weighted average of the u_i (eq:u-bar, first expression); the weights β₃^t and 1-β₃^t sum to 1, and θ₀'s weight is β₃^t."),
        ]
    }
}

/// A Double for a table cell, six significant digits.
func formatShort(_ x: Double) -> String { BigFloat(x).decimalString(digits: 6) }
