import Symbolic

/// 11301.1–11301.16: problem analysis, SGDM (梯度下降) and the enlarged batch (放大批量).
extension Article11301 {
    static var problem: [Step] {
        let gradients = Parameter(g[i], .family(dimension: 4, lower: -3, upper: 3))
        let stationaryRMS = sqrt(EMABatchSizeSimulation.adamMoment(beta1, beta2, 0, 1))
        return [
            Step("11301.1", "SignSGD as a special case of Adam", at: "问题分析 (problem analysis), prose",
                 claim: .all([
                    // Adam's first update, bias-corrected, ε = 0, for any β₁, β₂.
                    .identity(Identity(AdamW.update(after: 1, epsilon: 0), equals: sign(g[1]),
                                       over: ParameterSpace([Parameter(beta1, .uniform(0, 0.99)), Parameter(beta2, .uniform(0, 0.999)),
                                                             gradients]))),
                    // β₁ = β₂ = 0 at every step.
                    .identity(Identity(AdamW.update(after: t, beta1: 0, beta2: 0, epsilon: 0), equals: sign(g[t]),
                                       over: ParameterSpace([Parameter(t, .integers(1...30)), gradients]))),
                 ]),
                 remark: "Adam's recursions (Shared/AdamW.swift) at full precision: m̂₁ = g₁, v̂₁ = g₁², so u₁ = g₁/|g₁| = sign(g₁); with β₁ = β₂ = 0, m̂_t = g_t and v̂_t = g_t²."),
            Step("11301.2", "SignSGD's Update RMS is 1", at: "问题分析 (problem analysis), prose",
                 claim: .identity(Identity(rmsNorm(sign(randomVector(Symbol.vector("x"), "xSample"))), equals: 1,
                                           over: ParameterSpace([vectorSource("xSample", dimension: 7, -2, 2)])))),
            Step("11301.3", "mean-field Update RMS of Adam: √((1-β₁)/(1+β₁))", at: "问题分析 (problem analysis), prose (cited from 11267)",
                 kind: "mean-field",
                 claim: .all([
                    .numeric(NumericClaim(sqrt(k), quote: "0.2294", style: .leadingDigits, at: ParameterSpace([Parameter(beta1, .fixed(0.9))]))),
                    .withDigits(20, .meanField(MeanFieldClaim(
                        Display(.symbol(Symbol("rms", latex: "\\Vert\\boldsymbol{u}_t\\Vert_{RMS}")), .approximately, sqrt(k),
                                regime: "\\boldsymbol{g}=\\boldsymbol{0},\\ t\\to\\infty"),
                        exact: stationaryRMS, heuristic: sqrt(k),
                        over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .values([0.95, 0.99, 0.999]))]),
                        tolerance: 0.05))),
                 ]),
                 remark: "(a) the value at β₁ = 0.9; (b) seeded stationary Adam chains with g̃ ~ N(0, 1) (1600 chains; m from its stationary law, v at E[v], burn-in 3/(1-β₂), time average over 4/(1-β₂) steps): RMS = √E[m²/v]. Tolerance fixed beforehand at 5 % on the RMS: the article says the estimate 'agrees well' with simulation. MC values ± s.e. and the gaps are in `derive show 11301.3`.",
                 tables: [adamTable]),
        ]
    }

    static var momentum: [Step] {
        let m = Family(Symbol.vector("m"))
        let w = Family(Symbol.vector("w"))
        let gTilde = Family(Symbol.vector("gtilde", latex: "\\tilde{\\boldsymbol{g}}_{B}"))
        let vectorGradients = Parameter(g[i], .family(dimension: 3, lower: -2, upper: 2))
        let closedMomentum = (1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * g[s] }
        // 11301.6: the expected quadratic model -ηa + ½η²c, a = E[φ]ᵀg, c = tr(E[φφᵀ]H).
        let a = Expr.symbol(Symbol("a", latex: "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B]^{\\top}\\boldsymbol{g}"))
        let c = Expr.symbol(Symbol("c", latex: "\\tr(\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B\\tilde{\\boldsymbol{\\varphi}}_B^{\\top}]\\boldsymbol{H})"))
        let model = -eta * a + eta ** 2 / 2 * c
        let argmin = L.stationaryPoint("ema11301QuadraticModel", latex: "\\mathop{\\text{argmin}}_{\\eta}", of: model,
                                       in: eta.asSymbol, parameters: [a.asSymbol, c.asSymbol])
        let meanPhi: Expr = .symbol(Symbol.matrix("P", latex: "\\boldsymbol{p}"))
        let secondPhi = meanPhi * transpose(meanPhi) + covariance
        let optimumSpace = matrices(5, [Parameter(meanPhi, .gaussianMatrix(rows: 5, columns: 1)),
                                        Parameter(a, .derived(trace(transpose(meanPhi) * gColumn))),
                                        Parameter(c, .derived(trace(secondPhi * hessian)))])
        // 11301.8: g̃_s = g_s + ξ_s/√B with time-varying g_s and ξ_s ~ N(0, I).
        let gMean = Family(Symbol.vector("gmean", latex: "\\boldsymbol{g}"))
        let xi = Family(Symbol.vector("xi", latex: "\\boldsymbol{\\xi}"))
        let noisy = { (s: Expr) in gMean[s] + xi[s] / sqrt(batch) }
        let noisyMomentum = (1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * noisy(s) }
        let meanSpace = { (extra: [Parameter]) in
            ParameterSpace(extra + [Parameter(batch, .uniform(1, 64)), Parameter(gMean[i], .family(dimension: 3, lower: -2, upper: 2)),
                                    Parameter(xi[i], .gaussianFamily(dimension: 3, mean: 0, sd: 1))])
        }
        // 11301.9 drift: g_s = g_t + κ(t-s).
        let kappa = Expr.symbol(Symbol("kappa"))
        let scalarG = Expr.symbol(Symbol("g", latex: "g_t"))
        let sigma2 = Expr.symbol(Symbol("sigma2", latex: "\\boldsymbol{\\Sigma}_t"))
        // 11301.12: Σ_s = diag(c_s²) + d_s²𝟏𝟏ᵀ (distinct, non-diagonal, SPD), noise c_s∘ξ_s + d_s ζ_s 𝟏.
        let scale = Family(Symbol.vector("cscale", latex: "\\boldsymbol{c}"))
        let common = Family(Symbol("dscale", latex: "d"))
        let zeta = Family(Symbol("zeta", latex: "\\zeta"))
        let direction = randomVector(Symbol.vector("a"), "aSample")
        let correlated = { (s: Expr) in gMean[s] + (scale[s] * xi[s] + common[s] * zeta[s]) / sqrt(batch) }
        let correlatedMomentum = (1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * correlated(s) }
        let sumOfA = 3 * Expr.call(.componentMean, [direction])
        let quadraticForm = { (s: Expr) in
            Expr.named(Symbol("aSa", latex: "\\boldsymbol{a}^{\\top}\\boldsymbol{\\Sigma}_s\\boldsymbol{a}"),
                       dot(direction ** 2, scale[s] ** 2) + common[s] ** 2 * sumOfA ** 2)
        }
        let covarianceSpace = ParameterSpace([
            Parameter(beta1, .fixed(0.7)), Parameter(t, .fixed(6)), Parameter(batch, .fixed(4)),
            Parameter(gMean[i], .family(dimension: 3, lower: -2, upper: 2)), Parameter(scale[i], .family(dimension: 3, lower: 0.3, upper: 1.2)),
            Parameter(common[i], .family(dimension: nil, lower: 0.2, upper: 0.8)), vectorSource("aSample", dimension: 3, -1, 1),
            Parameter(xi[i], .gaussianFamily(dimension: 3, mean: 0, sd: 1)), Parameter(zeta[i], .gaussianFamily(dimension: nil, mean: 0, sd: 1)),
        ])
        // 11301.15 finite t.
        let finiteMean = (1 - beta1 ** t) * gColumn
        let finiteSecond = finiteMean * transpose(finiteMean) + (1 - beta1) ** 2 * (1 - beta1 ** (2 * t)) / (1 - beta1 ** 2) * covariance / batch
        let sgdmLaw = etaMaxValue / (1 + k * bNoiseValue / batch)
        let enlarged = batch * (1 + beta1) / (1 - beta1)
        return [
            Step("11301.4", "definition: SGDM", at: "梯度下降 (gradient descent), display #1",
                 claim: .all([
                    .definition(Definition(m[t], beta1 * m[t - 1] + (1 - beta1) * g[t], relation: .equals)),
                    .definition(Definition(w[t], w[t - 1] - .indexed(Symbol("eta"), [t]) * m[t], relation: .equals)),
                 ])),
            Step("11301.5", "definition: noisy minibatch gradients, independent over t", at: "梯度下降 (gradient descent), prose",
                 claim: .all([
                    .definition(Definition(expectation(gTilde[t]), g[t], relation: .equals)),
                    .definition(Definition(.symbol(Symbol("Cov", latex: "\\mathbb{C}\\text{ov}[\\tilde{\\boldsymbol{g}}_{B,t}]")),
                                           .symbol(Symbol.matrix("SigmaB", latex: "\\boldsymbol{\\Sigma}_t/B")), relation: .equals)),
                 ]),
                 remark: "Independence across t is what makes the covariances of 11301.12 add."),
            Step("11301.6", "eq:eta-opt: stationary point of the quadratic model", at: "梯度下降 (gradient descent), eq:eta-opt",
                 kind: "optimum",
                 claim: .identity(Identity(argmin(a, c, -10_000, 10_000), equals: etaOpt(mean: meanPhi, second: secondPhi), over: optimumSpace)),
                 remark: "E[L(w - ηφ)] ≈ L(w) - η E[φ]ᵀg + ½η² tr(E[φφᵀ]H) (the derivation of 11260/11280); the zero of its η-derivative is found by safeguarded Newton on the symbolic derivative in [-10⁴, 10⁴] and compared with the printed ratio. N = 5, E[φ] = p ~ N(0, I), E[φφᵀ] = ppᵀ + Σ, H and Σ SPD."),
            Step("11301.7", "SGDM: φ = m_t and its EMA expansion", at: "梯度下降 (gradient descent), display #3",
                 claim: .identity(Identity(AdamW.momentum(after: 12), equals: closedMomentum.substituting(t.asSymbol, with: 12),
                                           over: ParameterSpace([Parameter(beta1, .uniform(0.05, 0.99)), vectorGradients]))),
                 remark: "The recursion of display #1 from m₀ = 0, run in MPFR, against the closed sum (t = 12, random g̃_s ∈ (-2, 2)³)."),
            Step("11301.8", "E[m_t] by linearity", at: "放大批量 (enlarging the batch), display #4",
                 claim: .all([
                    .expectationIdentity(ExpectationIdentity(
                        expectation(noisyMomentum), equals: (1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * expectation(noisy(s)) },
                        over: meanSpace([Parameter(beta1, .uniform(0.05, 0.99)), Parameter(t, .integers(1...12))]))),
                    .expectationIdentity(ExpectationIdentity(
                        (1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * expectation(noisy(s)) },
                        equals: (1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * gMean[s] },
                        over: meanSpace([Parameter(beta1, .fixed(0.7)), Parameter(t, .fixed(6))]), restsOn: .distribution, batches: 16, samplesPerBatch: 128)),
                 ]),
                 remark: "g̃_s = g_s + ξ_s/√B with time-varying g_s and ξ_s ~ N(0, I): (a) linearity holds draw by draw; (b) E[g̃_s] = g_s holds within Monte Carlo error (t = 6, β₁ = 0.7)."),
            Step("11301.9", "slowly varying gradient: E[m_t] = (1-β₁^t)g_t", at: "放大批量 (enlarging the batch), display #5",
                 claim: .all([
                    .identity(Identity((1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * gVector },
                                       equals: (1 - beta1 ** t) * gVector,
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.01, 0.999)), Parameter(t, .integers(1...300))] + moments))),
                    // Size of the replacement g_s → g_t under a linear drift g_s = g_t + κ(t-s).
                    .limit(Limit((1 - beta1) * sum("s", 1, t) { s in beta1 ** (t - s) * kappa * (t - s) }, tendsTo: kappa * beta1 / (1 - beta1),
                                 along: .increasing(t, [50, 100, 200, 400]),
                                 over: ParameterSpace([Parameter(beta1, .values([0.5, 0.8])), Parameter(kappa, .uniform(0.1, 1))]))),
                 ]),
                 remark: "(a) the geometric sum, exact; (b) the slow-variation step: a drift κ per step biases E[m_t] by (1-β₁)Σβ₁^{t-s}κ(t-s) → κβ₁/(1-β₁), so g_s ≈ g_t needs the gradient to move little over 1/(1-β₁) steps."),
            Step("11301.10", "E[m_t] → g_t as t → ∞", at: "放大批量 (enlarging the batch), display #5 (t → ∞)",
                 claim: .limit(Limit((1 - beta1 ** t) * scalarG, tendsTo: scalarG, along: .increasing(t, [10, 50, 100, 200]),
                                     order: .geometric(rate: beta1),
                                     over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(scalarG, .uniform(-2, 2))]))),
                 remark: "Component-wise; the relative gap is β₁^t."),
            Step("11301.11", "second moment = mean mean^T + covariance", at: "放大批量 (enlarging the batch), prose",
                 claim: .all([
                    .expectationIdentity(ExpectationIdentity(
                        expectation(noisyMomentum ** 2), equals: expectation(noisyMomentum) ** 2 + variance(noisyMomentum),
                        over: meanSpace([Parameter(beta1, .uniform(0.05, 0.99)), Parameter(t, .integers(1...8))]))),
                    .expectationIdentity(ExpectationIdentity(
                        expectation(dot(direction, correlatedMomentum) ** 2),
                        equals: expectation(dot(direction, correlatedMomentum)) ** 2 + variance(dot(direction, correlatedMomentum)),
                        over: covarianceSpace)),
                 ]),
                 remark: "(a) the diagonal, component-wise; (b) the quadratic form aᵀE[mmᵀ]a = (aᵀE[m])² + aᵀCov[m]a along random directions a, which fixes the whole symmetric matrix (polarization). Sample moments (1/n) satisfy both exactly."),
            Step("11301.12", "Cov[m_t] by additivity of variances", at: "放大批量 (enlarging the batch), display #6",
                 claim: .expectationIdentity(ExpectationIdentity(
                    variance(dot(direction, correlatedMomentum)),
                    equals: (1 - beta1) ** 2 * sum("s", 1, t) { s in beta1 ** (2 * (t - s)) * quadraticForm(s) / batch },
                    over: covarianceSpace, restsOn: .distribution, batches: 16, samplesPerBatch: 500, points: 2)),
                 remark: "d = 3, t = 6, β₁ = 0.7, B = 4, distinct non-diagonal SPD Σ_s = diag(c_s²) + d_s²𝟏𝟏ᵀ (noise c_s∘ξ_s + d_sζ_s𝟏). Checked on aᵀCov[m_t]a along random directions a (quadratic forms fix a symmetric matrix; 2 points): 16 batches of 500 draws, mean difference within 4 s.e. The 1/n sample variance is biased by -0.2 %, far below the s.e. (≈ 1.6 %)."),
            Step("11301.13", "slowly varying covariance: the geometric sum", at: "放大批量 (enlarging the batch), display #7",
                 claim: .identity(Identity((1 - beta1) ** 2 * sum("s", 1, t) { s in beta1 ** (2 * (t - s)) * sigma2 / batch },
                                           equals: (1 - beta1) ** 2 * (1 - beta1 ** (2 * t)) / (1 - beta1 ** 2) * sigma2 / batch,
                                           over: ParameterSpace([Parameter(beta1, .uniform(0.01, 0.999)), Parameter(t, .integers(1...300)),
                                                                 Parameter(sigma2, .uniform(0.1, 3)), Parameter(batch, .uniform(1, 64))]))),
                 remark: "The matrix Σ_t factors out of the sum, so one scalar entry stands for all of them."),
            Step("11301.14", "Cov[m_t] → kΣ_t/B as t → ∞", at: "放大批量 (enlarging the batch), display #7 (t → ∞)",
                 claim: .all([
                    .limit(Limit((1 - beta1) ** 2 * (1 - beta1 ** (2 * t)) / (1 - beta1 ** 2) * sigma2 / batch, tendsTo: k * sigma2 / batch,
                                 along: .increasing(t, [50, 100, 200, 400]), order: .geometric(rate: beta1 ** 2),
                                 over: ParameterSpace([Parameter(beta1, .values([0.5, 0.9, 0.99])), Parameter(sigma2, .uniform(0.1, 3)),
                                                       Parameter(batch, .uniform(1, 64))]))),
                    .identity(Identity((1 - beta1) ** 2 / (1 - beta1 ** 2), equals: k,
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.01, 0.999))]))),
                 ])),
            Step("11301.15", "η* for SGDM", at: "放大批量 (enlarging the batch), display #8",
                 claim: .all([
                    .identity(Identity(etaOpt(mean: gColumn, second: gColumn * transpose(gColumn) + k * covariance / batch), equals: sgdmLaw,
                                       over: matrices(5, [Parameter(batch, .uniform(1, 64)), Parameter(beta1, .uniform(0.1, 0.99))]))),
                    .limit(Limit(etaOpt(mean: finiteMean, second: finiteSecond), tendsTo: sgdmLaw,
                                 along: .increasing(t, [20, 40, 80, 160]), order: .geometric(rate: beta1),
                                 over: matrices(5, [Parameter(batch, .uniform(1, 64)), Parameter(beta1, .values([0.5, 0.8]))]))),
                 ]),
                 remark: "(a) eq:eta-opt with the t → ∞ moments E[m] = g, E[mmᵀ] = ggᵀ + kΣ/B (N = 5, g ~ N(0, I), H, Σ SPD) against display #8; (b) the finite-t moments (E[m] = (1-β₁^t)g, Cov with 1-β₁^{2t}) converge to it at rate β₁."),
            Step("11301.16", "momentum = batch enlarged by (1+β₁)/(1-β₁)", at: "放大批量 (enlarging the batch), prose after display #8",
                 kind: "identity",
                 claim: .identity(Identity(etaMax / (1 + k * bNoise / batch), equals: etaMax / (1 + bNoise / enlarged),
                                           over: ParameterSpace([Parameter(etaMax, .uniform(0.1, 10)), Parameter(bNoise, .uniform(0.1, 100)),
                                                                 Parameter(batch, .uniform(1, 64)), Parameter(beta1, .uniform(0.01, 0.999))]))),
                 remark: "The SGD law η_max/(1 + B_noise/B') at B' = B(1+β₁)/(1-β₁)."),
        ]
    }
}
