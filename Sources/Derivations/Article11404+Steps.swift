import Foundation
import Symbolic

/// 11404.1–11404.32: 步骤之一 … 步骤之三 (unrolled recursion, ū_t, m̄_t, v̄_t, β̄_k(j,t), the formula).
extension Article11404 {
    static let x: Expr = .symbol(Symbol("x", latex: "\\eta\\lambda"))
    static let r0: Expr = .symbol(Symbol("theta0RMS", latex: "\\Vert\\boldsymbol{\\theta}_0\\Vert_{RMS}"))

    /// The exact update recursion 𝜽_i = f(η_iλ_i)𝜽_{i-1} - η_i𝒖_i with f the shrink factor.
    static func weights(_ shrink: @escaping (Expr) -> Expr, eta e: @escaping (Expr) -> Expr, decay l: @escaping (Expr) -> Expr,
                        count: Expr, initial: Expr, updates: Family) -> Expr {
        recursion(Symbol.vector("theta"), initial: initial, count: count) { previous, s in
            shrink(e(s) * l(s)) * previous - e(s) * updates[s]
        }
    }

    /// Trajectory of 11404.3/.5(b): λ = 1, η_i = shape(i/n)/n, t = n steps (κ_t fixed), θ₀ = -1,
    /// u_i ∈ [0.5, 1.5] (one sign, so the error cannot cancel by chance); (1-ηλ) against e^{-ηλ}.
    static func trajectory(_ shape: @escaping (Expr) -> Expr) -> Claim {
        let positive = Family(Symbol("uPositive", latex: "u"))
        let n: Expr = .symbol(Symbol("n"))
        let e = { (s: Expr) in shape(s / n) / n }
        let exact = weights({ 1 - $0 }, eta: e, decay: { _ in 1 }, count: n, initial: -1, updates: positive)
        let exponential = weights({ exp(-$0) }, eta: e, decay: { _ in 1 }, count: n, initial: -1, updates: positive)
        return .approximation(Approximation(exact, approximatedBy: exponential, along: .increasing(n, [10, 100, 1000]), order: .power(1),
                                            over: ParameterSpace([Parameter(positive[i], .family(dimension: nil, lower: 0.5, upper: 1.5))])))
    }

    /// ū_t = (1/z_t)Σ e^{κ_i}η_i x_i for a family-valued x.
    static func average(_ xi: (Expr) -> Expr) -> Expr {
        1 / z(t) * sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] * xi(i) }
    }

    static let uBar = Expr.named(Symbol.vector("ubar", latex: "\\bar{\\boldsymbol{u}}_t"), average { i in u[i] })
    static let mBarShown: Expr = .symbol(Symbol.vector("mbar", latex: "\\bar{\\boldsymbol{m}}_t"))
    static let vBarShown: Expr = .symbol(Symbol.vector("vbar", latex: "\\bar{\\boldsymbol{v}}_t"))
    static let uBarShown: Expr = .symbol(Symbol.vector("ubarShown", latex: "\\bar{\\boldsymbol{u}}_t"))

    /// The default cosine run (κ_T ≈ 1.1) at mean μ: simulated observable.
    static func cosineRun(_ which: Int) -> Expr { simulated(2, mean: mu, which) }
    static let meanAxis = ParameterSpace([Parameter(mu, .values([0, 0.5]))])

    /// Arguments of the exact E[m̄²/v̄] function for a default shape at mean μ.
    static func ratio(_ shape: Int, _ which: Int, steps: Int = defaultSteps, lambda lam: Expr? = nil) -> Expr {
        let (hi, lo, l) = shapeParameters[shape]
        return DynamicAdamW.ratio(int(shape), hi, lo, lam ?? l, int(steps), mu, int(which))
    }

    /// A short cosine schedule (T = 300, η 2·10⁻² → 2·10⁻³, λ = 1/3: κ_T = 1.1) for the
    /// concentration checks, whose replicates each simulate a block of coordinates.
    static let shortSchedule = NumericSchedule([2, 0.02, 0.002, 1.0 / 3, 300])

    static var stepOne: [Step] {
        let thetaPrev = randomVector(Symbol.vector("thetaPrev", latex: "\\boldsymbol{\\theta}_{t-1}"), "thetaPrevSample")
        let uNow = randomVector(Symbol.vector("uNow", latex: "\\boldsymbol{u}_t"), "uNowSample")
        let etaT: Expr = .symbol(Symbol("etaT", latex: "\\eta_t")), lambdaT: Expr = .symbol(Symbol("lambdaT", latex: "\\lambda_t"))
        let mHat = Family(Symbol.vector("mhat", latex: "\\hat{\\boldsymbol{m}}")), vHat = Family(Symbol.vector("vhat", latex: "\\hat{\\boldsymbol{v}}"))
        let expRecursion = weights({ exp(-$0) }, eta: { etaSeq[$0] }, decay: { lambdaSeq[$0] }, count: t, initial: theta0, updates: u)
        let unrolled = exp(-kappa(t)) * theta0 - sum("i", 1, t) { i in exp(-(kappa(t) - kappa(i))) * etaSeq[i] * u[i] }
        let vectors = [vectorSource("theta0Sample"), Parameter(u[i], .family(dimension: 3, lower: -1, upper: 1))]
        let literal = sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] * AdamW.update(after: i, epsilon: 0) * (1 - beta1 ** i) / sqrt(1 - beta2 ** i) } / z(t)
        let plain = average { i in AdamW.momentum(after: i) / sqrt(AdamW.secondMoment(after: i)) }
        return [
            Step("11404.1", "AdamW with dynamic η_t, λ_t", at: "步骤之一 (step 1), first display",
                 claim: .all([
                    .definition(Definition(m[t], beta1 * m[t - 1] + (1 - beta1) * g[t], relation: .equals)),
                    .definition(Definition(v[t], beta2 * v[t - 1] + (1 - beta2) * g[t] ** 2, relation: .equals)),
                    .definition(Definition(mHat[t], m[t] / (1 - beta1 ** t), relation: .equals)),
                    .definition(Definition(vHat[t], v[t] / (1 - beta2 ** t), relation: .equals)),
                    .definition(Definition(u[t], mHat[t] / (sqrt(vHat[t]) + N.epsilon), relation: .equals)),
                    .definition(Definition(theta[t], theta[t - 1] - etaSeq[t] * (u[t] + lambdaSeq[t] * theta[t - 1]), relation: .equals)),
                 ]),
                 remark: "The reference simulator of every Monte-Carlo step (Shared/DynamicAdamW.swift: literal, bias-corrected, ε = 0, Double)."),
            Step("11404.2", "decay factor pulled out", at: "步骤之一 (step 1), second display, first equality",
                 claim: .identity(Identity(thetaPrev - etaT * (uNow + lambdaT * thetaPrev), equals: (1 - etaT * lambdaT) * thetaPrev - etaT * uNow,
                                           over: ParameterSpace([Parameter(etaT, .logUniform(1e-4, 1e-2)), Parameter(lambdaT, .uniform(0, 0.5)),
                                                                 vectorSource("thetaPrevSample", dimension: 4), vectorSource("uNowSample", dimension: 4)])))),
            Step("11404.3", "1 - η_tλ_t ≈ e^{-η_tλ_t}", at: "步骤之一 (step 1), second display, ≈",
                 claim: .all([
                    .approximation(Approximation(1 - x, approximatedBy: exp(-x), along: .decades(x, from: 1, to: 4), order: .power(2), over: .empty,
                                                 display: Display((1 - etaT * lambdaT) * thetaPrev - etaT * uNow, .approximately,
                                                                  exp(-etaT * lambdaT) * thetaPrev - etaT * uNow, regime: "\\eta_t\\lambda_t\\to 0"))),
                    trajectory { _ in 1 },
                 ]),
                 remark: "(a) one step: e^{-x} - (1-x) = x²/2 + O(x³), order 2. (b) a trajectory at fixed κ_t = 1 (λ = 1, η = 1/n, t = n, θ₀ = -1, u_i ~ U[0.5, 1.5]): the two recursions differ by O(1/n) = O(ηλ) relative."),
            Step("11404.4", "cumulative decay κ_t", at: "步骤之一 (step 1), text after the second display",
                 claim: .definition(Definition(kappa(t), sum("i", 1, t) { i in etaSeq[i] * lambdaSeq[i] }))),
            Step("11404.5", "unrolled weight recursion", at: "步骤之一 (step 1), third display, ≈",
                 claim: .all([
                    .identity(Identity(expRecursion, equals: unrolled, over: dynamicSpace(vectors, steps: 5...15))),
                    trajectory { s in 0.55 + 0.45 * cos(.pi * s) },
                 ]),
                 remark: "(a) with e^{-η_iλ_i} the unrolled form is exact (random dynamic schedules, R³). (b) the ≈ against the true (1-η_iλ_i) recursion: λ = 1, η_i = (0.55 + 0.45cos(πi/n))/n, t = n (κ_t fixed), error O(1/n) = O(max ηλ)."),
            Step("11404.6", "factor out e^{-κ_t}", at: "步骤之一 (step 1), third display, =",
                 claim: .identity(Identity(unrolled, equals: exp(-kappa(t)) * (theta0 - sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] * u[i] }),
                                           over: dynamicSpace(vectors, steps: 5...15)))),
            Step("11404.7", "normaliser z_t", at: "步骤之一 (step 1), text before the fourth display",
                 claim: .all([
                    .definition(Definition(z(t), sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] })),
                    .identity(Identity(sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] / z(t) }, equals: 1, over: dynamicSpace([]))),
                 ]),
                 remark: "The weights e^{κ_i}η_i/z_t sum to 1."),
            Step("11404.8", "weighted-average update ū_t", at: "步骤之一 (step 1), fourth display, ≜ and first =",
                 claim: .all([
                    .definition(Definition(uBarShown, average { i in u[i] })),
                    .identity(Identity(literal, equals: plain,
                                       over: dynamicSpace([Parameter(beta1, .uniform(0.8, 0.95)), Parameter(beta2, .uniform(0.9, 0.999)),
                                                           Parameter(g[i], .family(dimension: 3, lower: -1, upper: 1))], steps: 5...15))),
                 ]),
                 remark: "u_i = m_i/√v_i is the convention of part 1 and 11459 (ε = 0, bias corrections dropped); checked as: the literal AdamW u_i of 11404.1 times (1-β₁^i)/√(1-β₂^i) is m_i/√v_i. The factor √(1-β₂^i)/(1-β₁^i) is tabulated.",
                 tables: [Tabulation("bias factor √(1-β₂^i)/(1-β₁^i) relating the literal u_i to m_i/√v_i", columns: ["β₁", "β₂", "i = 10", "i = 100", "i = 1000"]) { _ in
                     [(0.9, 0.95), (0.9, 0.999)].map { b1, b2 in
                         ["\(b1)", "\(b2)"] + [10.0, 100, 1000].map { k in format((1 - Foundation.pow(b2, k)).squareRoot() / (1 - Foundation.pow(b1, k))) }
                     }
                 }]),
            Step("11404.9", "mean field: average of ratios ≈ ratio of averages", at: "步骤之一 (step 1), fourth display, ≈",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(average { i in m[i] / sqrt(v[i]) }, .approximately, mBarShown / sqrt(vBarShown), regime: "\\text{component means of squares}"),
                    exact: cosineRun(2), heuristic: cosineRun(3), over: meanAxis, tolerance: squareTolerance))),
                 remark: "Default simulation (cosine 2·10⁻³ → 2·10⁻⁴, λ = 0.2, T = 5000, β = (0.9, 0.95), d = 2·10⁴ coordinates, g ~ N(μ, 1), μ ∈ {0, 0.5}): component means of ū_T² against (m̄_T/√v̄_T)². Tolerance: the series' 5 % on RMS (10.25 % on squares, from part 1); the article states none."),
            Step("11404.10", "RMS of the unrolled form", at: "步骤之一 (step 1), fifth display, first relation",
                 claim: .identity(Identity(rmsNorm(expRecursion) ** 2, equals: exp(-2 * kappa(t)) * rmsNorm(theta0 - z(t) * uBar) ** 2,
                                           over: dynamicSpace(vectors, steps: 5...15))),
                 remark: "Exact for the exponential recursion; its ≈ is that of 11404.3/.5."),
            Step("11404.11", "drop the cross term θ₀·ū_t", at: "步骤之一 (step 1), fifth display, second ≈",
                 claim: .scaling(ScalingClaim(
                    Display(exp(-2 * kappa(t)) * rmsNorm(theta0 - z(t) * uBarShown) ** 2, .approximately,
                            exp(-2 * kappa(t)) * rmsNorm(theta0) ** 2 + exp(-2 * kappa(t)) * z(t) ** 2 * rmsNorm(uBarShown) ** 2, regime: "d\\to\\infty"),
                    sizes: [10, 100, 1000], replicates: 120, expectedOrder: 0.5) { n, rng in
                        let (etas, decays, weights, zT) = DynamicAdamW.arrays(shortSchedule)
                        var t0 = 0.0, ub = 0.0, cross = 0.0
                        for _ in 0..<n {
                            let r = DynamicAdamW.coordinate(&rng, etas: etas, decays: decays, weights: weights, z: zT, mean: 0, r0: 0.1)
                            t0 += r[1]; ub += r[2]; cross += r[7]
                        }
                        return -2 * zT * cross / (t0 + zT * zT * ub)
                    }),
                 remark: "The relative cross term -2z_t⟨θ₀,ū_t⟩/(‖θ₀‖² + z_t²‖ū_t‖²) on blocks of n coordinates of AdamW runs (short cosine schedule T = 300, κ_T = 1.1, θ₀ ~ N(0, 0.1²)): its RMS over 120 blocks must fall like n^{-1/2}."),
        ]
    }

    static var stepTwoThree: [Step] {
        let a = Family(Symbol("a")), b = Family(Symbol("b"))
        let gradients = Parameter(g[i], .family(dimension: 3, lower: -1, upper: 1))
        let betas = [Parameter(beta1, .uniform(0.8, 0.95)), Parameter(beta2, .uniform(0.9, 0.999))]
        let mRoll = (1 - beta1) * sum("i", 1, t) { i in beta1 ** (t - i) * g[i] }
        let vRoll = (1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * g[i] ** 2 }
        let mDouble = (1 - beta1) / z(t) * sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] * sum("j", 1, i) { j in beta1 ** (i - j) * g[j] } }
        let vDouble = (1 - beta2) / z(t) * sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] * sum("j", 1, i) { j in beta2 ** (i - j) * g[j] ** 2 } }
        let small = dynamicSpace(betas + [gradients], steps: 3...12)
        let gaussian = { (extra: [Parameter]) in
            dynamicSpace([Parameter(mu, .fixed(0.4)), Parameter(sigma, .fixed(1.3)),
                          Parameter(g[i], .gaussianFamily(dimension: nil, mean: 0.4, sd: 1.3))] + extra, steps: 3...4)
        }
        let rules = [ExpectationModel.MomentRule("g", .mean, mu), ExpectationModel.MomentRule("g", .secondMoment, mu ** 2 + sigma ** 2)]
        // X = Σ_{j≤8} a_jg_j with random weights a_j stands for m̄_t = Σβ̄₁(j,t)g_j (same structure, cheaper).
        let xSum = sum("j", 1, 8) { j in a[j] * g[j] }
        let eightTerms = ParameterSpace([Parameter(a[i], .family(dimension: nil, lower: 0, upper: 0.3)), Parameter(mu, .fixed(0.4)), Parameter(sigma, .fixed(1.3)),
                                         Parameter(g[i], .gaussianFamily(dimension: nil, mean: 0.4, sd: 1.3))])
        let vBarSum = sum("j", 1, t) { j in g[j] ** 2 * barBeta(2, beta2, j) }
        let mBarSum = sum("j", 1, t) { j in g[j] * barBeta(1, beta1, j) }
        let gapIdentity = { (k: Int, bb: Expr) in
            Claim.identity(Identity(sum("j", 1, t) { j in barBeta(k, bb, j) },
                                    equals: 1 - sum("i", 1, t) { i in exp(kappa(i)) * etaSeq[i] * bb ** i } / z(t),
                                    over: dynamicSpace([Parameter(bb, .uniform(0.5, 0.999))], steps: 3...15)))
        }
        let family = ParameterSpace([Parameter(lambda, .derived(1000 / t))])
        let tPath = RegimePath.increasing(t, [100, 1000, 10_000])
        let S: Expr = .symbol(Symbol("S", latex: "\\sum_{j=1}^t\\bar{\\beta}_1(j,t)^2"))
        let snr = norm(mu) ** 2 / norm(sigma) ** 2
        let sigmaV = randomVector(Symbol.vector("sigma"), "sigmaSample")
        let x0 = Expr.symbol(Symbol("x", latex: "x")), pdf = { (e: Expr) in Expr.call(.normalPDF, [(e - mu) / sigma]) / sigma }
        // Two fixed points: each whole-line quadrature costs ~0.3 s at 50 digits.
        let momentPoints = [(Expr(-0.7), Expr(0.3)), (Expr(0.45), Expr(1.7))].map { mm, ss in
            ParameterSpace([Parameter(mu, .fixed(mm)), Parameter(sigma, .fixed(ss))])
        }
        _ = x0
        return [
            Step("11404.12", "gradient model", at: "步骤之二 (step 2), first sentence",
                 claim: .definition(Definition(g[j], .symbol(Symbol("gaussian", latex: "\\mathcal{N}(\\boldsymbol{\\mu},\\boldsymbol{\\sigma}^2)")))),
                 remark: "i.i.d. over j (stated in words)."),
            Step("11404.13", "mean field: E[ū²] ≈ E[m̄²/v̄]", at: "步骤之二 (step 2), first display, first ≈",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(expectation(uBarShown ** 2), .approximately, expectation(mBarShown ** 2 / vBarShown)),
                    exact: cosineRun(2), heuristic: ratio(2, 0), over: meanAxis, tolerance: squareTolerance))),
                 remark: "Left: the component mean of ū_T² in the default simulation (u = m/√v, d = 2·10⁴; standard error ≈ 1 %). Right: exact E[m̄²/v̄] by one-dimensional quadrature (Gaussian tilting, 11404.14's formula, Double). Tolerance 10.25 % on squares (the series' 5 % on RMS)."),
            Step("11404.14", "mean field: E[m̄²/v̄] ≈ E[m̄²]/E[v̄]", at: "步骤之二 (step 2), first display, second ≈",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(Display(expectation(mBarShown ** 2 / vBarShown), .approximately,
                                                      expectation(mBarShown ** 2) / expectation(vBarShown)),
                                              exact: ratio(2, 0), heuristic: ratio(2, 1), over: meanAxis, tolerance: squareTolerance)),
                    .meanField(MeanFieldClaim(Display(expectation(mBarShown ** 2 / vBarShown), .approximately,
                                                      expectation(mBarShown ** 2) / expectation(vBarShown), regime: "t = 30,\\ \\lambda = 0"),
                                              exact: ratio(0, 0, steps: 30, lambda: 0), heuristic: ratio(0, 1, steps: 30, lambda: 0),
                                              over: meanAxis, tolerance: squareTolerance)),
                 ])),
                 remark: "Exact E[X²/Y] = ∫₀^∞E[X²e^{-sY}]ds (Gaussian tilting, 1-D quadrature in Double) with X = Σβ̄₁(j,t)g_j, Y = Σβ̄₂(j,t)g_j², g ~ N(μ, 1): the default cosine schedule (T = 5000) and a short window (constant η, λ = 0, t = 30). The simulation of 11404.9 cross-checks it (11404.13). Tolerance 10.25 % on squares."),
            Step("11404.15", "component average ≈ RMS", at: "步骤之二 (step 2), sentence after the first display",
                 claim: .scaling(ScalingClaim(
                    Display(.call(.componentMean, [expectation(uBarShown ** 2)]), .approximately, rmsNorm(uBarShown) ** 2, regime: "d\\to\\infty"),
                    sizes: [10, 100, 1000], replicates: 120, expectedOrder: 0.5) { n, rng in
                        let (etas, decays, weights, zT) = DynamicAdamW.arrays(shortSchedule)
                        var blocks = [0.0, 0.0]
                        for k in 0..<2 {
                            for _ in 0..<n {
                                blocks[k] += DynamicAdamW.coordinate(&rng, etas: etas, decays: decays, weights: weights, z: zT, mean: 0, r0: 0.1)[2]
                            }
                        }
                        return 2 * (blocks[0] - blocks[1]) / (blocks[0] + blocks[1])
                    }),
                 remark: "Two independent blocks of n coordinates (short cosine schedule): the relative difference of their means of ū_t² has RMS ∝ n^{-1/2} (law of large numbers over coordinates)."),
            Step("11404.16", "unrolled EMAs", at: "步骤之二 (step 2), eq:mv-roll",
                 claim: .all([
                    .identity(Identity(AdamW.momentum(after: t), equals: mRoll, over: ParameterSpace(betas + [gradients, Parameter(t, .integers(1...15))]))),
                    .identity(Identity(AdamW.secondMoment(after: t), equals: vRoll, over: ParameterSpace(betas + [gradients, Parameter(t, .integers(1...15))]))),
                 ])),
            Step("11404.17", "exchange of a triangular double sum", at: "步骤之二 (step 2), second display",
                 claim: .identity(Identity(sum("i", 1, t) { i in sum("j", 1, i) { j in a[i] * b[j] } },
                                           equals: sum("j", 1, t) { j in sum("i", j, t) { i in a[i] * b[j] } },
                                           over: ParameterSpace([Parameter(a[i], .family(dimension: nil, lower: -1, upper: 1)),
                                                                 Parameter(b[i], .family(dimension: nil, lower: -1, upper: 1)),
                                                                 Parameter(t, .integers(1...15))])))),
            Step("11404.18", "m̄_t in terms of gradients", at: "步骤之二 (step 2), third display, line 1, first and second =",
                 claim: .identity(Identity(average { i in AdamW.momentum(after: i) }, equals: mDouble, over: small))),
            Step("11404.19", "m̄_t as a weighted sum of gradients; β̄₁(j,t)", at: "步骤之二 (step 2), third display, line 1, last =",
                 claim: .identity(Identity(mDouble, equals: mBarSum, over: small))),
            Step("11404.20", "v̄_t in terms of squared gradients", at: "步骤之二 (step 2), third display, line 2, first and second =",
                 claim: .identity(Identity(average { i in AdamW.secondMoment(after: i) }, equals: vDouble, over: small))),
            Step("11404.21", "v̄_t as a weighted sum; β̄₂(j,t)", at: "步骤之二 (step 2), third display, line 2, last =",
                 claim: .identity(Identity(vDouble, equals: vBarSum, over: small))),
            Step("11404.22", "the weights β̄_k(j,t) nearly sum to one", at: "步骤之三 (step 3), first sentence",
                 kind: "approximation",
                 claim: .all([
                    gapIdentity(1, beta1),
                    .withDigits(30, .approximation(Approximation(discrete(2, steps: t, lambda: lambda, 2), approximatedBy: 1, along: tPath,
                                                                 order: .power(1), measure: .absolute, over: family))),
                    .withDigits(30, .approximation(Approximation(discrete(2, steps: t, lambda: lambda, 3), approximatedBy: 1, along: tPath,
                                                                 order: .power(1), measure: .absolute, over: family))),
                 ]),
                 remark: "(a) exact: Σ_jβ̄_k(j,t) = 1 - z_t^{-1}Σ_ie^{κ_i}η_iβ_k^i (random dynamic schedules, random β). (b) the cosine family 2·10⁻³ → 2·10⁻⁴ stretched to t steps with λ = 1000/t (κ_t = 1.1): the gap falls like 1/t, not like β^t (the first steps' weight e^{κ_1}η_1/z_t ∝ 1/t). Tabulated.",
                 tables: [Tabulation("gap 1 - Σ_jβ̄_k(j,t), cosine family (κ_t = 1.1)", columns: ["t", "gap₁", "gap₁·t", "gap₂·t", "0.9^t"]) { _ in
                     [100, 1000, 10_000].map { steps in
                         let r = DynamicAdamW.discrete([2, 0.002, 0.0002, 1000 / Double(steps), Double(steps)], bits: 128)
                         let g1 = 1 - r[2].doubleValue, g2 = 1 - r[3].doubleValue
                         return ["\(steps)", format(g1), format(g1 * Double(steps)), format(g2 * Double(steps)), format(Foundation.pow(0.9, Double(steps)))]
                     }
                 }]),
            Step("11404.23", "E[v̄_t] by linearity", at: "步骤之三 (step 3), first display, first =",
                 claim: .expectationIdentity(ExpectationIdentity(expectation(vBarSum), equals: sum("j", 1, t) { j in barBeta(2, beta2, j) * expectation(g[j] ** 2) },
                                                                 over: gaussian([Parameter(beta2, .uniform(0.9, 0.999))]))),
                 remark: "Linearity of E: with sample moments over common draws the sides agree draw by draw."),
            Step("11404.24", "second moment of a Gaussian", at: "步骤之三 (step 3), first display, second =",
                 claim: .all([
                    .expectationIdentity(ExpectationIdentity(sum("j", 1, t) { j in barBeta(2, beta2, j) * expectation(g[j] ** 2) },
                                                             equals: sum("j", 1, t) { j in barBeta(2, beta2, j) * (mu ** 2 + sigma ** 2) },
                                                             over: gaussian([Parameter(beta2, .uniform(0.9, 0.999))]), rules: rules)),
                    .all(momentPoints.map { .identity(Identity(integral("x", -.infinity, .infinity) { y in y ** 2 * pdf(y) }, equals: mu ** 2 + sigma ** 2, over: $0)) }),
                 ]),
                 remark: "(a) the moment rule under the sum; (b) ∫x²N(x; μ, σ²)dx = μ² + σ² by quadrature at (μ, σ) = (-0.7, 0.3), (0.45, 1.7)."),
            Step("11404.25", "E[v̄_t] ≈ μ² + σ²", at: "步骤之三 (step 3), first display, ≈",
                 claim: .withDigits(30, .approximation(Approximation(
                    discrete(2, steps: t, lambda: lambda, 3) * (mu ** 2 + sigma ** 2), approximatedBy: mu ** 2 + sigma ** 2, along: tPath, order: .power(1),
                    over: ParameterSpace([Parameter(lambda, .derived(1000 / t)), Parameter(mu, .values([0, 0.5])), Parameter(sigma, .fixed(1))])))),
                 remark: "The relative error is Σ_jβ̄₂ - 1 (11404.22): O(1/t) along the cosine family."),
            Step("11404.26", "E[m̄_t] ≈ μ", at: "步骤之三 (step 3), sentence after the first display",
                 claim: .all([
                    .expectationIdentity(ExpectationIdentity(expectation(mBarSum), equals: sum("j", 1, t) { j in barBeta(1, beta1, j) } * mu,
                                                             over: gaussian([Parameter(beta1, .uniform(0.8, 0.95))]), rules: rules, restsOn: .distribution)),
                    .withDigits(30, .approximation(Approximation(discrete(2, steps: t, lambda: lambda, 2) * mu, approximatedBy: mu, along: tPath,
                                                                 order: .power(1), over: ParameterSpace([Parameter(lambda, .derived(1000 / t)), Parameter(mu, .fixed(0.5))])))),
                 ]),
                 remark: "(a) E[m̄_t] = μΣ_jβ̄₁(j,t) exactly; (b) ≈ μ with relative error Σβ̄₁ - 1 = O(1/t)."),
            Step("11404.27", "second moment = squared mean + variance", at: "步骤之三 (step 3), same sentence",
                 claim: .expectationIdentity(ExpectationIdentity(expectation(xSum ** 2), equals: expectation(xSum) ** 2 + variance(xSum), over: eightTerms)),
                 remark: "The definition of the variance: exact for sample moments."),
            Step("11404.28", "variance of an independent sum", at: "步骤之三 (step 3), second display, first =",
                 claim: .expectationIdentity(ExpectationIdentity(variance(xSum), equals: sum("j", 1, 8) { j in a[j] ** 2 * variance(g[j]) },
                                                                 over: eightTerms, restsOn: .distribution, batches: 24, samplesPerBatch: 128)),
                 remark: "Rests on independence (covariances vanish): batch differences must average to 0 within 4 standard errors."),
            Step("11404.29", "Var[g_j] = σ²", at: "步骤之三 (step 3), second display, second =",
                 claim: .all(momentPoints.map { .identity(Identity(integral("x", -.infinity, .infinity) { y in (y - mu) ** 2 * pdf(y) }, equals: sigma ** 2, over: $0)) }),
                 remark: "∫(x-μ)²N(x; μ, σ²)dx = σ² by whole-line quadrature at (μ, σ) = (-0.7, 0.3), (0.45, 1.7)."),
            Step("11404.30", "mean-field estimate of E[ū_t²]", at: "步骤之三 (step 3), third display",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(Display(expectation(uBarShown ** 2), .approximately, (mu ** 2 + sigma ** 2 * S) / (mu ** 2 + sigma ** 2)),
                                              exact: cosineRun(2), heuristic: ratio(2, 2), over: meanAxis, tolerance: squareTolerance)),
                    .meanField(MeanFieldClaim(Display(expectation(mBarShown ** 2 / vBarShown), .approximately, (mu ** 2 + sigma ** 2 * S) / (mu ** 2 + sigma ** 2)),
                                              exact: ratio(2, 0), heuristic: ratio(2, 2), over: meanAxis, tolerance: squareTolerance)),
                 ])),
                 remark: "σ = 1, default cosine schedule: the formula against (i) the simulated component mean of ū_T² and (ii) the exact E[m̄²/v̄] (quadrature). Tolerance 10.25 % on squares."),
            Step("11404.31", "from coordinates to the RMS", at: "步骤之三 (step 3), fourth display",
                 claim: .identity(Identity(.call(.componentMean, [(0.49 * sigmaV ** 2 + sigmaV ** 2 * S) / (0.49 * sigmaV ** 2 + sigmaV ** 2)]),
                                           equals: (norm(0.7 * sigmaV) ** 2 / norm(sigmaV) ** 2 + S) / (norm(0.7 * sigmaV) ** 2 / norm(sigmaV) ** 2 + 1),
                                           over: ParameterSpace([Parameter(S, .uniform(0.01, 0.2)), vectorSource("sigmaSample", dimension: 200, 0.5, 1.5)]))),
                 remark: "Exact when every coordinate has the same μ_k/σ_k (case (a): μ = 0.7σ, σ_k ~ U[0.5, 1.5], d = 200). For heterogeneous μ_k (case (b)) the ratio of averages is a further approximation; its error is tabulated.",
                 tables: [Tabulation("case (b): μ_k ~ U[0,1], σ_k ~ U[0.5,1.5], d = 1000", columns: ["S = Σβ̄₁²", "mean of ratios", "ratio of averages", "relative error"]) { _ in
                     var rng = SplitMix64(seed: 11_404_031)
                     let pairs = (0..<1000).map { _ in (rng.nextUnit(), 0.5 + rng.nextUnit()) }
                     return [0.01, 0.05, 0.2].map { s in
                         let left = pairs.map { (mk, sk) in (mk * mk + sk * sk * s) / (mk * mk + sk * sk) }.reduce(0, +) / 1000
                         let rho = pairs.map { $0.0 * $0.0 }.reduce(0, +) / pairs.map { $0.1 * $0.1 }.reduce(0, +)
                         let right = (rho + s) / (rho + 1)
                         return [format(s), format(left), format(right), format(right / left - 1)]
                     }
                 }]),
            Step("11404.32", "weight RMS formula, dynamic schedules", at: "步骤之三 (step 3), fifth display",
                 kind: "approximation",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(rmsNorm(theta[t]) ** 2, .approximately,
                            exp(-2 * kappa(t)) * rmsNorm(theta0) ** 2 + exp(-2 * kappa(t)) * z(t) ** 2 * (snr + S) / (snr + 1)),
                    exact: cosineRun(0),
                    heuristic: exp(-2 * discrete(2, 0)) * cosineRun(1)
                        + exp(-2 * discrete(2, 0)) * discrete(2, 1) ** 2 * (mu ** 2 + discrete(2, 4)) / (mu ** 2 + 1),
                    over: meanAxis, tolerance: squareTolerance))),
                 remark: "Literal AdamW (default cosine run, d = 2·10⁴, μ ∈ {0, 0.5}, σ = 1): simulated ‖θ_T‖²_RMS against the formula with the realised ‖θ₀‖²_RMS and the exact discrete κ_T, z_T, Σβ̄₁². Tolerance 10.25 % on squares (5 % on RMS)."),
        ]
    }

    static func format(_ value: Double) -> String { BigFloat(value).decimalString(digits: 5) }
}
