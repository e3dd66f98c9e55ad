import Symbolic

extension Articles {
    /// 11459 — Weight decay and learning rate from the moving-average viewpoint (kexue.fm/archives/11459).
    /// Steps follow ../shared/derivations/11459.md; sections are the article's headings.
    public static let weightDecayEMA = Derivation(
        11459, title: "Weight decay and learning rate from the moving-average viewpoint", originalTitle: "滑动平均视角下的权重衰减和学习率",
        steps: Article11459.steps)
}

enum Article11459 {
    typealias N = Notation
    static let (beta1, beta2, beta3, eta, lambda, t, epsilon) = (N.beta1, N.beta2, N.beta3, N.eta, N.lambda, N.t, N.epsilon)
    static let (i, j, g) = (N.i, N.j, N.g)

    // Vector families, written as the article writes them.
    static let theta = Family(Symbol.vector("theta"))
    static let u = Family(Symbol.vector("u"))
    static let m = Family(Symbol.vector("m"))
    static let v = Family(Symbol.vector("v"))
    static let mHat = Family(Symbol.vector("mhat", latex: "\\hat{\\boldsymbol{m}}"))
    static let vHat = Family(Symbol.vector("vhat", latex: "\\hat{\\boldsymbol{v}}"))
    /// Per-step schedules η_i, λ_i (random dynamic schedules bind them as families).
    static let etaF = Family(Symbol("eta"))
    static let lambdaF = Family(Symbol("lambda"))

    static let s: Expr = .symbol(Symbol("s"))
    static let x: Expr = .symbol(Symbol("x", latex: "\\lambda\\eta"))
    static let c: Expr = .symbol(Symbol("c"))
    static let etaMax = Schedule.etaMax
    static let lambdaMax = Schedule.lambdaMax

    static func int(_ n: Int) -> Expr { .number(Rational(n)) }

    /// A random vector shown under its article name and drawn from the family `source`.
    static func randomVector(_ shown: Symbol, _ source: String) -> Expr { .named(shown, Family(Symbol(source))[0]) }
    static func vectorSource(_ source: String, dimension: Int, _ lower: Double = -1, _ upper: Double = 1) -> Parameter {
        Parameter(Symbol(source), .family(dimension: dimension, lower: lower, upper: upper))
    }
    static func gradients(_ dimension: Int?) -> Parameter { Parameter(g[i], .family(dimension: dimension, lower: -2, upper: 2)) }

    /// (1-β₃)/(1-β₃^t) Σ_{i≤t} β₃^{t-i} x_i: the normalized β₃-average of eq:u-bar.
    static func average(_ x: (Expr) -> Expr) -> Expr {
        (1 - beta3) / (1 - beta3 ** t) * sum("i", 1, t) { i in beta3 ** (t - i) * x(i) }
    }

    /// The unrolled EMA (1-β)Σ_{j≤n} β^{n-j} x_j (11459.11).
    static func unrolled(_ beta: Expr, _ n: Expr, _ x: (Expr) -> Expr) -> Expr {
        (1 - beta) * sum("j", 1, n) { j in beta ** (n - j) * x(j) }
    }

    /// u_i = m_i/√v_i from the optimizer's recursions (Adam, ε = 0, no bias correction).
    static func adamUpdate(_ n: Expr) -> Expr { AdamW.momentum(after: n) / sqrt(AdamW.secondMoment(after: n)) }

    /// A random dynamic schedule (inventory: η_i ~ U[10⁻³, 10⁻²], λ_i ~ U[0, 0.3]).
    static let dynamic = Schedule.given(eta: etaF, lambda: lambdaF)
    static let dynamicParameters: [Parameter] = [Parameter(etaF[i], .family(dimension: nil, lower: 1e-3, upper: 1e-2)),
                                                 Parameter(lambdaF[i], .family(dimension: nil, lower: 0, upper: 0.3))]

    /// e^{κ_i}η_i for a schedule, with κ_i as the schedule's sum.
    static func weight(_ schedule: Schedule, _ n: Expr) -> Expr { exp(schedule.kappaSum(n, index: "l")) * schedule.eta(n) }

    /// (1/z_t) Σ_{i≤t} e^{κ_i}η_i x_i: the dynamic average of 11459.27.
    static func dynamicAverage(_ schedule: Schedule, _ x: (Expr) -> Expr) -> Expr {
        1 / schedule.zSum(t) * sum("i", 1, t) { i in weight(schedule, i) * x(i) }
    }

    static var steps: [Step] { movingAverage + expansion + memory + dynamicVersion + optimal + general + discussion }
}
