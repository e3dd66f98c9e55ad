import Symbolic

/// 11459.24–11459.33: the dynamic version (κ_t, z_t, ū_t, m̄_t, v̄_t, β̄₁, β̄₂), shared with 11404.
extension Article11459 {
    static var dynamicVersion: [Step] {
        let thetaScalar: Expr = .symbol(Symbol("thetaPrev", latex: "\\theta_{t-1}"))
        let uScalar: Expr = .symbol(Symbol("uNow", latex: "u_t"))
        let etaT: Expr = .symbol(Symbol("etaT", latex: "\\eta_t"))
        let lambdaT: Expr = .symbol(Symbol("lambdaT", latex: "\\lambda_t"))
        let kappa: Expr = .symbol(Symbol("kappaT", latex: "\\kappa_t"))
        let n: Expr = .symbol(Symbol("n"))
        let previous = Symbol("x_prev", latex: "x"), index = Symbol("s")
        let exponential = Expr.recurrence(Recurrence(
            Symbol.vector("theta"), previous: previous, index: index, initial: theta[0],
            step: exp(-etaF[.symbol(index)] * lambdaF[.symbol(index)]) * .symbol(previous) - etaF[.symbol(index)] * u[.symbol(index)],
            count: t))
        let schedule = dynamic
        let fifteen = Parameter(t, .fixed(15))
        let betas = [Parameter(beta1, .uniform(0.8, 0.95)), Parameter(beta2, .uniform(0.9, 0.999))]
        let space = ParameterSpace(betas + dynamicParameters + [fifteen, gradients(3)])
        let mSum = { (k: Expr) in unrolled(beta1, k) { j in g[j] } }
        let vSum = { (k: Expr) in unrolled(beta2, k) { j in g[j] ** 2 } }
        let kappaT = schedule.kappaSum(t)
        let zT = schedule.zSum(t)
        let inner = { (beta: Expr, x: (Expr) -> Expr) in
            (1 - beta) / zT * sum("i", 1, t) { i in weight(schedule, i) * sum("j", 1, i) { j in beta ** (i - j) * x(j) } }
        }
        let weighted = { (beta: Expr, x: (Expr) -> Expr) in
            sum("j", 1, t) { j in x(j) * schedule.averagedWeight(beta, j: j, t: t) }
        }
        let beta: Expr = .symbol(Symbol("beta", latex: "\\beta"))
        let uBar = Symbol.vector("ubar", latex: "\\bar{\\boldsymbol{u}}_t")
        let mBar = Symbol.vector("mbar", latex: "\\bar{\\boldsymbol{m}}_t")
        let vBar = Symbol.vector("vbar", latex: "\\bar{\\boldsymbol{v}}_t")
        return [
            Step("11459.24", "exponential replacement of the per-step shrink factor", at: "动态版本 (dynamic version), first display, ≈",
                 claim: .all([
                    .approximation(Approximation(
                        (1 - lambdaT * etaT) * thetaScalar - etaT * uScalar, approximatedBy: exp(-lambdaT * etaT) * thetaScalar - etaT * uScalar,
                        along: .decades(x, from: 1, to: 6), order: .power(2),
                        over: ParameterSpace([Parameter(lambdaT, .values([0.1, 0.5])), Parameter(etaT, .derived(x / lambdaT)),
                                              Parameter(thetaScalar, .uniform(0.2, 1)), Parameter(uScalar, .uniform(-1, 1))]))),
                    .approximation(Approximation(
                        (1 - kappa / n) ** n, approximatedBy: exp(-kappa), along: .increasing(n, [10, 100, 1000, 10_000]), order: .power(1),
                        over: ParameterSpace([Parameter(kappa, .values([0.5, 2]))]),
                        display: Display(product("i", 1, t) { i in 1 - etaF[i] * lambdaF[i] }, .approximately, exp(-kappa),
                                         regime: "\\max_i\\eta_i\\lambda_i\\to 0,\\ \\kappa_t\\ \\text{fixed}"))),
                 ]),
                 remark: "(a) One step at x = η_tλ_t = 10⁻¹ … 10⁻⁶ (θ_{t-1} ∈ [0.2, 1], u_t ∈ [-1, 1]): the difference is (x²/2)θ_{t-1} + O(x³), order 2. (b) Over a trajectory at fixed κ_t with equal steps x = κ_t/t: Π(1-x) = (1-κ/t)^t against e^{-κ}, relative error ≈ κ²/(2t), order 1 (κ = 0.5, 2)."),
            Step("11459.25", "unrolled exponential recursion", at: "动态版本 (dynamic version), first display, last =",
                 claim: .identity(Identity(exponential, equals: exp(-kappaT) * (theta[0] - sum("i", 1, t) { i in weight(schedule, i) * u[i] }),
                                           over: ParameterSpace(dynamicParameters + [fifteen,
                                                                                     Parameter(theta[0], .family(dimension: 3, lower: -1, upper: 1)),
                                                                                     Parameter(u[i], .family(dimension: 3, lower: -1, upper: 1))]))),
                 remark: "The left side read as the t-fold iteration θ_i = e^{-η_iλ_i}θ_{i-1} - η_iu_i, run at full precision on a random dynamic schedule (η_i ~ U[10⁻³, 10⁻²], λ_i ~ U[0, 0.3]), t = 15."),
            Step("11459.26", "κ_t and z_t", at: "动态版本 (dynamic version), text after the first display",
                 claim: .all([
                    .definition(Definition(.symbol(Symbol("kappa_t", latex: "\\kappa_t")), kappaT, relation: .equals)),
                    .definition(Definition(.symbol(Symbol("z_t", latex: "z_t")), zT, relation: .equals)),
                 ]),
                 remark: "Shared/Schedule.swift: kappaSum, zSum."),
            Step("11459.27", "weighted-average update ū_t", at: "动态版本 (dynamic version), second display, ≜ and =",
                 claim: .identity(Identity(.named(uBar, dynamicAverage(schedule) { i in adamUpdate(i) }),
                                           equals: dynamicAverage(schedule) { i in mSum(i) / sqrt(vSum(i)) }, over: space)),
                 remark: "u_i from the recursions (ε = 0, no bias correction) on the left; m_i, v_i unrolled on the right."),
            Step("11459.28", "first mean-field step (dynamic)", at: "动态版本 (dynamic version), second display, ≈",
                 claim: .withDigits(12, .meanField(MeanFieldClaim(
                    Display(.symbol(uBar), .approximately, .symbol(mBar) / sqrt(.symbol(vBar)), regime: "\\text{mean field}"),
                    exact: EqualWeightNumerics.meanField(1, 5000, 20_000, 11_459_028, 0),
                    heuristic: EqualWeightNumerics.meanField(1, 5000, 20_000, 11_459_028, 1),
                    over: .empty, tolerance: 0.1025))),
                 remark: "As 11459.10 with the dynamic weights e^{κ_i}η_i/z_T: cosine η from 2·10⁻³ to 2·10⁻⁴ over T = 5000, λ = 0.2 (κ_T ≈ 1.1), literal AdamW, d = 2·10⁴; E[ū²] against E[m̄²/v̄], 11307's 10.25 % on squares.",
                 tables: [Tabulation("paired ratio E[ū²]/E[m̄²/v̄] (delta-method standard error)", columns: ["E ū²", "E m̄²/v̄", "ratio", "s.e."]) { _ in
                    [EqualWeightNumerics.meanFieldRatio(mode: 1, steps: 5000, coordinates: 20_000, seed: 11_459_028, cache: nil).map { formatShort($0) }]
                 }]),
            Step("11459.29", "m̄_t in terms of gradients (substitution)", at: "动态版本 (dynamic version), third display line 1, first and second =",
                 claim: .identity(Identity(.named(mBar, dynamicAverage(schedule) { i in AdamW.momentum(after: i) }),
                                           equals: inner(beta1) { j in g[j] }, over: space))),
            Step("11459.30", "m̄_t as a weighted sum of gradients; β̄₁(j,t)", at: "动态版本 (dynamic version), third display line 1, last =",
                 claim: .identity(Identity(inner(beta1) { j in g[j] }, equals: weighted(beta1) { j in g[j] }, over: space)),
                 remark: "β̄₁(j,t) is Schedule.averagedWeight."),
            Step("11459.31", "v̄_t in terms of squared gradients (substitution)", at: "动态版本 (dynamic version), third display line 2, first and second =",
                 claim: .identity(Identity(.named(vBar, dynamicAverage(schedule) { i in AdamW.secondMoment(after: i) }),
                                           equals: inner(beta2) { j in g[j] ** 2 }, over: space))),
            Step("11459.32", "v̄_t as a weighted sum; β̄₂(j,t)", at: "动态版本 (dynamic version), third display line 2, last =",
                 claim: .identity(Identity(inner(beta2) { j in g[j] ** 2 }, equals: weighted(beta2) { j in g[j] ** 2 }, over: space))),
            Step("11459.33", "β₁, β₂ → 0: weight of batch j", at: "动态版本 (dynamic version), eq:bb1-bb2-0",
                 kind: "limit",
                 claim: .all([
                    .identity(Identity(schedule.averagedWeight(0, j: j, t: t), equals: weight(schedule, j) / zT,
                                       over: ParameterSpace(dynamicParameters + [fifteen, Parameter(j, .integers(1...15))]))),
                    .approximation(Approximation(schedule.averagedWeight(beta, j: j, t: t), approximatedBy: weight(schedule, j) / zT,
                                                 along: RegimePath(beta, [0.0001, 0.00000001, 0.0000000000000001], .toZero), order: .power(1),
                                                 over: ParameterSpace(dynamicParameters + [fifteen, Parameter(j, .values([1, 8, 15]))]))),
                 ]),
                 remark: "At β = 0 (0⁰ = 1) the sum collapses to its i = j term exactly; for β = 10⁻⁴, 10⁻⁸, 10⁻¹⁶ the relative gap is linear in β (at j = t it is exactly β)."),
        ]
    }
}
