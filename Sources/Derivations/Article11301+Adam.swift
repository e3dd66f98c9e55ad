import Symbolic

/// 11301.24–11301.36: Adam (双重滑动) and the two special cases (两个特例).
extension Article11301 {
    /// eq:u2-adam, right-hand side.
    static let u2Adam = (gVector ** 2 + k * sigma2Vector / batch) / (gVector ** 2 + sigma2Vector / batch)

    static var adam: [Step] {
        let m = Family(Symbol.vector("m"))
        let v = Family(Symbol.vector("v"))
        let theta = Family(Symbol.vector("theta"))
        let mHat = Family(Symbol.vector("mhat", latex: "\\hat{\\boldsymbol{m}}"))
        let vHat = Family(Symbol.vector("vhat", latex: "\\hat{\\boldsymbol{v}}"))
        let epsilon = N.epsilon
        let mNow = Expr.symbol(Symbol.vector("mt", latex: "\\boldsymbol{m}_t"))
        let vNow = Expr.symbol(Symbol.vector("vt", latex: "\\boldsymbol{v}_t"))
        let vectorGradients = Parameter(g[i], .family(dimension: 3, lower: -2, upper: 2))
        let adamGrid = { (snrs: [Expr]) in
            ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .values([0.95, 0.99, 0.999])), Parameter(snr, .values(snrs))])
        }
        // 11301.27: g̃_s = g_s + √(σ_s²/B) ξ_s, scalar, time-varying g_s, σ_s².
        let gMean = scalarFamily("gm", latex: "g")
        let variance = scalarFamily("s2", latex: "\\sigma^2")
        let xi = scalarFamily("xi", latex: "\\xi")
        let noisy = { (s: Expr) in gMean[s] + sqrt(variance[s] / batch) * xi[s] }
        let secondMomentSum = (1 - beta2) * sum("s", 1, t) { s in beta2 ** (t - s) * noisy(s) ** 2 }
        let previous = Symbol("x_prev", latex: "x")
        let expectedRecursion = Expr.recurrence(Recurrence(
            Symbol("Ev", latex: "\\mathbb{E}[v]"), previous: previous, index: Symbol("s"), initial: 0,
            step: beta2 * .symbol(previous) + (1 - beta2) * (gMean[.symbol(Symbol("s"))] ** 2 + variance[.symbol(Symbol("s"))] / batch), count: t))
        let varianceSpace = { (extra: [Parameter]) in
            ParameterSpace(extra + [Parameter(batch, .uniform(1, 64)), Parameter(gMean[i], .family(dimension: nil, lower: -2, upper: 2)),
                                    Parameter(variance[i], .family(dimension: nil, lower: 0.1, upper: 3)),
                                    Parameter(xi[i], .gaussianFamily(dimension: nil, mean: 0, sd: 1))])
        }
        let scalarG = Expr.symbol(Symbol("g", latex: "g_t"))
        let scalarS2 = Expr.symbol(Symbol("sigma2", latex: "\\sigma_t^2"))
        let averagingOne = indexAveraging(factor: 1)
        let meanM = Expr.named(Symbol.vector("Em", latex: "\\mathbb{E}[\\boldsymbol{m}_t]"), gVector)
        let varM = Expr.named(Symbol.vector("Varm", latex: "\\mathbb{V}\\text{ar}[\\boldsymbol{m}_t]"),
                              (1 - beta1) ** 2 / (1 - beta1 ** 2) * sigma2Vector / batch)
        let meanV = Expr.named(Symbol.vector("Ev", latex: "\\mathbb{E}[\\boldsymbol{v}_t]"), gVector ** 2 + sigma2Vector / batch)
        return [
            Step("11301.24", "definition: Adam", at: "双重滑动 (double moving average), display #12",
                 claim: .all([
                    .definition(Definition(m[t], beta1 * m[t - 1] + (1 - beta1) * g[t], relation: .equals)),
                    .definition(Definition(v[t], beta2 * v[t - 1] + (1 - beta2) * g[t] ** 2, relation: .equals)),
                    .definition(Definition(mHat[t], m[t] / (1 - beta1 ** t), relation: .equals)),
                    .definition(Definition(vHat[t], v[t] / (1 - beta2 ** t), relation: .equals)),
                    .definition(Definition(theta[t], theta[t - 1] - .indexed(Symbol("eta"), [t]) * mHat[t] / (sqrt(vHat[t]) + epsilon), relation: .equals)),
                 ]),
                 remark: "Run as recurrences in Shared/AdamW.swift."),
            Step("11301.25", "t → ∞, ε = 0: φ = m_t/√v_t", at: "双重滑动 (double moving average), prose after display #12",
                 kind: "limit",
                 claim: .all([
                    .identity(Identity(AdamW.update(after: t, epsilon: 0),
                                       equals: AdamW.momentum(after: t) / sqrt(AdamW.secondMoment(after: t)) * sqrt(1 - beta2 ** t) / (1 - beta1 ** t),
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(beta2, .uniform(0.5, 0.999)),
                                                             Parameter(t, .integers(1...40)), vectorGradients]))),
                    .limit(Limit(sqrt(1 - beta2 ** t) / (1 - beta1 ** t), tendsTo: 1, along: .increasing(t, [1000, 2000, 5000, 10_000]),
                                 order: .geometric(rate: beta2),
                                 over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .fixed(0.999))]))),
                 ]),
                 remark: "(a) m̂/√v̂ = (m/√v)·√(1-β₂^t)/(1-β₁^t) on the recursions; (b) the factor tends to 1 at rate β₂ (β₂ = 0.999, t up to 10⁴)."),
            Step("11301.26", "mean field: E[m/√v] ≈ E[m]/√E[v]", at: "双重滑动 (double moving average), display #13",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(expectation(mNow / sqrt(vNow)), .approximately, expectation(mNow) / sqrt(expectation(vNow)),
                            regime: "\\text{Gaussian noise},\\ t\\to\\infty"),
                    exact: EMABatchSizeSimulation.adamMoment(beta1, beta2, snr, 0), heuristic: snr / sqrt(snr ** 2 + 1),
                    over: adamGrid([0.5, 1, 2]), tolerance: meanFieldTolerance))),
                 remark: "Seeded stationary Adam chains (as 11301.3), g̃ ~ N(r, 1), r = g/(σ/√B), β₁ = 0.9, β₂ ∈ {0.95, 0.99, 0.999}; E[m]/√E[v] = r/√(r²+1). Tolerance 10 % fixed beforehand (no size stated). MC ± s.e., gaps and the leading-order correction of the inventory's Extension are in `derive show 11301.26`.",
                 tables: [adamTable]),
            Step("11301.27", "E[v_t] by linearity", at: "双重滑动 (double moving average), display #14, equalities",
                 claim: .all([
                    .expectationIdentity(ExpectationIdentity(
                        expectation(secondMomentSum), equals: (1 - beta2) * sum("s", 1, t) { s in beta2 ** (t - s) * expectation(noisy(s) ** 2) },
                        over: varianceSpace([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...12))]))),
                    .expectationIdentity(ExpectationIdentity(
                        (1 - beta2) * sum("s", 1, t) { s in beta2 ** (t - s) * expectation(noisy(s) ** 2) },
                        equals: (1 - beta2) * sum("s", 1, t) { s in beta2 ** (t - s) * (gMean[s] ** 2 + variance[s] / batch) },
                        over: varianceSpace([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...12))]),
                        restsOn: .distribution, batches: 16, samplesPerBatch: 256)),
                    .identity(Identity(expectedRecursion, equals: (1 - beta2) * sum("s", 1, t) { s in beta2 ** (t - s) * (gMean[s] ** 2 + variance[s] / batch) },
                                       over: varianceSpace([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...60))]))),
                 ]),
                 remark: "g̃_s = g_s + √(σ_s²/B)ξ_s with time-varying g_s, σ_s², ξ_s ~ N(0, 1): (a) linearity draw by draw; (b) E[g̃_s²] = g_s² + σ_s²/B within Monte Carlo error; (c) the recursion of expectations E[v_s] = β₂E[v_{s-1}] + (1-β₂)(g_s² + σ_s²/B) against the sum, to 50 digits."),
            Step("11301.28", "E[v_t] ≈ g_t² + σ_t²/B", at: "双重滑动 (double moving average), display #14, ≈",
                 kind: "approximation",
                 claim: .limit(Limit((1 - beta2) * sum("s", 1, t) { s in beta2 ** (t - s) * (scalarG ** 2 + scalarS2 / batch) },
                                     tendsTo: scalarG ** 2 + scalarS2 / batch, along: .increasing(t, [50, 100, 200, 400]),
                                     order: .geometric(rate: beta2),
                                     over: ParameterSpace([Parameter(beta2, .values([0.5, 0.9, 0.95])), Parameter(scalarG, .uniform(-2, 2)),
                                                           Parameter(scalarS2, .uniform(0.1, 3)), Parameter(batch, .uniform(1, 64))]))),
                 remark: "With g, σ constant (slow variation) the sum is (1-β₂^t)(g² + σ²/B): relative gap β₂^t. A drift κ per step would add O(κg/(1-β₂)), the time scale on which slow variation must hold."),
            Step("11301.29", "E[φ] for Adam = SignSGD's", at: "双重滑动 (double moving average), display #15",
                 kind: "mean-field",
                 claim: .all([
                    .identity(Identity(gVector / sqrt(gVector ** 2 + sigma2Vector / batch),
                                       equals: sign(gVector) / sqrt(1 + (sigma2Vector / gVector ** 2) / batch),
                                       over: ParameterSpace([Parameter(batch, .uniform(1, 64))] + moments))),
                    .withDigits(20, .meanField(MeanFieldClaim(
                        Display(.named(Symbol("ephig", latex: "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B]^{\\top}\\boldsymbol{g}"), averagingOne.perIndex),
                                .approximately, averagingOne.averaged, regime: "|g_i|,\\ \\sigma_i^2\\sim U(0.5,1.5)"),
                        exact: averagingOne.perIndex, heuristic: averagingOne.averaged, over: averagingOne.space, tolerance: meanFieldTolerance))),
                 ]),
                 remark: "The first '≈' is 11301.26 with 11301.28; (a) the per-component form, exact; (b) the index averaging (as 11301.21 with k = 1), tolerance 10 %."),
            Step("11301.30", "eq:u2-adam, mean field: E[m²/v] ≈ E[m²]/E[v]", at: "双重滑动 (double moving average), eq:u2-adam, first ≈",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(expectation(mNow ** 2 / vNow), .approximately, expectation(mNow ** 2) / expectation(vNow),
                            regime: "\\text{Gaussian noise},\\ t\\to\\infty"),
                    exact: EMABatchSizeSimulation.adamMoment(beta1, beta2, snr, 1), heuristic: (snr ** 2 + k) / (snr ** 2 + 1),
                    over: adamGrid([0, 0.5, 1, 2]), tolerance: meanFieldTolerance))),
                 remark: "Seeded stationary Adam chains (as 11301.3), E[m²]/E[v] = (r² + k)/(r² + 1); tolerance 10 % fixed beforehand (as 11267.8). Table in `derive show 11301.30`.",
                 tables: [adamTable]),
            Step("11301.31", "eq:u2-adam with the t → ∞ moments", at: "双重滑动 (double moving average), eq:u2-adam, second ≈",
                 kind: "identity",
                 claim: .identity(Identity((meanM ** 2 + varM) / meanV, equals: u2Adam,
                                           over: ParameterSpace([Parameter(batch, .uniform(1, 64)), Parameter(beta1, .uniform(0.01, 0.99))] + moments))),
                 remark: "E[m²] = E[m]² + Var[m] (11301.11) with E[m] = g (11301.10), Var[m] = (1-β₁)²/(1-β₁²)·σ²/B (11301.14) and E[v] = g² + σ²/B (11301.28): exact substitution."),
        ]
    }

    static var specialCases: [Step] {
        let u2AtOne = u2Adam.substituting(beta1.asSymbol, with: 1)
        let u2AtZero = u2Adam.substituting(beta1.asSymbol, with: 0)
        let meanPerComponent = gVector / sqrt(gVector ** 2 + sigma2Vector / batch)
        let sumAbs = Expr.named(Symbol("l1", latex: "\\Vert\\boldsymbol{g}\\Vert_1"), 6 * Expr.call(.componentMean, [abs(gColumn)]))
        let sHs = trace(transpose(signColumn) * hessian * signColumn)
        let etaAtOne = sumAbs * sqrt(1 + bSimple / batch) / sHs
        let ones = Expr.named(Symbol.vector("ones", latex: "\\boldsymbol{1}"), gVector / gVector)
        return [
            Step("11301.32", "β₁ = 0: E[φ²] = 1, as SignSGD (RMSProp)", at: "两个特例 (two special cases), prose",
                 claim: .identity(Identity(u2AtZero, equals: ones, over: ParameterSpace([Parameter(batch, .uniform(1, 64))] + moments))),
                 remark: "k(0) = 1 makes eq:u2-adam identically 1. The neglected fluctuation (RMSProp, E[g²/v] by simulation, β₂ = 0.999) is in `derive show 11301.32`.",
                 tables: [rmspropTable]),
            Step("11301.33", "β₁ = 1: E[φ²] ≈ E[φ]²", at: "两个特例 (two special cases), display #17",
                 claim: .all([
                    .identity(Identity(u2AtOne, equals: gVector ** 2 / (gVector ** 2 + sigma2Vector / batch),
                                       over: ParameterSpace([Parameter(batch, .uniform(1, 64))] + moments))),
                    .identity(Identity(gVector ** 2 / (gVector ** 2 + sigma2Vector / batch), equals: meanPerComponent ** 2,
                                       over: ParameterSpace([Parameter(batch, .uniform(1, 64))] + moments))),
                 ]),
                 remark: "eq:u2-adam at β₁ = 1 (k = 0), against the square of the per-component mean field of 11301.29. This is the β₁ → 1 limit taken after t → ∞ (with β₁ = 1 exactly m_t never moves)."),
            Step("11301.34", "β₁ = 1: η* = ‖g‖₁√(1 + B_simple/B)/(sign(g)ᵀH sign(g))", at: "两个特例 (two special cases), display #18",
                 kind: "identity",
                 claim: .identity(Identity(etaOpt(mean: beta * signColumn, second: (beta * signColumn) * transpose(beta * signColumn)), equals: etaAtOne,
                                           over: matrices(6, [Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .uniform(0.5, 100)), betaDerived]))),
                 remark: "eq:eta-opt with E[φ] = β sign(g) (11301.29) and E[φφᵀ] = E[φ]E[φ]ᵀ; N = 6, g ~ N(0, I), H SPD."),
            Step("11301.35", "β₁ = 1: η* decreasing in B", at: "两个特例 (two special cases), prose after display #18",
                 claim: .inequality(Inequality(.derivative(etaAtOne, batch.asSymbol), lessThan: 0, strict: true,
                                               over: matrices(6, [Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .logUniform(0.01, 1000))]))),
                 remark: "The sign of ∂η*/∂B (symbolic derivative) at 20 seeded points, B log-uniform in [10⁻², 10³]; sign(g)ᵀH sign(g) > 0 for SPD H."),
            Step("11301.36", "momentum enlarges the batch: (1+β₁)/(1-β₁) > 1", at: "两个特例 (two special cases), prose",
                 claim: .inequality(Inequality(1, lessThan: (1 + beta1) / (1 - beta1), strict: true,
                                               over: ParameterSpace([Parameter(beta1, .uniform(0.000_001, 0.999_999))])))),
        ]
    }
}
