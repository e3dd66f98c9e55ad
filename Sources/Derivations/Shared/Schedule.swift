import Symbolic

/// A learning-rate / weight-decay schedule (11404, 11459) as expressions in a step or time
/// variable, usable both in finite sums over steps i = 1…t and in integrals over s ∈ [0, t].
///
/// The derived quantities of the articles are built once here:
/// κ_t = Σ η_iλ_i (discrete) or ∫₀ᵗ λ_sη_s ds (continuous), z_t = Σ e^{κ_i}η_i, ν_t = ∫₀ᵗ η_s² ds,
/// and the weights β̄_k(j,t) = (1-β_k)/z_t · Σ_{i=j}^t e^{κ_i}β_k^{i-j}η_i.
struct Schedule: Sendable {
    let name: String
    /// The schedule's own parameters (η_max, t₁, …) with the domains a check samples from.
    let parameters: [Parameter]
    let learningRate: @Sendable (Expr) -> Expr
    let weightDecay: @Sendable (Expr) -> Expr

    /// η at step or time x.
    func eta(_ x: Expr) -> Expr { learningRate(x) }
    /// λ at step or time x.
    func lambda(_ x: Expr) -> Expr { weightDecay(x) }

    // MARK: discrete (steps)

    /// κ_t = Σ_{i=1}^t η_iλ_i.
    func kappaSum(_ t: Expr, index: String = "i") -> Expr {
        sum(index, 1, t) { i in eta(i) * lambda(i) }
    }

    /// z_t = Σ_{i=1}^t e^{κ_i}η_i (κ_i itself a sum: O(t²) terms, fine for t ≲ 10³).
    func zSum(_ t: Expr) -> Expr {
        sum("i", 1, t) { i in exp(kappaSum(i, index: "l")) * eta(i) }
    }

    /// β̄_k(j,t) = (1-β)/z_t · Σ_{i=j}^t e^{κ_i}β^{i-j}η_i.
    func averagedWeight(_ beta: Expr, j: Expr, t: Expr) -> Expr {
        (1 - beta) / zSum(t) * sum("i", j, t) { i in exp(kappaSum(i, index: "l")) * beta ** (i - j) * eta(i) }
    }

    // MARK: continuous (time)

    /// κ_t = ∫₀ᵗ λ_sη_s ds, by quadrature.
    func kappaIntegral(_ t: Expr) -> Expr {
        integral("s", 0, t) { s in lambda(s) * eta(s) }
    }

    /// ν_t = ∫₀ᵗ η_s² ds, by quadrature.
    func nuIntegral(_ t: Expr) -> Expr {
        integral("s", 0, t) { s in eta(s) ** 2 }
    }
}

extension Schedule {
    static let etaMax: Expr = .symbol(Symbol("etaMax", latex: "\\eta_{\\max}"))
    static let etaMin: Expr = .symbol(Symbol("etaMin", latex: "\\eta_{\\min}"))
    static let etaA: Expr = .symbol(Symbol("etaA", latex: "\\eta_a"))
    static let etaB: Expr = .symbol(Symbol("etaB", latex: "\\eta_b"))
    static let lambdaMax: Expr = .symbol(Symbol("lambdaMax", latex: "\\lambda_{\\max}"))
    static let total: Expr = .symbol(Symbol("t"))
    static let t1: Expr = .symbol(Symbol("t1", latex: "t_1"))
    static let t2: Expr = .symbol(Symbol("t2", latex: "t_2"))

    /// Constant η and λ.
    static func constant(eta: Expr = Notation.eta, lambda: Expr = Notation.lambda) -> Schedule {
        Schedule(name: "constant", parameters: [], learningRate: { _ in eta }, weightDecay: { _ in lambda })
    }

    /// η_s = η_a + (η_b - η_a)s/t with constant λ (11404 example 1).
    static func linear(lambda: Expr = Notation.lambda) -> Schedule {
        Schedule(name: "linear", parameters: [Parameter(etaA, .logUniform(1e-4, 1e-2)), Parameter(etaB, .logUniform(1e-5, 1e-3))],
                 learningRate: { s in etaA + (etaB - etaA) * s / total }, weightDecay: { _ in lambda })
    }

    /// η_s = η_min + (η_max - η_min)(1/2 + cos(sπ/t)/2) with constant λ (11404 example 2).
    static func cosine(lambda: Expr = Notation.lambda) -> Schedule {
        Schedule(name: "cosine", parameters: [Parameter(etaMax, .logUniform(1e-4, 1e-2)), Parameter(etaMin, .logUniform(1e-6, 1e-4))],
                 learningRate: { s in etaMin + (etaMax - etaMin) * (Expr.rational(1, 2) + Expr.rational(1, 2) * cos(s * .pi / total)) },
                 weightDecay: { _ in lambda })
    }

    /// Warmup to η_max on [0, t₁], stable on [t₁, t₂], linear decay to 0 on [t₂, t] (11404 example 3).
    static func warmupStableDecay(lambda: Expr = Notation.lambda) -> Schedule {
        Schedule(name: "WSD", parameters: [Parameter(etaMax, .logUniform(1e-4, 1e-2))],
                 learningRate: { s in
                     .piecewise([Branch(Condition(s, .lessOrEqual, t1), s / t1 * etaMax),
                                 Branch(Condition(s, .lessOrEqual, t2), etaMax)],
                                otherwise: (total - s) / (total - t2) * etaMax)
                 },
                 weightDecay: { _ in lambda })
    }

    /// The equal-weight schedule for constant λ (11459): η_s = η_max/(λη_max s + 1).
    static func optimalConstantDecay(lambda: Expr = Notation.lambda) -> Schedule {
        Schedule(name: "optimal (constant λ)", parameters: [Parameter(etaMax, .logUniform(1e-4, 1e-2))],
                 learningRate: { s in etaMax / (lambda * etaMax * s + 1) }, weightDecay: { _ in lambda })
    }

    /// The equal-weight pair with λ_s = (λ_max/η_max)η_s (11459): both ∝ 1/sqrt(2λ_maxη_max s + 1).
    static func optimalProportionalDecay() -> Schedule {
        Schedule(name: "optimal (λ ∝ η)",
                 parameters: [Parameter(etaMax, .logUniform(1e-4, 1e-2)), Parameter(lambdaMax, .uniform(0.01, 0.3))],
                 learningRate: { s in etaMax / sqrt(2 * lambdaMax * etaMax * s + 1) },
                 weightDecay: { s in lambdaMax / sqrt(2 * lambdaMax * etaMax * s + 1) })
    }

    /// Any schedule given by families η_i, λ_i (random dynamic schedules of the inventories:
    /// bind the families with `.family` domains).
    static func given(eta: Family, lambda: Family) -> Schedule {
        Schedule(name: "given", parameters: [], learningRate: { i in eta[i] }, weightDecay: { i in lambda[i] })
    }
}
