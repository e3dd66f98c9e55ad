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

// MARK: closed-form cumulative decay (added for 11404)

/// A schedule in continuous time with its cumulative decay κ_s = ∫₀ˢ λη in closed form and
/// the kinks of η inside [0, t] (so that quadratures split there: double-exponential
/// quadrature converges to full precision only on smooth pieces). The closed forms are
/// checked against quadrature in ScheduleTests and by 11404.73/.76/.79.
struct ContinuousSchedule: Sendable {
    let schedule: Schedule
    /// κ_s in closed form.
    let kappa: @Sendable (Expr) -> Expr
    /// Kinks of η in (0, t), increasing.
    let breaks: [Expr]

    func eta(_ s: Expr) -> Expr { schedule.eta(s) }
    func lambda(_ s: Expr) -> Expr { schedule.lambda(s) }

    /// ∫₀ᵗ body ds, split at the kinks (t is the schedule's planned total `Schedule.total`).
    func integral(_ body: @escaping (Expr) -> Expr) -> Expr {
        let points: [Expr] = [0] + breaks + [Schedule.total]
        return Expr.add(zip(points, points.dropFirst()).map { a, b in Symbolic.integral("s", a, b, body) })
    }

    /// κ_t by quadrature (split at the kinks).
    var kappaQuadrature: Expr { integral { s in lambda(s) * eta(s) } }
    /// ν_t = ∫₀ᵗ η_s² ds by quadrature (split at the kinks).
    var nuQuadrature: Expr { integral { s in eta(s) ** 2 } }
    /// e^{-2κ_t}∫₀ᵗ e^{2κ_s}η_s² ds (eq:w-rms-int's data term), written as ∫ e^{2(κ_s-κ_t)}η_s² ds
    /// so that no factor overflows the scale of the result.
    var dataIntegral: Expr {
        let end = kappa(Schedule.total)
        return integral { s in exp(2 * (kappa(s) - end)) * eta(s) ** 2 }
    }
}

extension ContinuousSchedule {
    typealias S = Schedule
    static func constant(lambda: Expr = Notation.lambda) -> ContinuousSchedule {
        ContinuousSchedule(schedule: .constant(eta: S.etaMax, lambda: lambda), kappa: { s in lambda * S.etaMax * s }, breaks: [])
    }

    /// κ_s = λ(η_a s + (η_b - η_a)s²/(2t)).
    static func linear(lambda: Expr = Notation.lambda) -> ContinuousSchedule {
        ContinuousSchedule(schedule: .linear(lambda: lambda),
                           kappa: { s in lambda * (S.etaA * s + (S.etaB - S.etaA) * s ** 2 / (2 * S.total)) }, breaks: [])
    }

    /// κ_s = λ(η_min s + (η_max - η_min)(s/2 + t sin(πs/t)/(2π))).
    static func cosine(lambda: Expr = Notation.lambda) -> ContinuousSchedule {
        ContinuousSchedule(schedule: .cosine(lambda: lambda),
                           kappa: { s in
                               lambda * (S.etaMin * s + (S.etaMax - S.etaMin) * (s / 2 + S.total * sin(.pi * s / S.total) / (2 * .pi)))
                           }, breaks: [])
    }

    /// κ_s = λη_max·{s²/(2t₁); t₁/2 + s - t₁; t₂ - t₁/2 + ((t-t₂)² - (t-s)²)/(2(t-t₂))}.
    static func warmupStableDecay(lambda: Expr = Notation.lambda) -> ContinuousSchedule {
        ContinuousSchedule(schedule: .warmupStableDecay(lambda: lambda),
                           kappa: { s in
                               lambda * S.etaMax * .piecewise(
                                   [Branch(Condition(s, .lessOrEqual, S.t1), s ** 2 / (2 * S.t1)),
                                    Branch(Condition(s, .lessOrEqual, S.t2), S.t1 / 2 + s - S.t1)],
                                   otherwise: S.t2 - S.t1 / 2 + ((S.total - S.t2) ** 2 - (S.total - s) ** 2) / (2 * (S.total - S.t2)))
                           }, breaks: [S.t1, S.t2])
    }

    /// κ_s = log(1 + λη_max s).
    static func optimalConstantDecay(lambda: Expr = Notation.lambda) -> ContinuousSchedule {
        ContinuousSchedule(schedule: .optimalConstantDecay(lambda: lambda), kappa: { s in log(1 + lambda * S.etaMax * s) }, breaks: [])
    }

    /// κ_s = log(1 + 2λ_maxη_max s)/2.
    static func optimalProportionalDecay() -> ContinuousSchedule {
        ContinuousSchedule(schedule: .optimalProportionalDecay(), kappa: { s in log(1 + 2 * S.lambdaMax * S.etaMax * s) / 2 }, breaks: [])
    }
}
