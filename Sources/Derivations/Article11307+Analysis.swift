import Symbolic

/// 11307.37–11307.53: special cases of eq:theta-rms, the simulation script and the sign version.
extension Article11307 {
    static let thetaNow = Expr.symbol(Symbol.vector("thetaNow", latex: "\\boldsymbol{\\theta}_t"))
    /// eq:theta-rms-mu0 in its η form (display #17 right).
    static let zeroMeanWeightRMS2 = beta3 ** (2 * t) * r0 ** 2 + (1 - beta3 ** (2 * t)) * eta / (2 * lambda)

    static var analysis: [Step] {
        let zeroMeanFirst = beta3 ** (2 * t) * r0 ** 2 + (1 - beta3 ** (2 * t)) * (1 - beta3) / (2 * lambda ** 2)
        let decayWithT = decay + [Parameter(t, .integers(1...100_000)), Parameter(r0, .uniform(0, 1))]
        let steady = sqrt(eta / (2 * lambda))
        return [
            Step("11307.37", "zero-mean case, first form", at: "结果浅析 (analysis), display #17 = eq:theta-rms-mu0, first ≈",
                 claim: .identity(Identity(weightRMS2(snr: 0), equals: zeroMeanFirst, over: ParameterSpace(decayWithT))),
                 remark: "eq:theta-rms at μ = 0; uses (1-q)²(1+q)/(1-q) = 1-q²."),
            Step("11307.38", "zero-mean case, second form", at: "结果浅析 (analysis), eq:theta-rms-mu0, equality",
                 claim: .identity(Identity(zeroMeanFirst, equals: zeroMeanWeightRMS2, over: ParameterSpace(decayWithT))),
                 remark: "(1-β₃)/2λ² = η/2λ with β₃ = 1 - ηλ."),
            Step("11307.39", "steady state √(η/2λ)", at: "结果浅析 (analysis), display #18 = eq:theta-rms-simple",
                 claim: .all([
                    // Initialized at ‖θ₀‖² = η/2λ the formula is stationary for every t.
                    .identity(Identity(sqrt(zeroMeanWeightRMS2), equals: steady,
                                       over: ParameterSpace(decay + [Parameter(t, .integers(1...100_000)),
                                                                     Parameter(r0, .derived(sqrt(eta / (2 * lambda))))]))),
                    .limit(Limit(sqrt(zeroMeanWeightRMS2), tendsTo: steady, along: .increasing(n, [2, 4, 6, 8]),
                                 order: .geometric(rate: beta3 ** (2 / (eta * lambda))),
                                 over: ParameterSpace([Parameter(r0, .uniform(0, 0.3))] + decayTime),
                                 display: Display(sqrt(zeroMeanWeightRMS2), .approximately, steady, regime: "t\\to\\infty"))),
                 ]),
                 remark: "t = n/(ηλ), so the error shrinks by β₃^{2/(ηλ)} ≈ e^{-2} per unit n. Simulation: 11307.43 / 11307.62."),
            Step("11307.40", "λ → 0 limit", at: "结果浅析 (analysis), display #19",
                 claim: .limit(Limit(zeroMeanWeightRMS2, tendsTo: r0 ** 2 + eta ** 2 * t, along: .decades(lambda, from: 2, to: 6),
                                     order: .power(1),
                                     over: ParameterSpace([Parameter(eta, .fixed(0.001)), Parameter(t, .fixed(10_000)),
                                                           Parameter(r0, .fixed(0.1)), Parameter(beta3, .derived(1 - eta * lambda))]),
                                     display: Display(rmsNorm(thetaNow) ** 2, .approximately, r0 ** 2 + eta ** 2 * t,
                                                      regime: "\\lambda\\to 0"))),
                 remark: "eq:theta-rms-mu0 at η = 10⁻³, t = 10⁴, ‖θ₀‖² = 0.01; first-order coefficient -2tη‖θ₀‖² - t(2t-1)η³/2."),
            Step("11307.41", "growth like η√t without weight decay", at: "结果浅析 (analysis), prose",
                 claim: .limit(Limit(asymptotic: sqrt(r0 ** 2 + eta ** 2 * t), to: eta * sqrt(t),
                                     along: .increasing(t, [10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]), order: .power(1),
                                     over: ParameterSpace([Parameter(eta, .fixed(0.001)), Parameter(r0, .fixed(0.1))]))),
                 remark: "From display #19: relative error ‖θ₀‖²/(2η²t). The exact coefficient of η²t (C_Adam ≈ 0.98) needs simulation; the schedule remark is not checkable."),
            Step("11307.42", "SNR-dominated case", at: "结果浅析 (analysis), display #20",
                 claim: .approximation(Approximation(
                    weightRMS2(snr: snr),
                    approximatedBy: beta3 ** (2 * t) * r0 ** 2 + (1 - beta3 ** t) ** 2 * snr / (lambda ** 2 * (snr + 1)),
                    along: RegimePath(gradientMean, [0.1, 0.3, 1, 3], .toInfinity), order: .power(2),
                    over: ParameterSpace([Parameter(beta3, .fixed(0.9999)), Parameter(q, .fixed(0.5)),
                                          Parameter(t, .derived(ceil(log(q) / log(beta3)))), Parameter(lambda, .fixed(0.1)),
                                          Parameter(meanEntries, .family(dimension: 4, lower: 1, upper: 1)),
                                          Parameter(sdEntries, .family(dimension: 4, lower: 2, upper: 2)),
                                          Parameter(mu, .derived(gradientMean * meanEntries)), Parameter(sigma, .derived(sdEntries)),
                                          Parameter(r0, .fixed(0.1))]),
                    neglecting: derivationRegime)),
                 remark: "Four coordinates with mean μ = 0.1 … 3 and σ = 2 each, so ‖μ‖ = 2μ, ‖σ‖ = 4 (SNR 0.0025 … 2.25): the relative error ≈ c/SNR with c = (1-β₃)(1+q)/(2(1-q)), so order 2 in μ. The article works at ηλ → 0 throughout, so an edit of the formula by O(ηλ) (β₃^{2t±1} for β₃^{2t}) is the same claim. 'Rare in practice' is not checkable."),
            Step("11307.43", "simulation script", at: "模拟实验 (simulation), code block",
                 claim: .withDigits(20, .all(scriptConfigurations.map { (steps, mean, sd, coordinates) in
                    scriptClaim(steps: steps, mean: mean, sd: sd, coordinates: coordinates)
                 })),
                 remark: "The script run seeded, one replicate per coordinate (coordinates are independent): N = 2000 instead of 10⁴ (standard error of ‖θ‖_RMS ≈ 1/√(2N) = 1.6 %), T = 5·10⁴ = 5/(ηλ) instead of 10⁵ (stationary either way: the θ₀ term is ≈ 4.5·10⁻⁷ of 0.005); variations T = 10⁴ (β₃^T = e^{-1}, transient) and g ~ N(0.1, 1) (SNR 0.01). Against the root of eq:theta-rms at the same T, μ, ‖θ₀‖ = 0.1: predicted 0.0707, 0.0753, 0.9975. 'On the whole fairly reliable' (整体来说还是比较靠谱的) read as 5 %."),
        ]
    }

    /// t in units of the decay time 1/(ηλ), so β₃^t ≈ e^{-n} along the path n.
    static let decayTime: [Parameter] = [Parameter(eta, .values([0.001, 0.01])), Parameter(lambda, .values([0.1, 1])),
                                         Parameter(beta3, .derived(1 - eta * lambda)), Parameter(t, .derived(n / (eta * lambda)))]

    static var signVersion: [Step] {
        let c = (1 - beta3) * (1 + beta3 ** t) / (2 * (1 - beta3 ** t))
        let mNow = randomVector(Symbol.vector("mNow", latex: "\\boldsymbol{m}_t"), "mNowSample")
        let signLimit = sqrt(eta / (2 * lambda) * (1 + beta1) / (1 - beta1))
        let signWeightRMS2 = weightRMS2(snr: snr, offset: kFactor)
        let signSpace = ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(r0, .fixed(0.1)), Parameter(mu, .fixed(0)),
                                        Parameter(sigma, .fixed(1))] + decayTime)
        let mSquaredAverage = average { i in m[i] ** 2 }
        let stationaryM2 = mu ** 2 + kFactor * sigma ** 2
        let exactM2 = Expr.named(Symbol("Em2", latex: "\\mathbb{E}[\\boldsymbol{m}_i^2]"),
                                 (1 - beta1 ** i) ** 2 * mu ** 2 + kFactor * (1 - beta1 ** (2 * i)) * sigma ** 2)
        let signVBar = Expr.named(Symbol.vector("vbarSign", latex: "\\bar{\\boldsymbol{v}}_t"), mSquaredAverage)
        return [
            Step("11307.44", "definition: SignSGDMW", at: "符号版本 (sign version), display #21",
                 claim: .all([
                    .definition(Definition(m[t], beta1 * m[t - 1] + (1 - beta1) * g[t], relation: .equals)),
                    .definition(Definition(u[t], sign(m[t]), relation: .equals)),
                    .definition(Definition(theta[t], theta[t - 1] - Family(Symbol("eta"))[t] * (u[t] + Family(Symbol("lambda"))[t] * theta[t - 1]),
                                           relation: .equals)),
                 ]),
                 expected: .definition),
            Step("11307.45", "sign as a normalized ratio", at: "符号版本 (sign version), inline",
                 claim: .identity(Identity(sign(mNow), equals: mNow / sqrt(mNow ** 2),
                                           over: ParameterSpace([vectorSource("mNowSample", dimension: 6, -2, 2)])))),
            Step("11307.46", "v̄_t redefined for the sign version", at: "符号版本 (sign version), display #22",
                 claim: .definition(Definition(signVBar, mSquaredAverage))),
            Step("11307.47", "E[v̄_t] (sign), linearity", at: "符号版本 (sign version), display #23 first equality",
                 claim: .expectationIdentity(ExpectationIdentity(
                    expectation(Expr.named(signVBar.asSymbol, average { i in AdamW.momentum(after: i) ** 2 })),
                    equals: average { i in expectation(AdamW.momentum(after: i) ** 2) },
                    over: gaussianGradients([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(beta3, .uniform(0.991, 0.9999)),
                                             Parameter(t, .integers(1...10))]))),
                 remark: "m_i from Gaussian gradients by the recursion; linearity holds draw by draw for sample moments."),
            Step("11307.48", "E[m_i²] replaced by its stationary value", at: "符号版本 (sign version), display #23 ≈",
                 claim: .approximation(Approximation(
                    average { _ in exactM2 }, approximatedBy: average { _ in stationaryM2 },
                    along: .decades(eps3, from: 2, to: 4), order: .power(1),
                    over: ParameterSpace([Parameter(q, .fixed(0.5)), Parameter(beta1, .fixed(0.9)), Parameter(mu, .fixed(0.3)),
                                          Parameter(sigma, .fixed(1))] + fixedQ))),
                 remark: "Exact E[m_i²] = (1-β₁^i)²μ² + k(1-β₁^{2i})σ² (11267); the printed 𝔼(μ² + kσ²) of a constant is read as μ² + kσ²."),
            Step("11307.49", "normalized weights sum to 1", at: "符号版本 (sign version), display #23 last equality",
                 claim: .identity(Identity(average { _ in stationaryM2 }, equals: stationaryM2,
                                           over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(beta3, .uniform(0.9, 0.99999)),
                                                                 Parameter(t, .integers(1...300)), Parameter(mu, .uniform(-2, 2)),
                                                                 Parameter(sigma, .uniform(0.1, 3))])))),
            Step("11307.50", "Weight RMS formula for SignSGDMW", at: "符号版本 (sign version), display #24",
                 claim: .all([
                    signAgainst(signWeightRMS2),
                    // (a) the assembly of 11307.36 with E[v̄_t] = μ² + kσ², averaged as ratios of norms.
                    .identity(Identity(beta3 ** (2 * t) * r0 ** 2
                                        + (1 - beta3 ** t) ** 2 / lambda ** 2 * (norm(mu) ** 2 + c * norm(sigma) ** 2)
                                        / (norm(mu) ** 2 + kFactor * norm(sigma) ** 2),
                                       equals: signWeightRMS2,
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(lambda, .uniform(0.01, 1)),
                                                             Parameter(beta3, .uniform(0.99, 0.99999)), Parameter(t, .integers(1...100_000)),
                                                             Parameter(mu, .uniform(0, 1)), Parameter(sigma, .uniform(0.5, 2)),
                                                             Parameter(r0, .uniform(0, 1))]))),
                 ]),
                 correction: Step.Correction(
                    .all([
                        signAgainst(beta3 ** (2 * t) * r0 ** 2 + (1 - beta3 ** (2 * t)) * eta * signConstant / (2 * lambda)),
                        .identity(Identity(beta3 ** (2 * t) * r0 ** 2
                                            + (1 - beta3 ** t) ** 2 / lambda ** 2 * (norm(mu) ** 2 + c * norm(sigma) ** 2)
                                            / (norm(mu) ** 2 + kFactor * norm(sigma) ** 2),
                                           equals: signWeightRMS2,
                                           over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(lambda, .uniform(0.01, 1)),
                                                                 Parameter(beta3, .uniform(0.99, 0.99999)), Parameter(t, .integers(1...100_000)),
                                                                 Parameter(mu, .uniform(0, 1)), Parameter(sigma, .uniform(0.5, 2)),
                                                                 Parameter(r0, .uniform(0, 1))]))),
                    ]),
                    note: "the mean-field E[m̄²/v̄] overstates the sign updates' autocorrelation: at μ = 0 the stationary ‖θ‖² is ηC_sign/(2λ) with C_sign(0.9) = 13.28, not η(1+β₁)/(2λ(1-β₁)) = 19η/(2λ) (RMS 0.258 vs 0.308)"),
                 remark: "(b) SignSGDMW simulated as the script (β₁ = 0.9, η = 10⁻³, λ = 0.1, ‖θ₀‖ = 0.1, μ = 0, T = 5·10⁴, 2000 coordinates) against display #24 squared, 10.25 % (the article's 5 % on RMS; the sign version is 'the same proof adjusted'). Exact ηλ → 0 constant C_sign = 1 + (4/π)Σ arcsin(β₁^k) (Extension E2), summed to full precision. (a) the assembly is an identity."),
            Step("11307.51", "zero-mean, t → ∞ limit for SignSGDMW", at: "符号版本 (sign version), display #25",
                 claim: .limit(Limit(signWeightRMS2, tendsTo: signLimit, along: .increasing(n, [2, 4, 6, 8]), order: .unspecified,
                                     over: signSpace,
                                     display: Display(rmsNorm(thetaNow) ** 2, .approximately, signLimit,
                                                      regime: "\\boldsymbol{\\mu}=0,\\ t\\to\\infty"))),
                 correction: Step.Correction(
                    .limit(Limit(sqrt(signWeightRMS2), tendsTo: signLimit, along: .increasing(n, [2, 4, 6, 8]),
                                 order: .geometric(rate: beta3 ** (2 / (eta * lambda))), over: signSpace,
                                 display: Display(rmsNorm(thetaNow), .approximately, signLimit,
                                                  regime: "\\boldsymbol{\\mu}=0,\\ t\\to\\infty"))),
                    note: "display #24 tends to ‖θ‖²_RMS = (η/2λ)(1+β₁)/(1-β₁); the square root belongs to ‖θ‖_RMS, not ‖θ‖²_RMS"),
                 remark: "Display #24 at μ = 0 along t = n/(ηλ) (β₃^t ≈ e^{-n}); its limit (1-β₃)/(2λ²k) = η/(2λk) holds without β₃ → 1."),
            Step("11307.52", "Update RMS ratio SignSGDMW / AdamW", at: "符号版本 (sign version), prose after display #25",
                 claim: .all([
                    .withDigits(12, .meanField(MeanFieldClaim(
                        Display(rmsNorm(sign(mNow)) / rmsNorm(.symbol(Symbol.vector("uAdam", latex: "\\boldsymbol{u}_t^{Adam}"))),
                                .approximately, sqrt((1 + beta1) / (1 - beta1)), regime: "\\text{exact stationary AdamW RMS}"),
                        exact: 1 / sqrt(AdamStationaryMoments.updateSecondMoment(beta1, beta2, 0)), heuristic: sqrt((1 + beta1) / (1 - beta1)),
                        over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta2, .fixed(0.95))]), tolerance: rmsTolerance))),
                    // Mean field: ‖sign(m)‖_RMS = 1 exactly and AdamW's is √k.
                    .identity(Identity(rmsNorm(sign(mNow)) / sqrt(kFactor), equals: sqrt((1 + beta1) / (1 - beta1)),
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)),
                                                             vectorSource("mNowSample", dimension: 6, -2, 2)]))),
                 ]),
                 remark: "‖sign(m)‖_RMS = 1 exactly; the exact stationary AdamW RMS (quadrature, 11267 E1) gives 1/0.226057 = 4.4237 vs √19 = 4.3589 (1.5 %, within the article's 5 %); against the mean-field √k it is exact (identity)."),
            Step("11307.53", "Weight RMS ratio SignSGDMW / AdamW", at: "符号版本 (sign version), prose after display #25",
                 claim: .all([
                    weightRatioAgainst(sqrt((1 + beta1) / (1 - beta1))),
                    // Ratio of the mean-field limits: corrected display #25 over eq:theta-rms-simple.
                    .identity(Identity(signLimit / sqrt(eta / (2 * lambda)), equals: sqrt((1 + beta1) / (1 - beta1)),
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99))] + decay))),
                 ]),
                 correction: Step.Correction(
                    weightRatioAgainst(sqrt(signConstant / adamConstant)),
                    note: "equal Update-RMS ratios do not give equal Weight-RMS ratios: the Weight RMS depends on the updates' autocorrelation, Σ_k E[u₀u_k]; the ratio is √(C_sign/C_Adam) = √(13.28/0.98) ≈ 3.68, not √19 = 4.36"),
                 remark: "Ratio of the simulated stationary Weight RMS of SignSGDMW (11307.50) and AdamW (the script, 11307.43), both at η = 10⁻³, λ = 0.1, T = 5·10⁴, 2000 coordinates, against √19 with the article's 5 %. The mean-field limits' ratio is exactly √((1+β₁)/(1-β₁)) (identity)."),
        ]
    }
}
