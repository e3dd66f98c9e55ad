import Foundation
import Symbolic

/// 11459.47–11459.53: β₁, β₂ ≠ 0, other optimizers, and the discussion of assumptions.
extension Article11459 {
    static var general: [Step] {
        // 11459.47: arbitrary increasing κ_i (increments dκ_i) and η_i = Ce^{-κ_i}, so e^{κ_i}η_i = C.
        let dk = Family(Symbol("dkappa", latex: "\\Delta\\kappa"))
        let bigC: Expr = .symbol(Symbol("C"))
        let kappaOf = { (k: Expr) in Expr.named(Symbol("kappa", latex: "\\kappa"), sum("l", 1, k) { l in dk[l] }) }
        let etaOf = { (k: Expr) in bigC * exp(-kappaOf(k)) }
        let zC = sum("i", 1, t) { i in exp(kappaOf(i)) * etaOf(i) }
        let bbarC = (1 - beta1) / zC * sum("i", j, t) { i in exp(kappaOf(i)) * beta1 ** (i - j) * etaOf(i) }
        let geometric = sum("i", j, t) { i in beta1 ** (i - j) }
        let constantSpace = ParameterSpace([Parameter(dk[i], .family(dimension: nil, lower: 0, upper: 0.05)), Parameter(bigC, .uniform(1e-3, 1e-2)),
                                            Parameter(beta1, .uniform(0.5, 0.95)), Parameter(t, .fixed(30)), Parameter(j, .integers(1...30))])
        let threshold = Expr.rational(1, 1000)
        let fraction = Expr.call(.floor, [log(threshold * (1 - beta1 ** t) + beta1 ** t) / log(beta1)]) / t
        let deviation = (beta1 ** t - beta1 ** (t - j + 1)) / (1 - beta1 ** t)
        let scale: Expr = .symbol(Symbol("c"))
        let gVec = g
        let previous = Symbol("x_prev", latex: "x"), index = Symbol("s")
        func ema(_ beta: Expr, _ term: Expr) -> Expr {
            .recurrence(Recurrence(Symbol.vector("m"), previous: previous, index: index, initial: 0,
                                   step: beta * .symbol(previous) + (1 - beta) * term, count: t))
        }
        let mOf = { (k: Expr) in ema(beta1, k * gVec[.symbol(index)]) }
        let vOf = { (k: Expr) in ema(beta2, (k * gVec[.symbol(index)]) ** 2) }
        let homogeneitySpace = ParameterSpace([Parameter(scale, .logUniform(0.01, 100)), Parameter(beta1, .uniform(0.5, 0.99)),
                                               Parameter(beta2, .uniform(0.9, 0.999)), Parameter(t, .fixed(6)), gradients(9)])
        let seedSymbol: Expr = .symbol(Symbol("seed"))
        let entry: Expr = .symbol(Symbol("k"))
        let muonSpace = ParameterSpace([Parameter(scale, .logUniform(0.01, 100)), Parameter(beta1, .uniform(0.5, 0.99)),
                                        Parameter(seedSymbol, .integers(1...1_000_000)), Parameter(entry, .integers(0...8))])
        let schedule = dynamic
        let twelve = Parameter(t, .fixed(12))
        return [
            Step("11459.47", "β̄₁ under a constant e^{κ_i}η_i", at: "一般结果 (general results), first display, ∝",
                 claim: .identity(Identity(bbarC / geometric, equals: (1 - beta1) * bigC / zC, over: constantSpace)),
                 remark: "κ_i increasing with increments U[0, 0.05], η_i = Ce^{-κ_i} (so e^{κ_i}η_i = C), t = 30: β̄₁(j,t)/Σ_{i=j}^tβ₁^{i-j} = (1-β₁)C/z_t for every j."),
            Step("11459.48", "finite geometric sum", at: "一般结果 (general results), first display, =",
                 claim: .identity(Identity(geometric, equals: (1 - beta1 ** (t - j + 1)) / (1 - beta1), over: constantSpace))),
            Step("11459.49", "for large t the weights are constant in j but for the last few steps", at: "一般结果 (general results), sentence after the first display",
                 kind: "approximation",
                 claim: .all([
                    .approximation(Approximation(fraction, approximatedBy: 0, along: .increasing(t, [100, 1000, 10_000, 100_000]),
                                                 order: .power(1), measure: .absolute,
                                                 over: ParameterSpace([Parameter(beta1, .fixed(0.9))]),
                                                 display: Display(.symbol(Symbol("fraction", latex: "\\tfrac{1}{t}\\#\\{j: |\\bar{\\beta}_1(j,t)/\\bar{\\beta}_1(1,t)-1|>10^{-3}\\}")),
                                                                  .tendsTo, 0, regime: "t\\to\\infty"))),
                    .identity(Identity(geometric / sum("i", 1, t) { i in beta1 ** (i - 1) }, equals: 1 + deviation,
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(t, .integers(1...200)),
                                                             Parameter(j, .integers(1...200))], where: [Condition(j, .lessOrEqual, t)]))),
                 ]),
                 remark: "Under 11459.47/48, β̄₁(j,t)/β̄₁(1,t) - 1 = (β₁^t - β₁^{t-j+1})/(1 - β₁^t) (identity, checked with the 1 moved to the right: the difference form loses digits to cancellation). It is small only where t - j + 1 ≫ 1/(1-β₁): about the last 65 batches (β₁ = 0.9) deviate by more than 10⁻³, and the newest one weighs (1-β₁)/(1-β₁^t) ≈ 0.1 of the oldest, for every t. What vanishes is the fraction of such batches, 65/t (order 1); 'constant in j' is read that way, in the inventory's regime t - j + 1 ≫ 1/(1-β₁).",
                 tables: [Tabulation("β₁ = 0.9: deviation of β̄₁(j,t)/β̄₁(1,t) from 1", columns: ["t", "fraction of j with |dev| > 10⁻³", "dev at j = t/2", "dev at j = t"]) { _ in
                    [100, 1000, 10_000, 100_000].map { n in
                        let b = 0.9, tt = Double(n)
                        let dev = { (jj: Double) in (Foundation.pow(b, tt) - Foundation.pow(b, tt - jj + 1)) / (1 - Foundation.pow(b, tt)) }
                        let count = (1...n).filter { Swift.abs(dev(Double($0))) > 1e-3 }.count
                        return ["\(n)", formatShort(Double(count) / tt), formatShort(dev(tt / 2)), formatShort(dev(tt))]
                    }
                 }]),
            Step("11459.50", "SGDM needs no mean-field step", at: "一般结果 (general results), third paragraph",
                 kind: "identity",
                 claim: .identity(Identity(.named(Symbol.vector("ubar", latex: "\\bar{\\boldsymbol{u}}_t"), dynamicAverage(schedule) { i in AdamW.momentum(after: i) }),
                                           equals: sum("j", 1, t) { j in g[j] * schedule.averagedWeight(beta1, j: j, t: t) },
                                           over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99))] + dynamicParameters + [twelve, gradients(3)]))),
                 remark: "With u_i = m_i (the recursion), ū_t = (1/z_t)Σe^{κ_i}η_iu_i is exactly Σ_j g_jβ̄₁(j,t) = m̄_t: no mean-field step, so everything up to eq:lr-wd-ode holds for SGDM. The article's caveat (SGDM's weight RMS depends on the gradient norm) is not checked."),
            Step("11459.51", "adaptive updates are homogeneous of degree 0", at: "一般结果 (general results), fourth paragraph",
                 claim: .all([
                    .identity(Identity(scale * gVec[t] / sqrt(vOf(scale)), equals: gVec[t] / sqrt(vOf(1)), over: homogeneitySpace)),
                    .identity(Identity((mOf(scale) / (1 - beta1 ** t)) / sqrt(vOf(scale) / (1 - beta2 ** t)),
                                       equals: (mOf(1) / (1 - beta1 ** t)) / sqrt(vOf(1) / (1 - beta2 ** t)), over: homogeneitySpace)),
                    .identity(Identity(sign(mOf(scale)), equals: sign(mOf(1)), over: homogeneitySpace)),
                    .identity(Identity(EqualWeightNumerics.muonUpdateEntry(scale, beta1, seedSymbol, entry),
                                       equals: EqualWeightNumerics.muonUpdateEntry(1, beta1, seedSymbol, entry), over: muonSpace)),
                    .identity(Identity(mOf(scale), equals: scale * mOf(1), over: homogeneitySpace)),
                 ]),
                 remark: "Gradients scaled by c ∈ [0.01, 100]: RMSProp g/√v, Adam m̂/√v̂ (ε = 0), SignSGDM sign(m) on 9 components and t = 6 steps, and Muon msign(m) of the momentum of 6 seeded 3×3 Gaussian matrices (full-precision SVD, every entry) are unchanged; SGDM scales as c (contrast, last part). That the mean-field m̄_t and β̄₁(j,t) (printed β₁(j,t)) are then shared is the mean-field reading, not a separate check."),
            homogeneousStep,
        ]
    }

    static var homogeneousStep: Step {
        let optimizers: [(Int, Int, Int, String)] = [(0, 8192, 1, "Adam"), (1, 8192, 1, "SignSGDM"), (2, muonMatrices, muonSize, "Muon")]
        let claims: [Claim] = optimizers.map { optimizer, replicates, size, name in
            .withDigits(12, .meanField(MeanFieldClaim(
                Display(.symbol(Symbol("C_\(name)", latex: "C_{\\text{\(name)}}(\\lambda\\eta)")), .approximately,
                        .symbol(Symbol("C0_\(name)", latex: "C_{\\text{\(name)}}(10^{-3})")), regime: "\\Vert\\boldsymbol{\\theta}\\Vert_{RMS}^2 = C\\eta/\\lambda"),
                exact: EqualWeightNumerics.homogeneous(int(optimizer), x, int(replicates), int(size), 11_459_052, 0),
                heuristic: EqualWeightNumerics.homogeneous(int(optimizer), 0.001, int(replicates), int(size), 11_459_052, 0),
                over: ParameterSpace([Parameter(x, .values([0.004, 0.002]))]), tolerance: 0.1025)))
        }
        let signLimit = Claim.limit(Limit(EqualWeightNumerics.signConstant(x, 0.9), tendsTo: EqualWeightNumerics.signConstant(0, 0.9),
                                          along: .decades(x, from: 2, to: 5), order: .power(1), over: .empty))
        return Step("11459.52", "homogeneous optimizers: weight RMS ∝ √(η/λ)", at: "一般结果 (general results), fourth paragraph",
                    kind: "monte-carlo-claim",
                    claim: .all(claims + [signLimit]),
                    remark: "θ₀ = 0, g ~ N(0, 1), β = (0.9, 0.95), η/λ = 0.01: at fixed λη, θ is exactly ∝ η, so the claim is that C = ‖θ‖²_RMS λ/η tends to a constant as λη → 0. C estimated from T = 8/(λη) steps, θ² time-averaged over the last 5/(λη), for Adam (u = m/√v) and SignSGDM on 8192 coordinates and Muon on \(muonMatrices) independent \(muonSize)×\(muonSize) matrices (msign by Double Jacobi SVD; the inventory's 16×16 costs ≈ 4× more); C at λη = 4·10⁻³, 2·10⁻³ against C at 10⁻³, with 11307's 5 % on the RMS (10.25 % on C). For SignSGDM the exact stationary C(λη) = [1 + 2Σ(1-λη)^n(2/π)arcsin(β₁^n)]/(2-λη) converges linearly to C(0) = 6.6394… (limit part; table: simulation against it). The constants differ by optimizer (Extension 1).",
                    tables: [Tabulation("C = ‖θ‖²λ/η (simulation ± standard error; SignSGDM exact)", columns: ["λη", "Adam", "SignSGDM", "Sign exact", "Muon"]) { _ in
                        [0.004, 0.002, 0.001].map { lx in
                            let a = EqualWeightNumerics.homogeneousConstant(optimizer: 0, x: lx, replicates: 8192, size: 1, seed: 11_459_052, cache: nil)
                            let b = EqualWeightNumerics.homogeneousConstant(optimizer: 1, x: lx, replicates: 8192, size: 1, seed: 11_459_052, cache: nil)
                            let mu = EqualWeightNumerics.homogeneousConstant(optimizer: 2, x: lx, replicates: muonMatrices, size: muonSize, seed: 11_459_052, cache: nil)
                            let exact = (try? EqualWeightNumerics.signConstant.evaluate([BigFloat(lx), BigFloat(0.9)], precision: 64, cache: nil))?.doubleValue ?? .nan
                            return [formatShort(lx), "\(formatShort(a[0])) ± \(formatShort(a[1]))", "\(formatShort(b[0])) ± \(formatShort(b[1]))",
                                    formatShort(exact), "\(formatShort(mu[0])) ± \(formatShort(mu[1]))"]
                        }
                    }])
    }

    static let muonMatrices = 16
    static let muonSize = 8

    static var discussion: [Step] {
        let kappaT: Expr = .symbol(Symbol("kappaT", latex: "\\kappa_T"))
        let cosine = Schedule.cosine(lambda: lambda)
        let space = ParameterSpace([Parameter(etaMax, .fixed(1)), Parameter(Schedule.etaMin, .fixed(0.1)), Parameter(t, .fixed(1000)),
                                    Parameter(lambda, .derived(kappaT / sum("i", 1, t) { i in cosine.eta(i) }))])
        let spread = exp(lambda * sum("i", 2, t) { i in cosine.eta(i) })
        return [
            Step("11459.53", "batch weight proportional to the learning rate", at: "假设讨论 (discussion of assumptions), last paragraph",
                 claim: .all([
                    .approximation(Approximation(spread, approximatedBy: 1, along: RegimePath(kappaT, [2, 1, 0.1, 0.01], .toZero), order: .power(1),
                                                 over: space,
                                                 display: Display(dynamic.averagedWeight(0, j: j, t: t), .approximately,
                                                                  etaF[j] / sum("i", 1, t) { i in etaF[i] }, regime: "\\kappa_T\\to 0"))),
                    .inequality(Inequality(weight(cosine, t), lessThan: weight(cosine, 1), strict: true,
                                           over: space.fixing(kappaT.asSymbol, to: 2))),
                 ]),
                 remark: "Cosine η from 1 to 0.1 over T = 1000 steps, constant λ set by κ_T. β̄(j,T)/η_j = e^{κ_j}/z_T, so its max/min over j is e^{κ_T-κ_1}: 1.105, 2.7, 7.3 at κ_T = 0.1, 1, 2 (tabulated by the approximation's rows), tending to 1 linearly as κ_T → 0. So 'proportional to the learning rate' is exact only up to the factor e^{κ_j} (which grows with j); it holds in the regime κ_T → 0. The conclusion drawn from it stands: the last batch weighs less than the first under this decay (checked at κ_T = 2, the largest; e^{κ_T}·0.1 < 1 needs κ_T < ln 10)."),
        ]
    }
}
