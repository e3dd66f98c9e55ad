import Foundation
import Symbolic

/// 11459.34–11459.46: the equal-weight condition, the schedule ODE and its solutions.
extension Article11459 {
    /// eq:opt-lrt-wd (constant λ) and eq:opt-lrt-wdt (λ_s = αη_s), from Shared/Schedule.swift.
    static let constantDecay = Schedule.optimalConstantDecay(lambda: N.lambda)
    static let proportionalDecay = Schedule.optimalProportionalDecay()
    static let constantDecaySpace: [Parameter] = [Parameter(etaMax, .logUniform(1e-3, 1e-2)), Parameter(lambda, .uniform(0.01, 0.5))]
    static let proportionalDecaySpace: [Parameter] = [Parameter(etaMax, .logUniform(1e-3, 1e-2)), Parameter(lambdaMax, .uniform(0.01, 0.5))]

    /// η̇_s/η_s = -λ_sη_s at random s in [lower, upper]: the residual of eq:lr-wd-ode, relative.
    static func odeResidual(_ schedule: Schedule, _ parameters: [Parameter], _ lower: Double, _ upper: Double) -> Claim {
        .identity(Identity(.derivative(schedule.eta(s), s.asSymbol) / schedule.eta(s), equals: -schedule.lambda(s) * schedule.eta(s),
                           over: ParameterSpace(parameters + [Parameter(s, .uniform(lower, upper))])))
    }

    static var optimal: [Step] {
        let fixedT = Parameter(t, .fixed(40))
        let staticSpace = ParameterSpace([Parameter(lambda, .uniform(0.05, 0.5)), Parameter(x, .logUniform(1e-3, 1e-2)),
                                          Parameter(eta, .derived(x / lambda)), Parameter(beta1, .uniform(0.5, 0.95)), fixedT,
                                          Parameter(j, .integers(1...40))])
        let constant = Schedule.constant()
        let bbar = { (jj: Expr) in constant.averagedWeight(beta1, j: jj, t: t) }
        let shape = { (jj: Expr) in exp(-lambda * eta * (t - jj + 1)) - beta1 ** (t - jj + 1) }
        let sSymbol = s.asSymbol
        // Test schedule of 11459.38 and κ_s = s∫₀¹λ(sw)η(sw)dw, whose s-derivative is formed under the integral.
        let (a1, a2, c1, c2) = (Expr.symbol("a1"), Expr.symbol("a2"), Expr.symbol("c1"), Expr.symbol("c2"))
        let testEta = { (y: Expr) in a1 * (1 + sin(a2 * y) / 2) }
        let testLambda = { (y: Expr) in c1 * (1 + cos(c2 * y) / 3) }
        let rescaledKappa = s * integral("w", 0, 1) { w in testLambda(s * w) * testEta(s * w) }
        let testSpace = ParameterSpace([Parameter(a1, .uniform(1e-3, 1e-2)), Parameter(a2, .uniform(0.5, 2)), Parameter(c1, .uniform(0.01, 0.5)),
                                        Parameter(c2, .uniform(0.5, 2)), Parameter(s, .uniform(0.5, 5))])
        let n: Expr = .symbol(Symbol("n"))
        let rho0: Expr = .symbol(Symbol("rho0", latex: "\\rho_0"))
        let rho = (rho0 + etaMax ** 2 * s) / (1 + lambda * etaMax * s) ** 2
        let tau = "tau"
        let rhoQuadrature = exp(-2 * constantDecay.kappaIntegral(s))
            * (rho0 + integral(tau, 0, s) { y in (1 + lambda * etaMax * y) ** 2 * constantDecay.eta(y) ** 2 })
        let decayPath = RegimePath(n, [1, 100, 10_000, 1_000_000], .toInfinity)
        let kappaDiscrete = Expr.call(.digamma, [j + 1 + 1 / x]) - Expr.call(.digamma, [1 + 1 / x])
        let unitConstant = Schedule.optimalConstantDecay(lambda: x)
        let thetaNow = Expr.symbol(Symbol.vector("thetaNow", latex: "\\boldsymbol{\\theta}_s"))
        return [
            Step("11459.34", "static weights are not constant in j", at: "最优调度 (optimal schedule), second paragraph",
                 kind: "identity",
                 claim: .all([
                    .identity(Identity(bbar(j) / shape(j), equals: bbar(1) / shape(1), over: staticSpace)),
                    .inequality(Inequality(bbar(t), lessThan: bbar(1), strict: true, over: staticSpace)),
                 ]),
                 remark: "(a) With constant λ, η the dynamic β̄₁(j,t) is exactly ∝ e^{-λη(t-j+1)} - β₁^{t-j+1} (t = 40): the ratio is the same for every j. (c) The coefficient varies with j: the newest batch (j = t) weighs less than the oldest (j = 1) here, the rising branch of 11459.18. (b) With β₃ = 1 - λη in place of e^{-λη} the proportionality is approximate (table: O(t(λη)²)).",
                 tables: [Tabulation("β̄₁(j,t) against β₃^{t-j+1} - β₁^{t-j+1} with β₃ = 1 - λη, β₁ = 0.9, t = 40", columns: ["λη", "max_j relative deviation of the ratio"]) { _ in
                    [0.001, 0.01].map { lx in
                        let b1 = 0.9, steps = 40
                        let bbar = (1...steps).map { jj in (jj...steps).reduce(0.0) { $0 + Foundation.exp(lx * Double($1)) * Foundation.pow(b1, Double($1 - jj)) } }
                        let ratios = (1...steps).map { jj in bbar[jj - 1] / (Foundation.pow(1 - lx, Double(steps - jj + 1)) - Foundation.pow(b1, Double(steps - jj + 1))) }
                        let worst = ratios.map { Swift.abs($0 / ratios[0] - 1) }.max() ?? 0
                        return [formatShort(lx), formatShort(worst)]
                    }
                 }]),
            Step("11459.35", "equal-weight condition", at: "最优调度 (optimal schedule), third paragraph",
                 claim: .definition(Definition(weight(dynamic, j) / dynamic.zSum(t), .symbol(Symbol("c_t", latex: "c_t")), relation: .equals)),
                 remark: "c_t depends on the end point t only, not on j."),
            Step("11459.36", "κ as an integral", at: "最优调度 (optimal schedule), third paragraph",
                 kind: "approximation",
                 claim: .all([
                    .approximation(Approximation(kappaDiscrete, approximatedBy: log(1 + x * j), along: .decades(x, from: 2, to: 4),
                                                 order: .power(1), measure: .absolute,
                                                 over: ParameterSpace([Parameter(j, .derived(20 / x))]),
                                                 display: Display(.symbol(Symbol("kappa_s", latex: "\\kappa_s")), .approximately,
                                                                  integral("tau", 0, s) { y in lambda * constantDecay.eta(y) }, regime: "\\lambda\\eta\\to 0"))),
                    .identity(Identity(unitConstant.kappaSum(j), equals: kappaDiscrete,
                                       over: ParameterSpace([Parameter(etaMax, .fixed(1)), Parameter(x, .logUniform(1e-4, 1e-2)),
                                                             Parameter(j, .integers(1...300))]))),
                 ]),
                 remark: "eq:opt-lrt-wd at integers with η_max = 1, λ = x: κ_j = Σ_{i≤j} x/(xi+1) = ψ(j+1+1/x) - ψ(1+1/x) (checked against the sum for j ≤ 300) against ∫₀^j = ln(1+xj), at j = 20/x where the gap, ≈ (x/2)(1 - 1/(1+xj)), is largest. Absolute error O(x)."),
            Step("11459.37", "equal-weight condition in integral form", at: "最优调度 (optimal schedule), third paragraph",
                 claim: .all([
                    .identity(Identity(exp(constantDecay.kappaIntegral(s)) * constantDecay.eta(s), equals: etaMax,
                                       over: ParameterSpace(constantDecaySpace + [Parameter(s, .uniform(1, 1000))]))),
                    .identity(Identity(exp(proportionalDecay.kappaIntegral(s)) * proportionalDecay.eta(s), equals: etaMax,
                                       over: ParameterSpace(proportionalDecaySpace + [Parameter(s, .uniform(1, 1000))]))),
                 ]),
                 remark: "exp(∫₀^s λ_τη_τ dτ)η_s, the integral by quadrature, is the same constant η_max at every s for both solution schedules: the continuous weights e^{κ_s}η_s/z_t do not depend on s."),
            Step("11459.38", "the schedule ODE", at: "最优调度 (optimal schedule), eq:lr-wd-ode",
                 kind: "ode",
                 claim: .all([
                    .identity(Identity(.derivative(rescaledKappa + log(testEta(s)), sSymbol),
                                       equals: testLambda(s) * testEta(s) + .derivative(testEta(s), sSymbol) / testEta(s), over: testSpace)),
                    odeResidual(constantDecay, constantDecaySpace, 0, 100),
                 ]),
                 remark: "Taking logs and d/ds of 11459.37: on a smooth test schedule η_s = a₁(1 + sin(a₂s)/2), λ_s = c₁(1 + cos(c₂s)/3), d/ds[∫₀^s λη dτ + ln η_s] (the integral written s∫₀¹λ(sw)η(sw)dw and differentiated under the integral sign, then by quadrature) equals λ_sη_s + η̇_s/η_s. The condition is then that this vanishes; for eq:opt-lrt-wd it does (residual as a relative identity η̇_s/η_s = -λη_s)."),
            Step("11459.39", "optimal LR schedule, constant WD", at: "最优调度 (optimal schedule), eq:opt-lrt-wd",
                 kind: "ode",
                 claim: .all([
                    odeResidual(constantDecay, constantDecaySpace, 0, 100),
                    odeResidual(constantDecay, constantDecaySpace, 100, 10_000),
                    odeResidual(constantDecay, constantDecaySpace, 10_000, 1_000_000),
                    .identity(Identity(constantDecay.eta(0), equals: etaMax, over: ParameterSpace(constantDecaySpace))),
                 ]),
                 remark: "The solution substituted into λη_s + η̇_s/η_s = 0 (symbolic derivative): η̇_s/η_s = -λη_s to 50 digits on s ∈ [0, 10²], [10², 10⁴], [10⁴, 10⁶]; η₀ = η_max."),
            Step("11459.40", "the optimal schedule decays to zero", at: "最优调度 (optimal schedule), paragraph after eq:opt-lrt-wd",
                 kind: "limit",
                 claim: .all([
                    .approximation(Approximation(constantDecay.eta(s) / etaMax, approximatedBy: 0, along: decayPath, order: .power(1),
                                                 measure: .absolute,
                                                 over: ParameterSpace(constantDecaySpace + [Parameter(s, .derived(n / (lambda * etaMax)))]),
                                                 display: Display(constantDecay.eta(s), .tendsTo, 0, regime: "s\\to\\infty"))),
                    .identity(Identity(constantDecay.eta(s) / etaMax, equals: 1 / (n + 1),
                                       over: ParameterSpace(constantDecaySpace + [Parameter(n, .values([1, 100, 10_000, 1_000_000])),
                                                                                  Parameter(s, .derived(n / (lambda * etaMax)))]))),
                 ]),
                 remark: "At s = 10^k/(λη_max), k = 0, 2, 4, 6: η_s/η_max = 1/(10^k + 1) → 0. The formula contains neither an end point t nor an η_min (by inspection)."),
            Step("11459.41", "weight RMS under the optimal schedule tends to 0", at: "最优调度 (optimal schedule), same paragraph (cites 11404)",
                 kind: "limit",
                 claim: .all([
                    .approximation(Approximation(rho, approximatedBy: 0, along: RegimePath(n, [100, 10_000, 1_000_000], .toInfinity),
                                                 order: .power(1), measure: .absolute,
                                                 over: ParameterSpace(constantDecaySpace + [Parameter(rho0, .fixed(0.01)),
                                                                                            Parameter(s, .derived(n / (lambda * etaMax)))]),
                                                 display: Display(rmsNorm(thetaNow) ** 2, .tendsTo, 0, regime: "s\\to\\infty,\\ \\lim \\eta_s/2\\lambda_s = 0"))),
                    .identity(Identity(rhoQuadrature, equals: rho,
                                       over: ParameterSpace(constantDecaySpace + [Parameter(rho0, .fixed(0.01)), Parameter(s, .uniform(1, 1000))]))),
                 ]),
                 remark: "11404's integral form ρ_s = e^{-2κ_s}(ρ₀ + ∫₀^s e^{2κ_τ}η_τ² dτ) with e^{2κ_τ}η_τ² = η_max² gives ρ_s = (ρ₀ + η_max²s)/(1 + λη_max s)² (checked with κ_s by quadrature), which tends to 0 like 1/(λ²s): weight collapse, as the article warns. The article's lim η_s/2λ_s is 0 as well, but ρ_s/(η_s/2λ) → 2, not 1 (table): the quasi-static value lags a schedule that decays on the relaxation time scale; both limits are 0, so the claim stands.",
                 tables: [Tabulation("ρ_s against η_s/2λ under eq:opt-lrt-wd (η_max = 10⁻³, λ = 0.1, ρ₀ = 0.01)", columns: ["λη_max s", "ρ_s", "ρ_s/(η_s/2λ)"]) { _ in
                    [100.0, 10_000, 1_000_000].map { k in
                        let (em, l) = (1e-3, 0.1), sv = k / (l * em)
                        let r = (0.01 + em * em * sv) / ((1 + l * em * sv) * (1 + l * em * sv))
                        let e = em / (l * em * sv + 1)
                        return [formatShort(k), formatShort(r), formatShort(r / (e / (2 * l)))]
                    }
                 }]),
            Step("11459.42", "optimal schedules with λ_s = αη_s", at: "最优调度 (optimal schedule), eq:opt-lrt-wdt",
                 kind: "ode",
                 claim: .all([
                    odeResidual(proportionalDecay, proportionalDecaySpace, 0, 100),
                    odeResidual(proportionalDecay, proportionalDecaySpace, 100, 10_000),
                    odeResidual(proportionalDecay, proportionalDecaySpace, 10_000, 1_000_000),
                    .identity(Identity(proportionalDecay.lambda(s), equals: lambdaMax / etaMax * proportionalDecay.eta(s),
                                       over: ParameterSpace(proportionalDecaySpace + [Parameter(s, .uniform(0, 1_000_000))]))),
                    .identity(Identity(proportionalDecay.eta(0), equals: etaMax, over: ParameterSpace(proportionalDecaySpace))),
                 ]),
                 remark: "Residual η̇_s/η_s = -λ_sη_s = -αη_s² (symbolic derivative) on three ranges of s; λ_s = αη_s with α = λ_max/η_max; η₀ = η_max."),
            Step("11459.43", "e^{κ_s} for the λ ∝ η schedule", at: "最优调度 (optimal schedule), sentence after eq:opt-lrt-wdt",
                 claim: .identity(Identity(exp(proportionalDecay.kappaIntegral(s)), equals: sqrt(2 * lambdaMax * etaMax * s + 1),
                                           over: ParameterSpace(proportionalDecaySpace + [Parameter(s, .uniform(1, 1000))]))),
                 remark: "κ_s = ∫₀^s λ_τη_τ dτ by quadrature."),
            Step("11459.44", "constant e^{κ_s}η_s", at: "最优调度 (optimal schedule), same sentence",
                 claim: .identity(Identity(sqrt(2 * lambdaMax * etaMax * s + 1) * proportionalDecay.eta(s), equals: etaMax,
                                           over: ParameterSpace(proportionalDecaySpace + [Parameter(s, .uniform(1, 1000))]))),
                 remark: "Direct evaluation with e^{κ_s} from 11459.43 (11459.37 checks it with κ_s by quadrature)."),
            Step("11459.45", "z_t ≈ η_max t", at: "最优调度 (optimal schedule), same sentence",
                 claim: .all([
                    .approximation(Approximation(EqualWeightNumerics.proportionalSchedule(0, x, t, 0), approximatedBy: 1,
                                                 along: .increasing(t, [1000, 10_000, 100_000]), order: .power(1),
                                                 over: ParameterSpace([Parameter(x, .derived(10 / t))]),
                                                 display: Display(dynamic.zSum(t), .approximately, etaMax * t, regime: "\\lambda_{\\max}\\eta_{\\max}\\to 0"))),
                    .approximation(Approximation(EqualWeightNumerics.proportionalSchedule(0, x, t, 0), approximatedBy: 1,
                                                 along: .decades(x, from: 2, to: 4), order: .unspecified,
                                                 over: ParameterSpace([Parameter(t, .fixed(10_000))]))),
                 ]),
                 remark: "The discrete schedule η_j = η_max/√(2xj+1), λ_j = αη_j, κ_j = Σ_{i≤j}λ_iη_i, z_t = Σe^{κ_j}η_j, computed natively in O(t) at full precision (x = λ_maxη_max). (a) x → 0 with the decay progress xt = 10 fixed (t = 10³, 10⁴, 10⁵): z_t/(η_max t) - 1 → 0 at order 1 in x. (b) The inventory's t = 10⁴ with x = 10⁻², 10⁻³, 10⁻⁴: the error shrinks, but at order ≈ 1.27 between the last two, not 1, because at fixed t the schedule also flattens (xt = 100 → 1) as x → 0; no order is claimed there."),
            Step("11459.46", "equal weights 1/t", at: "最优调度 (optimal schedule), same sentence",
                 claim: .all([
                    .approximation(Approximation(EqualWeightNumerics.proportionalSchedule(0, x, t, 1), approximatedBy: 0,
                                                 along: .increasing(t, [1000, 10_000, 100_000]), order: .power(1), measure: .absolute,
                                                 over: ParameterSpace([Parameter(x, .derived(10 / t))]),
                                                 display: Display(dynamic.averagedWeight(0, j: j, t: t), .approximately, 1 / t,
                                                                  regime: "\\beta_1,\\beta_2\\to 0,\\ \\lambda_{\\max}\\eta_{\\max}\\to 0"))),
                    .approximation(Approximation(EqualWeightNumerics.proportionalSchedule(1, x, t, 1), approximatedBy: 0,
                                                 along: .increasing(t, [1000, 10_000, 100_000]), order: .power(1), measure: .absolute,
                                                 over: ParameterSpace([Parameter(x, .derived(10 / t))]),
                                                 display: Display(dynamic.averagedWeight(0, j: j, t: t), .approximately, 1 / t,
                                                                  regime: "\\text{eq:opt-lrt-wd},\\ \\lambda\\eta_{\\max}\\to 0"))),
                    .approximation(Approximation(EqualWeightNumerics.proportionalSchedule(0, x, t, 1), approximatedBy: 0,
                                                 along: .decades(x, from: 2, to: 4), order: .unspecified, measure: .absolute,
                                                 over: ParameterSpace([Parameter(t, .fixed(10_000))]))),
                 ]),
                 remark: "β = 0 weights e^{κ_j}η_j/z_t of the discrete schedules: max_j |t·e^{κ_j}η_j/z_t - 1| → 0 at order 1 in x at fixed xt = 10 (λ ∝ η pair as printed; also eq:opt-lrt-wd with x = λη_max); and it shrinks (order ≈ 1.3, see 11459.45) at the inventory's fixed t = 10⁴. In the continuum the weights are exactly 1/t (11459.37)."),
        ]
    }
}
