import Symbolic

/// Seeded simulations and exact Gaussian expectations behind 11307's statistical steps.
///
/// Verdict rule. The article's only stated standard for simulation against its formulas is
/// "整体来说还是比较靠谱的" (on the whole fairly reliable, 模拟实验). We read it as a relative gap of
/// at most 5 % in the Weight RMS the script prints (so 10.25 % in ‖θ‖²_RMS = (1.05)² - 1), and apply
/// it to every mean-field step the article does not qualify otherwise. Simulation noise is kept
/// well below that (≈ 1 % or less; see each remark).
extension Article11307 {
    static let rmsTolerance = 0.05
    static let squareTolerance = 0.1025

    /// The regime eq:theta-rms and its sign version are derived in: β₃ = 1 - ηλ → 1 (η → 0 at
    /// λ = 0.1) at fixed ηλt = n, where the derivation drops terms of relative order ηλ (it trades
    /// 1 - β₃ for ηλ and β₃^{t±1} for β₃^t). It judges edits of the formula, never the verdict:
    /// an edit that moves the prediction only at that order is the same claim.
    static let derivationRegime = NeglectedOrder(
        along: .decades(eta, from: 4, to: 9), order: .power(1),
        over: ParameterSpace([Parameter(lambda, .fixed(0.1)), Parameter(beta3, .derived(1 - eta * lambda)),
                              Parameter(n, .values([0.3, 1, 3])), Parameter(t, .derived(n / (eta * lambda))),
                              Parameter(r0, .fixed(0.5)), Parameter(meanEntries, .family(dimension: 2, lower: 0.5, upper: 0.5)),
                              Parameter(sdEntries, .family(dimension: 2, lower: 1, upper: 1)),
                              Parameter(mu, .derived(meanEntries)), Parameter(sigma, .derived(sdEntries)), Parameter(beta1, .fixed(0.9))]))

    static func int(_ n: Int) -> Expr { .number(Rational(n)) }

    /// ‖θ_T‖_RMS of the article's script (AdamW, or SignSGDMW with `sign`), β₁ = 0.9, β₂ = 0.95,
    /// over `coordinates` independent coordinates (one replicate each). `timeAverage`: root of θ_t²
    /// averaged over t ∈ (T/2, T] instead of θ_T² (same stationary expectation, less noise).
    static func simulatedRMS(sign: Bool = false, eta: Expr, lambda: Expr, steps: Expr, mean: Expr = 0, theta0: Expr = 0.1,
                             coordinates: Int, seed: Int, timeAverage: Bool = false) -> Expr {
        WeightRMSSimulation.weightRMS(sign ? 1 : 0, eta, lambda, steps, mean, theta0, int(coordinates), int(seed),
                                      timeAverage ? 1 : 0)
    }

    /// The script's own parameters, as fixed axes (ε-free: exact decimals). The gradient's mean
    /// and spread per coordinate are scalars for the simulation; μ and σ in the formula are the
    /// vectors over the run's coordinates they make (every entry equal), so ‖μ‖ is √N times the
    /// mean, as in the script, not the scalar the mean is.
    static func scriptSpace(steps: Int, mean: Double, sd: Double = 1, theta0: Expr = 0.1,
                            coordinates: Int = scriptCoordinates) -> ParameterSpace {
        ParameterSpace([Parameter(eta, .fixed(0.001)), Parameter(lambda, .fixed(0.1)), Parameter(beta3, .derived(1 - eta * lambda)),
                        Parameter(t, .fixed(int(steps))), Parameter(gradientMean, .fixed(Expr(floatLiteral: mean))),
                        Parameter(gradientSD, .fixed(Expr(floatLiteral: sd))),
                        Parameter(meanEntries, .family(dimension: coordinates, lower: mean, upper: mean)),
                        Parameter(sdEntries, .family(dimension: coordinates, lower: sd, upper: sd)),
                        Parameter(mu, .derived(meanEntries)), Parameter(sigma, .derived(sdEntries)),
                        Parameter(r0, .fixed(theta0)), Parameter(beta1, .fixed(0.9))])
    }
    static let gradientMean: Expr = .symbol(Symbol("gradientMean", latex: "\\mu"))
    static let gradientSD: Expr = .symbol(Symbol("gradientSD", latex: "\\sigma"))
    static let meanEntries = Family(Symbol.vector("meanEntries", latex: "\\boldsymbol{\\mu}"))[0]
    static let sdEntries = Family(Symbol.vector("sdEntries", latex: "\\boldsymbol{\\sigma}"))[0]

    /// The script: N = 2000 coordinates (the article: 10⁴).
    static let scriptCoordinates = 2000

    /// The script at (T, μ, σ): simulated ‖θ_T‖_RMS. AdamW without ε and SignSGDMW are unchanged
    /// when g is scaled, so g ~ N(μ, σ²) runs as N(μ/σ, 1).
    static func scriptRMS(sign: Bool = false, coordinates: Int = scriptCoordinates) -> Expr {
        simulatedRMS(sign: sign, eta: eta, lambda: lambda, steps: t, mean: gradientMean / gradientSD, theta0: r0, coordinates: coordinates,
                     seed: sign ? 11_307_050 : 11_307_043)
    }
}

extension Article11307 {
    static let scriptDisplay = Display(rmsNorm(thetaNow), .approximately, sqrt(weightRMS2(snr: snr)),
                                       regime: "\\text{script: }\\beta_1=0.9,\\ \\beta_2=0.95,\\ \\eta=10^{-3},\\ \\lambda=0.1,\\ \\boldsymbol{\\theta}_0\\sim\\mathcal{N}(0,0.1^2)")

    /// The script at (T, μ) against eq:theta-rms (as its root), within the 5 % the article's wording allows.
    static func scriptClaim(steps: Int, mean: Double, sd: Double = 1, coordinates: Int = scriptCoordinates) -> Claim {
        .meanField(MeanFieldClaim(scriptDisplay, exact: scriptRMS(coordinates: coordinates), heuristic: sqrt(weightRMS2(snr: snr)),
                                  over: scriptSpace(steps: steps, mean: mean, sd: sd, coordinates: coordinates), tolerance: rmsTolerance,
                                  neglecting: derivationRegime))
    }
}

// MARK: the quick estimate (11307.9–.13)

extension Article11307 {
    /// ηλ axis of the stationary-balance runs (λ = 0.1): burn-in 5/(ηλ), window 10/(ηλ), 128 coordinates.
    static let etaLambda: Expr = .symbol(Symbol("etaLambda", latex: "\\eta\\lambda"))
    static func balance(_ which: Int) -> Expr {
        WeightRMSSimulation.stationaryBalance(etaLambda, 5 / etaLambda, 10 / etaLambda, 128, 11_307_009, int(which))
    }
    /// A longer run (window 20/(ηλ), 512 coordinates) for the precise E[θ_{t-1}u_t] of the correction
    /// of 11307.9 (relative standard error ≈ 1.5 % instead of ≈ 4 %), at ηλ = 10⁻², 10⁻³ only.
    static func preciseBalance(_ which: Int) -> Expr {
        WeightRMSSimulation.stationaryBalance(etaLambda, 5 / etaLambda, 20 / etaLambda, 512, 11_307_019, int(which))
    }
    static let preciseBalanceSpace = ParameterSpace([Parameter(etaLambda, .values([0.01, 0.001])), Parameter(lambda, .fixed(0.1)),
                                                     Parameter(eta, .derived(etaLambda / lambda)), Parameter(beta3, .derived(1 - etaLambda)),
                                                     Parameter(beta1, .fixed(0.9))])
    static let balanceSpace = ParameterSpace([Parameter(etaLambda, .values([0.01, 0.001, 0.0001])), Parameter(lambda, .fixed(0.1)),
                                              Parameter(eta, .derived(etaLambda / lambda)), Parameter(beta3, .derived(1 - etaLambda)),
                                              Parameter(beta1, .fixed(0.9))])
    /// Extension E3: the stationary ‖θ‖² of the quick estimate with the cross term kept and the
    /// mean-field autocorrelation E[u_t u_{t-j}] ≈ kβ₁^j.
    static let crossTermWeightRMS2 = eta * kFactor * (1 + beta1 * beta3) / (lambda * (1 + beta3) * (1 - beta1 * beta3))
    /// E3's E[θ_{t-1}·u_t]/d = -η Σ_{j≥1} β₃^{j-1} kβ₁^j.
    static let crossTermMeanField = -eta * kFactor * beta1 / (1 - beta1 * beta3)

    /// 11307.13: ‖θ‖_RMS/√(η/2λ) at (η, λ), T = 10/(ηλ), time-averaged over the second half, 1000 coordinates.
    static func scalingRatio(_ e: Expr, _ l: Expr, seed: Int) -> Expr {
        simulatedRMS(eta: e, lambda: l, steps: 10 / (e * l), coordinates: 1000, seed: seed, timeAverage: true) / sqrt(e / (2 * l))
    }
}

// MARK: the better approximation (11307.15–.19, .35)

extension Article11307 {
    /// β₃ axis of the β₃-average runs: t = 5/(1-β₃) (β₃^t ≈ e^{-5}), 400 coordinates.
    static func averages(_ which: Int) -> Expr {
        WeightRMSSimulation.betaAverages(beta3, 5 / (1 - beta3), 400, 11_307_015, int(which))
    }
    static let averagesSpace = ParameterSpace([Parameter(beta3, .values([0.99, 0.999, 0.9999]))])

    /// 11307.35: E over μ_i ~ N(0, 0.05²), σ_i ~ U(0.5, 1.5) of (μ²+cσ²)/(μ²+σ²), by 2·10⁵ seeded draws.
    static let heterogeneousMean = ExternalFunction(
        "heterogeneousSNRMean", latex: "\\overline{\\left(\\tfrac{\\mu_i^2+c\\sigma_i^2}{\\mu_i^2+\\sigma_i^2}\\right)}", arity: 1
    , precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let bits = context.precision
        let c = args[0].doubleValue
        let r = WeightRMSSimulation.memo(context.cache, "heterogeneous\(c)") {
            let s = MonteCarlo.run(replicates: 200_000, seed: 11_307_035, jobs: 2) { rng in
                var normal = GaussianSampler(rng)
                let mu = 0.05 * normal.next()
                let sigma = 0.5 + normal.generator.nextUnit()
                rng = normal.generator
                return [(mu * mu + c * sigma * sigma) / (mu * mu + sigma * sigma)]
            }
            return [s[0].mean]
        }
        return BigFloat(r[0], precision: bits)
    }
}

// MARK: TUC (11307.57–.63) and the exact constants

extension Article11307 {
    /// Stationary AdamW at ηλ = 10⁻² (η = 0.1, λ = 0.1): burn-in 1000, window 4000, 400 coordinates.
    static func tuc(_ which: Int) -> Expr {
        WeightRMSSimulation.totalUpdateContribution(1000, 4000, 400, 11_307_057, int(which))
    }
    /// C_Adam = E[ũ_t²] (Extension E1) from the same run (ũ_t does not depend on θ).
    static let adamConstant = tuc(6)
    static let signConstant = WeightRMSConstants.signConstant(beta1)
    static func lagMoment(_ lag: Expr) -> Expr { WeightRMSConstants.gradientOverSecondMoment(beta2, lag) }
    static let lag: Expr = .symbol(Symbol("j"))
}

extension Article11307 {
    /// The script at T = 5·10⁴ (stationary: β₃^T = e^{-5}) against a stationary prediction.
    static func quickEstimateAgainstScript(_ prediction: Expr, tolerance: Double) -> Claim {
        .withDigits(20, .meanField(MeanFieldClaim(
            Display(rmsNorm(thetaNow), .approximately, prediction, regime: "\\text{script, stationary}"),
            exact: scriptRMS(), heuristic: prediction, over: scriptSpace(steps: stationarySteps, mean: 0), tolerance: tolerance)))
    }
    /// T = 5·10⁴ = 5/(ηλ) at the script's ηλ = 10⁻⁴: the θ₀ term is β₃^{2T}·0.01 ≈ 4.5·10⁻⁷ (vs 0.005).
    static let stationarySteps = 50_000

    static func scalingClaim(_ ratio: Expr, _ regime: String) -> Claim {
        .meanField(MeanFieldClaim(
            Display(rmsNorm(thetaNow) / sqrt(eta / (2 * lambda)), .approximately, .symbol(Symbol("const", latex: "\\text{const}")),
                    regime: regime),
            exact: ratio, heuristic: scalingRatio(0.001, 1, seed: 11_307_131), over: .empty, tolerance: rmsTolerance))
    }
}

extension Article11307 {
    /// The script's runs (T, μ, σ, coordinates): the script itself at T = 5·10⁴ (stationary, see
    /// `stationarySteps`), the transient T = 10⁴ (β₃^T = e^{-1}), g ~ N(0.1, 1) (SNR 0.01,
    /// mean-dominated: 200 coordinates give a 0.1 % standard error), and g ~ N(1, 2²) (SNR 0.25
    /// with σ ≠ 1, so ‖μ‖ and ‖σ‖ each count in the formula, not only a zero SNR).
    static let scriptConfigurations: [(Int, Double, Double, Int)] = [(stationarySteps, 0, 1, scriptCoordinates), (10_000, 0, 1, scriptCoordinates),
                                                                 (stationarySteps, 0.1, 1, 200), (stationarySteps, 1, 2, 200)]
}

// MARK: the sign version (11307.50, .53)

extension Article11307 {
    static let signDisplayRegime = "\\text{SignSGDMW script: }\\beta_1=0.9,\\ \\eta=10^{-3},\\ \\lambda=0.1,\\ \\boldsymbol{\\mu}=0,\\ T=5\\cdot 10^4"

    /// Simulated SignSGDMW ‖θ_T‖²_RMS against a prediction of it, 10.25 % (5 % on RMS), at the
    /// script's stationary T and in the transient T = 10⁴ and 3000 (β₃^{2T} = e^{-2}, e^{-0.6}), where
    /// the θ₀ term of the formula is a large part of the total instead of 10⁻⁴ of it. At T = 3000
    /// the run starts from ‖θ₀‖_RMS = 0.5, so the θ₀ term is about 80 % of the total and its decay
    /// rate β₃^{2t} is measured, not only its presence (with μ = 0 the updates do not depend on
    /// θ, so the θ₀ term is exact whatever its size).
    static func signAgainst(_ prediction: Expr) -> Claim {
        .withDigits(20, .all([(stationarySteps, 0.1), (10_000, 0.1), (3_000, 0.5)].map { (steps, theta0) in
            .meanField(MeanFieldClaim(
                Display(rmsNorm(thetaNow) ** 2, .approximately, prediction, regime: signDisplayRegime),
                exact: scriptRMS(sign: true) ** 2, heuristic: prediction,
                over: scriptSpace(steps: steps, mean: 0, theta0: theta0), tolerance: squareTolerance,
                neglecting: derivationRegime))
        }))
    }

    /// Simulated Weight-RMS ratio SignSGDMW / AdamW at the script's parameters against a prediction.
    static func weightRatioAgainst(_ prediction: Expr) -> Claim {
        .withDigits(20, .meanField(MeanFieldClaim(
            Display(.symbol(Symbol("ratioSim", latex: "\\frac{\\Vert\\boldsymbol{\\theta}^{sign}\\Vert_{RMS}}{\\Vert\\boldsymbol{\\theta}^{Adam}\\Vert_{RMS}}")),
                    .approximately, prediction, regime: "\\text{stationary, } \\eta=10^{-3},\\ \\lambda=0.1"),
            exact: scriptRMS(sign: true) / scriptRMS(), heuristic: prediction,
            over: ParameterSpace(scriptSpace(steps: stationarySteps, mean: 0).parameters + [Parameter(beta2, .fixed(0.95))]),
            tolerance: rmsTolerance)))
    }
}
