import Foundation
import Symbolic

/// 11459.18–11459.23: the memory period and the weight-RMS reasons against λ = 0.
extension Article11459 {
    static var memory: [Step] {
        let sSymbol = s.asSymbol
        let f = beta3 ** s - beta1 ** s
        let fPrime = f.differentiated(with: sSymbol)
        let peak = log(log(beta1) / log(beta3)) / log(beta3 / beta1)
        let peakSpace = { (at: Expr) in
            ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(x, .values([0.001, 0.0001, 0.00001])),
                            Parameter(beta3, .derived(1 - x)), Parameter(s, .derived(at))])
        }
        let s0: Expr = .symbol(Symbol("s0", latex: "s_0"))
        let delta: Expr = .symbol(Symbol("delta", latex: "\\delta"))
        let thresholdSpace = ParameterSpace([Parameter(c, .uniform(0.01, 0.99)), Parameter(beta3, .uniform(0.99, 0.99999)),
                                             Parameter(s0, .derived(log(c) / log(beta3))), Parameter(delta, .logUniform(1e-3, 1e3))])
        let thetaNow = Expr.symbol(Symbol.vector("thetaNow", latex: "\\boldsymbol{\\theta}_t"))
        let geometricSum = t - 2 * beta1 * (1 - beta1 ** t) / (1 - beta1) + beta1 ** 2 * (1 - beta1 ** (2 * t)) / (1 - beta1 ** 2)
        return [
            Step("11459.18", "shape of f(s) = β₃^s - β₁^s: up, then down", at: "记忆周期 (memory period), second paragraph",
                 kind: "optimum",
                 claim: .all([
                    .identity(Identity(.derivative(beta3 ** s, sSymbol), equals: .derivative(beta1 ** s, sSymbol), over: peakSpace(peak))),
                    .inequality(Inequality(.derivative(fPrime, sSymbol), lessThan: 0, strict: true, over: peakSpace(peak))),
                    .inequality(Inequality(0, lessThan: fPrime, strict: true, over: peakSpace(peak / 2))),
                    .inequality(Inequality(fPrime, lessThan: 0, strict: true, over: peakSpace(2 * peak))),
                 ]),
                 remark: "Stationary point s* = ln(ln β₁/ln β₃)/ln(β₃/β₁): f'(s*) = 0 (symbolic derivative), f''(s*) < 0, f' > 0 at s*/2 and < 0 at 2s*; β₁ = 0.9, λη = 10⁻³, 10⁻⁴, 10⁻⁵. 'Few steps': s* ≈ 54, 76, 98 against memory periods 1/(λη) = 10³ … 10⁵ (table).",
                 tables: [Tabulation("peak of f(s) = β₃^s - β₁^s, β₁ = 0.9", columns: ["λη", "s*", "s*·λη"]) { _ in
                    [0.001, 0.0001, 0.00001].map { lx in
                        let b3 = 1 - lx
                        let peak = Foundation.log(Foundation.log(0.9) / Foundation.log(b3)) / Foundation.log(b3 / 0.9)
                        return [formatShort(lx), formatShort(peak), formatShort(peak * lx)]
                    }
                 }]),
            Step("11459.19", "far tail: β₁^s dies first", at: "记忆周期 (memory period), third paragraph",
                 claim: .limit(Limit(asymptotic: f, to: beta3 ** s, along: .increasing(s, [10, 50, 100, 300]),
                                     order: .geometric(rate: beta1 / beta3),
                                     over: ParameterSpace([Parameter(beta1, .fixed(0.9)), Parameter(beta3, .fixed(0.9999))]))),
                 remark: "The ratio is 1 - (β₁/β₃)^s: it tends to 1 at the rate β₁/β₃ ≈ 0.9."),
            Step("11459.20", "solving β₃^s ≥ c", at: "记忆周期 (memory period), third paragraph",
                 claim: .all([
                    .inequality(Inequality(beta3 ** (s0 + delta), lessThan: c, strict: true, over: thresholdSpace)),
                    .inequality(Inequality(c, lessThan: beta3 ** (s0 - delta), over: thresholdSpace)),
                    .identity(Identity(beta3 ** s0, equals: c, over: thresholdSpace)),
                 ]),
                 remark: "s₀ = log c/log β₃ solves β₃^{s₀} = c; just beyond it (s = s₀ + δ, δ ∈ [10⁻³, 10³]) β₃^s < c, just before it β₃^s ≥ c: the solution set is s ≤ s₀."),
            Step("11459.21", "memory period ≈ -log c/(λη)", at: "记忆周期 (memory period), third paragraph",
                 claim: .all([
                    .approximation(Approximation(log(c) / log(beta3), approximatedBy: -log(c) / x,
                                                 along: RegimePath(x, [0.01, 0.001, 0.0001, 0.000001], .toZero), order: .power(1),
                                                 over: ParameterSpace([Parameter(c, .uniform(0.01, 0.99)), Parameter(beta3, .derived(1 - x))]))),
                    .limit(Limit((x / (-log(1 - x)) - 1) / x, tendsTo: Expr.rational(-1, 2),
                                 along: RegimePath(x, [0.01, 0.001, 0.0001, 0.000001], .toZero), order: .power(1), over: .empty)),
                 ]),
                 remark: "x = λη = 1 - β₃. The relative error is x/(-log(1-x)) - 1 = -x/2 + O(x²), independent of c: the model keeps O(1/(λη)) steps."),
            Step("11459.22", "AdamW's asymptotic weight RMS √(η/2λ)", at: "记忆周期 (memory period), fifth paragraph (cites 11307)",
                 kind: "limit",
                 claim: .all([
                    .approximation(Approximation(eta ** 2 / (1 - exp(-2 * lambda * eta)), approximatedBy: eta / (2 * lambda),
                                                 along: .decades(x, from: 1, to: 6), order: .power(1),
                                                 over: ParameterSpace([Parameter(lambda, .fixed(0.1)), Parameter(eta, .derived(x / lambda))]),
                                                 display: Display(rmsNorm(thetaNow), .approximately, sqrt(eta / (2 * lambda)),
                                                                  regime: "t\\to\\infty,\\ \\lambda\\eta\\to 0"))),
                    .withDigits(12, .meanField(MeanFieldClaim(
                        Display(rmsNorm(thetaNow), .approximately, sqrt(eta / (2 * lambda)), regime: "\\text{AdamW, stationary}"),
                        exact: WeightRMSSimulation.weightRMS(0, eta, lambda, 30_000, 0, 0.1, 4000, 11_459_022, 0),
                        heuristic: sqrt(eta / (2 * lambda)),
                        over: ParameterSpace([Parameter(eta, .fixed(0.001)), Parameter(lambda, .fixed(0.1))]), tolerance: 0.05))),
                 ]),
                 remark: "(a) For constant η, λ the t → ∞ mean-field weight RMS² (11404's form, ρ = e^{-2κ_t}Σe^{2κ_i}η_i², zero-mean gradients, unit update autocorrelation) is η²/(1-e^{-2λη}); over η/2λ it is 2x/(1-e^{-2x}) → 1 linearly in x = λη. (b) The script of part 1 (u = m/√v, β = (0.9, 0.95), η = 10⁻³, λ = 0.1, θ₀ ~ N(0, 0.1²), g ~ N(0, 1), d = 4000, T = 3·10⁴) against √(η/2λ) = 0.0707107 with 11307's 5 % (standard error ≈ 1/√(2d) = 1.1 %)."),
            Step("11459.23", "without weight decay the RMS grows like η√t", at: "记忆周期 (memory period), fifth paragraph",
                 kind: "asymptotic",
                 claim: .all([
                    .limit(Limit(geometricSum / t, tendsTo: 1, along: .increasing(t, [100, 1000, 10_000, 100_000]), order: .power(1),
                                 over: ParameterSpace([Parameter(beta1, .fixed(0.9))]),
                                 display: Display(rmsNorm(thetaNow), .asymptoticTo, eta * sqrt(t), regime: "\\lambda=0,\\ t\\to\\infty"))),
                    .identity(Identity(sum("k", 1, t) { k in (1 - beta1 ** k) ** 2 }, equals: geometricSum,
                                       over: ParameterSpace([Parameter(beta1, .uniform(0.5, 0.99)), Parameter(t, .integers(1...200))]))),
                    .withDigits(12, .meanField(MeanFieldClaim(
                        Display(rmsNorm(thetaNow), .approximately, eta * sqrt(t), regime: "\\lambda=0,\\ \\text{simulation}"),
                        exact: WeightRMSSimulation.weightRMS(0, eta, 0, t, 0, 0, 4000, 11_459_023, 0), heuristic: eta * sqrt(t),
                        over: ParameterSpace([Parameter(eta, .fixed(0.001)), Parameter(t, .fixed(10_000))]), tolerance: 0.05))),
                 ]),
                 remark: "(a) 11404's mean-field ρ_t - ρ₀ with constant η and λ = 0 is η²Σ_{k≤t}(1-β₁^k)²; its ratio to η²t tends to 1 with error ≈ (2β₁/(1-β₁) - β₁²/(1-β₁²))/t (closed form of the sum, checked against the sum for t ≤ 200). (b) Simulated AdamW (u = m/√v), η = 10⁻³, λ = 0, T = 10⁴, d = 4000, against η√t = 0.1 with 11307's 5 %; θ₀ = 0 so that ‖θ_t‖² - ‖θ₀‖² is ‖θ_t‖² without θ₀'s sampling noise (θ₀ is independent of the gradients, so the expectation is unchanged).",
                 tables: [Tabulation("(1/t)Σ(1-β₁^k)², β₁ = 0.9", columns: ["t", "ratio to η²t"]) { _ in
                    [100, 1000, 10_000, 100_000].map { n in
                        let b = 0.9, tt = Double(n)
                        let total = tt - 2 * b * (1 - Foundation.pow(b, tt)) / (1 - b) + b * b * (1 - Foundation.pow(b, 2 * tt)) / (1 - b * b)
                        return ["\(n)", formatShort(total / tt)]
                    }
                 }]),
        ]
    }
}
