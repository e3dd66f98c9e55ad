import Symbolic

extension Articles {
    /// 11307 — Asymptotic estimate of AdamW's weight RMS, part 1 (kexue.fm/archives/11307).
    /// Steps follow ../shared/derivations/11307.md; "display #n" counts the article's equations.
    public static let weightRMSConstant = Derivation(
        11307, title: "Asymptotic estimate of AdamW's Weight RMS (part 1)",
        originalTitle: "AdamW的Weight RMS的渐近估计（上）", steps: Article11307.steps)
}

enum Article11307 {
    typealias N = Notation
    static let (beta1, beta2, beta3, eta, lambda, t, d) = (N.beta1, N.beta2, N.beta3, N.eta, N.lambda, N.t, N.d)
    static let (mu, sigma, i, j, g) = (N.mu, N.sigma, N.i, N.j, N.g)
    /// k = (1-β₁)/(1+β₁), the mean-field Update RMS² (11267).
    static let kFactor = (1 - beta1) / (1 + beta1)

    /// The inventory's q: the value β₃^t is held near while β₃ → 1 (t = ⌈ln q / ln β₃⌉).
    static let q: Expr = .symbol(Symbol("q"))
    /// ε = 1 - β₃ = ηλ, the small parameter of the "β₃ → 1 at fixed β₃^t" regime.
    static let eps3: Expr = .symbol(Symbol("epsilon3", latex: "\\varepsilon"))
    /// Path variable for "t → ∞ in units of the decay time": t = n/(ηλ), so β₃^t ≈ e^{-n}.
    static let n: Expr = .symbol(Symbol("n"))
    static let infinity: Expr = .symbol(Symbol("infinity", latex: "\\infty"))

    // Vector families, written as the article writes them.
    static let theta = Family(Symbol.vector("theta"))
    static let u = Family(Symbol.vector("u"))
    static let m = Family(Symbol.vector("m"))
    static let v = Family(Symbol.vector("v"))
    static let mHat = Family(Symbol.vector("mhat", latex: "\\hat{\\boldsymbol{m}}"))
    static let vHat = Family(Symbol.vector("vhat", latex: "\\hat{\\boldsymbol{v}}"))
    static let uTilde = Family(Symbol.vector("utilde", latex: "\\tilde{\\boldsymbol{u}}"))

    /// (1-β₃)/(1-β₃^t) Σ_{i≤t} β₃^{t-i} x_i: the normalized β₃-average of eq:u-bar.
    static func average(_ x: (Expr) -> Expr) -> Expr {
        (1 - beta3) / (1 - beta3 ** t) * sum("i", 1, t) { i in beta3 ** (t - i) * x(i) }
    }

    static let uBar = Expr.named(Symbol.vector("ubar", latex: "\\bar{\\boldsymbol{u}}_t"), average { i in u[i] })
    static let mBar = Expr.named(Symbol.vector("mbar", latex: "\\bar{\\boldsymbol{m}}_t"), average { i in mHat[i] })
    static let vBar = Expr.named(Symbol.vector("vbar", latex: "\\bar{\\boldsymbol{v}}_t"), average { i in vHat[i] })

    /// ‖θ₀‖_RMS as a scalar parameter (the formula steps depend on θ₀ only through it).
    static let r0: Expr = .symbol(Symbol("theta0RMS", latex: "\\Vert\\boldsymbol{\\theta}_0\\Vert_{RMS}"))
    /// ‖μ‖²/‖σ‖² with μ, σ sampled as scalars (the formulas depend only on this ratio).
    static let snr = norm(mu) ** 2 / norm(sigma) ** 2

    /// eq:theta-rms (display #16); with `offset` = k it is the SignSGDMW version (display #24).
    static func weightRMS2(snr s: Expr, offset: Expr = 1) -> Expr {
        beta3 ** (2 * t) * r0 ** 2
            + (1 - beta3 ** t) ** 2 * (s + (1 - beta3) * (1 + beta3 ** t) / (2 * (1 - beta3 ** t)))
            / (lambda ** 2 * (s + offset))
    }

    /// Σ_j (β₃^{t-j+1} - β^{t-j+1})/(β₃ - β) · x_j: the collapsed double EMA of display #11.
    static func collapsed(_ beta: Expr, _ x: (Expr) -> Expr) -> Expr {
        sum("j", 1, t) { j in (beta3 ** (t - j + 1) - beta ** (t - j + 1)) / (beta3 - beta) * x(j) }
    }

    /// Display #12 line 3 (β = β₂) and its β₁-analogue: E of the β₃-average of an EMA, per unit moment.
    static func averagedWeight(_ beta: Expr) -> Expr {
        (1 - beta3) * (1 - beta) / ((1 - beta3 ** t) * (beta3 - beta))
            * ((beta3 - beta3 ** (t + 1)) / (1 - beta3) - (beta - beta ** (t + 1)) / (1 - beta))
    }

    /// Display #13 line 3 without σ²: the three geometric sums of Var[m̄_t].
    static let varianceFactor = (1 - beta3) ** 2 * (1 - beta1) ** 2 / ((1 - beta3 ** t) ** 2 * (beta3 - beta1) ** 2)
        * ((beta3 ** 2 - beta3 ** (2 * (t + 1))) / (1 - beta3 ** 2) + (beta1 ** 2 - beta1 ** (2 * (t + 1))) / (1 - beta1 ** 2)
           - 2 * (beta1 * beta3 - beta1 ** (t + 1) * beta3 ** (t + 1)) / (1 - beta1 * beta3))

    static let expectedVBar = Expr.named(Symbol("EvBar", latex: "\\mathbb{E}[\\bar{\\boldsymbol{v}}_t]"),
                                         averagedWeight(beta2) * (mu ** 2 + sigma ** 2))
    static let expectedMBar = Expr.named(Symbol("EmBar", latex: "\\mathbb{E}[\\bar{\\boldsymbol{m}}_t]"),
                                         averagedWeight(beta1) * mu)
    static let varianceMBar = Expr.named(Symbol("VarmBar", latex: "\\mathbb{V}ar[\\bar{\\boldsymbol{m}}_t]"),
                                         varianceFactor * sigma ** 2)

    /// A random vector shown under its article name (𝜽_{t-1}, 𝒖_t) and drawn from `source`.
    static func randomVector(_ shown: Symbol, _ source: String) -> Expr { .named(shown, Family(Symbol(source))[0]) }
    static func vectorSource(_ source: String, dimension: Int, _ lower: Double = -1, _ upper: Double = 1) -> Parameter {
        Parameter(Symbol(source), .family(dimension: dimension, lower: lower, upper: upper))
    }

    /// η, λ over the inventory's ranges and β₃ = 1 - ηλ after them.
    static let decay: [Parameter] = [Parameter(eta, .logUniform(1e-5, 1e-1)), Parameter(lambda, .logUniform(1e-3, 1)),
                                     Parameter(beta3, .derived(1 - eta * lambda))]
    /// β₃ = 1 - ε and t = ⌈ln q / ln β₃⌉ after the path variable ε and the q axis.
    static let fixedQ: [Parameter] = [Parameter(beta3, .derived(1 - eps3)), Parameter(t, .derived(ceil(log(q) / log(beta3))))]

    /// v̄_t and m̄_t computed from the gradients (v_i, m_i by their recursions, no bias correction):
    /// the random quantities whose expectations 11307.24–.31 and .47 take.
    static let vBarOfGradients = Expr.named(Symbol.vector("vbar", latex: "\\bar{\\boldsymbol{v}}_t"), average { i in AdamW.secondMoment(after: i) })
    static let mBarOfGradients = Expr.named(Symbol.vector("mbar", latex: "\\bar{\\boldsymbol{m}}_t"), average { i in AdamW.momentum(after: i) })
    /// The Gaussian gradient model g_j ~ N(μ, σ²) (11307.17) as moment rules, and its parameters.
    static let gradientMoments = [ExpectationModel.MomentRule("g", .mean, mu),
                                  ExpectationModel.MomentRule("g", .secondMoment, mu ** 2 + sigma ** 2),
                                  ExpectationModel.MomentRule("g", .variance, sigma ** 2)]
    static func gaussianGradients(_ extra: [Parameter]) -> ParameterSpace {
        ParameterSpace(extra + [Parameter(mu, .fixed(0.3)), Parameter(sigma, .fixed(1.2)),
                                Parameter(g[i], .gaussianFamily(dimension: nil, mean: 0.3, sd: 1.2))])
    }

    static var steps: [Step] { setup + quickEstimate + betterApproximation + analysis + signVersion + relatedAnalysis }
}
