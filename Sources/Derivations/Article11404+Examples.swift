import Foundation
import Symbolic

/// 11404.33–11404.56: 例子之一 (μ = 0, no weight decay, square-summability) and 例子之二
/// (constant weight decay, eq:w-rms-simp, the constant schedule of part 1).
extension Article11404 {
    /// (1-β₁)²Σ_{j≤t}(Σ_{i=j}^t e^{κ_i}β₁^{i-j}η_i)² for a schedule with cumulative decay `k`.
    static func momentumSquares(_ k: @escaping (Expr) -> Expr, _ e: @escaping (Expr) -> Expr, upTo n: Expr) -> Expr {
        (1 - beta1) ** 2 * sum("j", 1, n) { j in sum("i", j, n) { i in exp(k(i)) * beta1 ** (i - j) * e(i) } ** 2 }
    }

    static var exampleOne: [Step] {
        let dataMu0 = exp(-2 * kappa(t)) * momentumSquares({ kappa($0) }, { etaSeq[$0] }, upTo: t)
        let noDecay = momentumSquares({ _ in 0 }, { etaSeq[$0] }, upTo: t)
        let S = sum("j", 1, t) { j in barBeta(1, beta1, j) ** 2 }
        let n: Expr = .symbol(Symbol("N"))
        let p: Expr = .symbol(Symbol("p"))
        let power = { (jj: Expr) in jj ** (-p) }
        let squares = sum("j", 1, n) { j in power(j) ** 2 }
        let truncated = sum("j", 1, n) { j in sum("i", j, n) { i in beta1 ** (i - j) * power(i) } ** 2 }
        // Finite-support sequences: η_j random for j ≤ 8, zero beyond, so every series is a finite sum.
        // η_j = c·u_j, u_j ~ U(0, 1), c from 10⁻² to 1: the bounds below are homogeneous of
        // degree 2 in η, so Σ_jη_j² on both sides of 1 tells an edit that breaks the degree; and
        // β₁ down to 10⁻³, where they are tight (the i₁ = i₂ = 0 term is all).
        struct ScaledSequence {
            let draws = Family(Symbol("etaDraw", latex: "u"))
            let scale: Expr = .symbol(Symbol("c"))
            subscript(_ k: Expr) -> Expr {
                .named(Symbol("etaFinite_\(k.plainText)", latex: "\\eta_{\(k.latex)}"), scale * draws[k])
            }
        }
        let h = ScaledSequence()
        let support = 8
        let L = int(support)
        let finite = ParameterSpace([Parameter(h.draws[i], .family(dimension: nil, lower: 0, upper: 1)), Parameter(h.scale, .logUniform(0.01, 1)),
                                     Parameter(beta1, .uniform(0.001, 0.95))])
        let i1 = Symbol("i1", latex: "i_1"), i2 = Symbol("i2", latex: "i_2")
        func inner(_ k: Expr) -> Expr { sum("j", 1, L - k) { j in h[k + j] ** 2 } }
        let lhs38 = sum("j", 1, L) { j in sum("i", j, L) { i in beta1 ** (i - j) * h[i] } ** 2 }
        let rhs38 = sum("j", 1, L) { j in sum("i", 0, L - j) { i in beta1 ** i * h[i + j] } ** 2 }
        let rhs39 = sum("j", 1, L) { j in sum("i1", 0, L - j) { a in beta1 ** a * h[a + j] } * sum("i2", 0, L - j) { b in beta1 ** b * h[b + j] } }
        let double = { (body: (Expr, Expr) -> Expr) -> Expr in
            .boundSum(BoundIndex(i1, from: 0, to: L - 1), .boundSum(BoundIndex(i2, from: 0, to: L - 1), body(.symbol(i1), .symbol(i2))))
        }
        let rhs40 = double { a, b in beta1 ** (a + b) * sum("j", 1, L - .call(.max, [a, b])) { j in h[a + j] * h[b + j] } }
        let rhs42 = double { a, b in beta1 ** (a + b) * sqrt(inner(a) * inner(b)) }
        let total = sum("j", 1, L) { j in h[j] ** 2 }
        let rhs43 = double { a, b in beta1 ** (a + b) * sqrt(total * total) }
        let geometric = sum("k", 0, n) { k in beta1 ** k }
        return [
            Step("11404.33", "zero-mean gradients", at: "例子之一 (example 1), eq:w-rms-mu0",
                 claim: .identity(Identity(exp(-2 * kappa(t)) * z(t) ** 2 * S, equals: dataMu0,
                                           over: dynamicSpace([Parameter(beta1, .uniform(0.8, 0.95))], steps: 3...12))),
                 remark: "The ≈ is 11404.32's; checked: with μ = 0 its data term e^{-2κ_t}z_t²Σβ̄₁² equals the one printed here (z_t cancels)."),
            Step("11404.34", "no weight decay", at: "例子之一 (example 1), second display",
                 claim: .identity(Identity(momentumSquares({ _ in 0 }, { etaSeq[$0] }, upTo: t),
                                           equals: (1 - beta1) ** 2 * sum("j", 1, t) { j in sum("i", j, t) { i in beta1 ** (i - j) * etaSeq[i] } ** 2 },
                                           over: dynamicSpace([Parameter(beta1, .uniform(0.8, 0.95))], steps: 3...15))),
                 remark: "eq:w-rms-mu0 with λ_i = 0 (κ ≡ 0, e^{κ} = 1) against the printed form."),
            Step("11404.35", "β₁ → 0 without weight decay", at: "例子之一 (example 1), sentence after the second display",
                 claim: .limit(Limit(noDecay, tendsTo: sum("j", 1, t) { j in etaSeq[j] ** 2 }, along: .decades(beta1, from: 2, to: 6), order: .power(1),
                                     over: ParameterSpace([Parameter(etaSeq[i], .family(dimension: nil, lower: 1e-3, upper: 1e-2)), Parameter(t, .fixed(15))]))),
                 remark: "F(β₁) = (1-β₁)²Σ_j(Σ_{i≥j}β₁^{i-j}η_i)² → Σ_jη_j² linearly in β₁ (random η_j, t = 15)."),
            Step("11404.36", "bounded RMS without WD needs Σ η_j² < ∞ (β₁ → 0)", at: "例子之一 (example 1), same sentence",
                 kind: "limit",
                 claim: .all([
                    .limit(Limit(sum("j", 1, n) { j in j ** -2 }, tendsTo: .pi ** 2 / 6, along: .increasing(n, [100, 1000, 10_000]), order: .power(1), over: .empty)),
                    .identity(Identity(sum("j", 1, n) { j in 1 / j }, equals: .call(.digamma, [n + 1]) + .constant(.eulerGamma),
                                       over: ParameterSpace([Parameter(n, .integers(1...300))]))),
                    .limit(Limit(.call(.digamma, [n + 1]) + .constant(.eulerGamma) - log(n), tendsTo: .constant(.eulerGamma),
                                 along: .increasing(n, [100, 10_000, 1_000_000]), order: .power(1), over: .empty)),
                 ]),
                 remark: "η_j = 1/j: Σ_{j≤N}η_j² → π²/6 (bounded). η_j = j^{-1/2}: Σ_{j≤N}η_j² = H_N = ψ(N+1) + γ (identity at N ≤ 300) = log N + γ + O(1/N) → ∞ (H_N - log N → γ checked at N = 10², 10⁴, 10⁶)."),
            Step("11404.37", "square-summability ⇔ bounded, any 0 < β₁ < 1", at: "例子之一 (example 1), third display",
                 kind: "inequality",
                 claim: .all([
                    .inequality(Inequality(squares, lessThan: truncated,
                                           over: ParameterSpace([Parameter(p, .values([0.25, 0.5, 1])), Parameter(n, .integers(5...60)), Parameter(beta1, .uniform(0.3, 0.95))]))),
                    .inequality(Inequality(truncated, lessThan: squares / (1 - beta1) ** 2,
                                           over: ParameterSpace([Parameter(p, .values([0.25, 0.5, 1])), Parameter(n, .integers(5...60)), Parameter(beta1, .uniform(0.3, 0.95))]))),
                 ]),
                 remark: "The equivalence follows from S_N ≤ L_N ≤ S_N/(1-β₁)² (S_N = Σ_{j≤N}η_j², L_N the truncated left side; 11404.41–44), checked for η_j = j^{-p}, p ∈ {1/4, 1/2, 1}. The table shows both sides diverging for p ≤ 1/2 and converging for p = 1 (β₁ = 0.9).",
                 tables: [Tabulation("S_N and L_N for η_j = j^{-p}, β₁ = 0.9", columns: ["p", "N", "S_N", "L_N", "L_N/S_N"]) { _ in
                     [0.25, 0.5, 1].flatMap { pp in
                         [1000, 100_000, 1_000_000].map { nn -> [String] in
                             var back = 0.0, l = 0.0, s = 0.0
                             for k in stride(from: nn, through: 1, by: -1) {
                                 let e = Foundation.pow(Double(k), -pp)
                                 back = e + 0.9 * back
                                 l += back * back
                                 s += e * e
                             }
                             return [format(pp), "\(nn)", format(s), format(l), format(l / s)]
                         }
                     }
                 }]),
            Step("11404.38", "reindexing the inner sum", at: "例子之一 (example 1), fourth display, first =",
                 claim: .identity(Identity(lhs38, equals: rhs38, over: finite)),
                 remark: "Finite-support η (η_j = cu_j, u_j ~ U[0, 1], c from 10⁻² to 1, for j ≤ 8, 0 beyond; β₁ from 10⁻³ to 0.95): every series is a finite sum."),
            Step("11404.39", "square as a product of two copies", at: "例子之一 (example 1), fourth display, second =",
                 claim: .identity(Identity(rhs38, equals: rhs39, over: finite))),
            Step("11404.40", "interchange of summations", at: "例子之一 (example 1), fourth display, third =",
                 claim: .identity(Identity(rhs39, equals: rhs40, over: finite)),
                 remark: "Valid for η ≥ 0 by Tonelli; checked on finite support (terms with i₁ or i₂ ≥ 8 vanish)."),
            Step("11404.41", "necessity: the i₁ = i₂ = 0 term", at: "例子之一 (example 1), sentence after the fourth display",
                 claim: .inequality(Inequality(total, lessThan: rhs40, over: finite))),
            Step("11404.42", "Cauchy–Schwarz on each (i₁, i₂) term", at: "例子之一 (example 1), fifth display, first ≤",
                 claim: .inequality(Inequality(rhs40, lessThan: rhs42, over: finite))),
            Step("11404.43", "tails bounded by the full sum", at: "例子之一 (example 1), fifth display, second ≤",
                 claim: .inequality(Inequality(rhs42, lessThan: rhs43, over: finite))),
            Step("11404.44", "double geometric series", at: "例子之一 (example 1), fifth display, final =",
                 kind: "identity",
                 claim: .limit(Limit(geometric * geometric, tendsTo: 1 / (1 - beta1) ** 2, along: .increasing(n, [100, 200, 300, 400]),
                                     order: .geometric(rate: beta1), over: ParameterSpace([Parameter(beta1, .values([0.3, 0.9]))]))),
                 remark: "Σ_{i₁,i₂≥0}β₁^{i₁+i₂} = (Σ_iβ₁^i)² = (1-β₁)^{-2}: partial sums to N converge geometrically to it (the common factor Σ_jη_j² is left out)."),
        ]
    }

    static var exampleTwo: [Step] {
        let lam: Expr = lambda
        let kappaConst = { (k: Expr) in sum("l", 1, k) { _ in lam * eta } }
        let bigT: Expr = .symbol(Symbol("T"))
        let n: Expr = .symbol(Symbol("n"))
        let smallStep: Expr = .symbol(Symbol("x", latex: "\\lambda\\eta"))
        let constantSpace = ParameterSpace([Parameter(lambda, .uniform(0.01, 0.5)), Parameter(eta, .logUniform(1e-4, 1e-2)),
                                            Parameter(t, .fixed(37)), Parameter(r0, .uniform(0.03, 0.3))])
        let line1 = exp(-2 * kappaConst(t)) * r0 ** 2 + exp(-2 * kappaConst(t)) * sum("j", 1, t) { j in exp(2 * kappaConst(j)) * eta ** 2 }
        let line2 = exp(-2 * lam * eta * t) * r0 ** 2 + exp(-2 * lam * eta * t) * sum("j", 1, t) { j in exp(2 * lam * eta * j) * eta ** 2 }
        let line3 = exp(-2 * lam * eta * t) * r0 ** 2 + exp(2 * lam * eta) * (1 - exp(-2 * lam * eta * t)) / (exp(2 * lam * eta) - 1) * eta ** 2
        let line4 = exp(-2 * lam * eta * t) * r0 ** 2 + (1 - exp(-2 * lam * eta * t)) * eta / (2 * lam)
        let tPath = RegimePath.increasing(t, [1000, 10_000, 100_000])
        let family = ParameterSpace([Parameter(lambda, .derived(1000 / t))])
        // 11404.47(b): λ = 0, η_i = 1/(1 + i/T), j = T, sums to t = T + 300 (β₁^300 ≈ 2·10⁻¹⁴).
        let slow = { (k: Expr) in 1 / (1 + k / bigT) }
        return [
            Step("11404.45", "κ_t with constant weight decay", at: "例子之二 (example 2), first sentence",
                 claim: .identity(Identity(sum("i", 1, t) { i in etaSeq[i] * lam }, equals: lam * sum("i", 1, t) { i in etaSeq[i] },
                                           over: ParameterSpace([Parameter(lambda, .uniform(0.01, 0.3)), Parameter(etaSeq[i], .family(dimension: nil, lower: 1e-3, upper: 1e-2)),
                                                                 Parameter(t, .fixed(15))])))),
            Step("11404.46", "forgetting θ₀ needs Σ η_i = ∞", at: "例子之二 (example 2), first paragraph",
                 kind: "limit",
                 claim: .all([
                    .limit(Limit(exp(-2 * 0.1 * sum("i", 1, t) { i in i ** -2 }), tendsTo: exp(-0.2 * .pi ** 2 / 6),
                                 along: .increasing(t, [100, 1000, 10_000]), order: .power(1), over: .empty)),
                    .limit(Limit(exp(-0.2 * (.call(.digamma, [t + 1]) + .constant(.eulerGamma))) * t ** 0.2, tendsTo: exp(-0.2 * .constant(.eulerGamma)),
                                 along: .increasing(t, [100, 10_000, 1_000_000]), order: .power(1), over: .empty)),
                 ]),
                 remark: "λ = 0.1. η_i = 1/i²: e^{-2κ_t} → e^{-2λπ²/6} > 0 (θ₀ not forgotten). η_i = 1/i: κ_t = λH_t, so e^{-2κ_t}t^{2λ} → e^{-2λγ}, i.e. e^{-2κ_t} → 0 like t^{-0.2}."),
            Step("11404.47", "freeze e^{κ_i}η_i at i = j", at: "例子之二 (example 2), first display, first ≈",
                 claim: .all([
                    .approximation(Approximation(sum("k", 0, 300) { k in exp(smallStep * k) * beta1 ** k }, approximatedBy: sum("k", 0, 300) { k in beta1 ** k },
                                                 along: .decades(smallStep, from: 2, to: 20), order: .power(1),
                                                 over: ParameterSpace([Parameter(beta1, .fixed(0.9))]),
                                                 display: Display(sum("i", j, t) { i in exp(kappa(i)) * beta1 ** (i - j) * etaSeq[i] }, .approximately,
                                                                  sum("i", j, t) { i in exp(kappa(j)) * beta1 ** (i - j) * etaSeq[j] }))),
                    .approximation(Approximation(sum("i", bigT, bigT + 300) { i in beta1 ** (i - bigT) * slow(i) },
                                                 approximatedBy: slow(bigT) * sum("i", bigT, bigT + 300) { i in beta1 ** (i - bigT) },
                                                 along: .increasing(bigT, [100, 1000, 10_000, 100_000_000, 1_000_000_000_000, 1_000_000_000_000_000_000]), order: .power(1),
                                                 over: ParameterSpace([Parameter(beta1, .fixed(0.9))]))),
                 ]),
                 remark: "(a) constant η, λ, x = λη (common factor e^{κ_j}η dropped), t - j = 300: the relative error → xβ₁/(1-β₁) = 9x. (b) λ = 0, η_i = 1/(1 + i/T), j = T: relative error ∝ 1/T (η slowly varying on the momentum scale). Both paths run far into the regime (x down to 10⁻²⁰, T up to 10¹⁸), below the β₁³⁰⁰ ≈ 2·10⁻¹⁴ by which a window one term longer or shorter would differ."),
            Step("11404.48", "pull out the constant", at: "例子之二 (example 2), first display, =",
                 claim: .identity(Identity(sum("i", j, t) { i in exp(kappa(j)) * beta1 ** (i - j) * etaSeq[j] },
                                           equals: exp(kappa(j)) * etaSeq[j] * sum("i", j, t) { i in beta1 ** (i - j) },
                                           over: dynamicSpace([Parameter(beta1, .uniform(0.5, 0.95)), Parameter(j, .integers(1...5))], steps: 6...20)))),
            Step("11404.49", "extend the geometric sum to infinity", at: "例子之二 (example 2), first display, second ≈",
                 claim: .approximation(Approximation(sum("k", 0, n - 1) { k in beta1 ** k }, approximatedBy: 1 / (1 - beta1),
                                                     along: .increasing(n, [10, 50, 100, 200]), order: .geometric(rate: beta1),
                                                     over: ParameterSpace([Parameter(beta1, .fixed(0.9))]),
                                                     display: Display(exp(kappa(j)) * etaSeq[j] * sum("i", j, t) { i in beta1 ** (i - j) }, .approximately,
                                                                      exp(kappa(j)) * etaSeq[j] * sum("i", j, .infinity) { i in beta1 ** (i - j) }, regime: "t-j\\to\\infty"))),
                 remark: "n = t - j + 1 terms: the relative error is exactly β₁ⁿ (common factor e^{κ_j}η_j dropped); β₁ = 0.9."),
            Step("11404.50", "geometric series", at: "例子之二 (example 2), first display, last =",
                 kind: "identity",
                 claim: .limit(Limit(sum("k", 0, n) { k in beta1 ** k }, tendsTo: 1 / (1 - beta1), along: .increasing(n, [200, 400, 600, 800]),
                                     order: .geometric(rate: beta1), over: ParameterSpace([Parameter(beta1, .values([0.5, 0.95]))]),
                                     display: Display(exp(kappa(j)) * etaSeq[j] * sum("i", j, .infinity) { i in beta1 ** (i - j) }, .equals,
                                                      exp(kappa(j)) * etaSeq[j] / (1 - beta1)))),
                 remark: "The series summed numerically: partial sums converge geometrically to 1/(1-β₁) (common factor e^{κ_j}η_j dropped)."),
            Step("11404.51", "simplified weight-RMS formula eq:w-rms-simp", at: "例子之二 (example 2), eq:w-rms-simp",
                 claim: .withDigits(30, .approximation(Approximation(discrete(2, steps: t, lambda: lambda, 5), approximatedBy: discrete(2, steps: t, lambda: lambda, 6),
                                                                    along: tPath, order: .power(1), over: family,
                                                                    display: Display(rmsNorm(theta[t]) ** 2, .approximately,
                                                                                     exp(-2 * kappa(t)) * rmsNorm(theta0) ** 2
                                                                                        + exp(-2 * kappa(t)) * sum("j", 1, t) { j in exp(2 * kappa(j)) * etaSeq[j] ** 2 },
                                                                                     regime: "\\lambda\\eta\\to 0,\\ \\eta\\ \\text{slowly varying}")))),
                 remark: "Data term of eq:w-rms-mu0 (exact discrete sums, backward recursion) against that of eq:w-rms-simp along the cosine family 2·10⁻³ → 2·10⁻⁴ stretched to t = 10³, 10⁴, 10⁵ steps (λ = 1000/t, κ_t = 1.1, β₁ = 0.9): relative error ∝ 1/t. The AdamW comparison is 11404.81."),
            Step("11404.52", "κ_t for constant λ, η", at: "例子之二 (example 2), text before the second display",
                 claim: .identity(Identity(kappaConst(t), equals: lam * eta * t, over: constantSpace))),
            Step("11404.53", "constant schedule substituted", at: "例子之二 (example 2), second display, first =",
                 claim: .identity(Identity(line1, equals: line2, over: constantSpace))),
            Step("11404.54", "geometric sum in closed form", at: "例子之二 (example 2), second display, second =",
                 claim: .identity(Identity(line2, equals: line3, over: constantSpace))),
            Step("11404.55", "small λη", at: "例子之二 (example 2), second display, final ≈",
                 claim: .approximation(Approximation(line3, approximatedBy: line4, along: RegimePath(smallStep, [0.01, 0.001, 0.0001, 0.000001], .toZero),
                                                     order: .power(1), over: ParameterSpace([Parameter(lambda, .fixed(0.1)), Parameter(eta, .derived(smallStep / lam)),
                                                                                             Parameter(t, .derived(1 / smallStep)), Parameter(r0, .fixed(0))]),
                                                     display: Display(line3, .approximately, line4, regime: "\\lambda\\eta\\to 0"))),
                 remark: "Data terms (θ₀ = 0) at λ = 0.1, t = 1/(λη): their ratio is 2x/(1-e^{-2x}) = 1 + x + x²/3 + …, x = λη (Extension 3)."),
            Step("11404.56", "agreement with part 1", at: "例子之二 (example 2), sentence after the second display",
                 kind: "approximation",
                 claim: .approximation(Approximation(
                    (1 - smallStep) ** (2 * t) * r0 ** 2 + (1 - (1 - smallStep) ** (2 * t)) * eta / (2 * lam), approximatedBy: line4,
                    along: .decades(smallStep, from: 2, to: 5), order: .power(1),
                    over: ParameterSpace([Parameter(lambda, .fixed(0.1)), Parameter(eta, .derived(smallStep / lam)), Parameter(t, .derived(1 / smallStep)),
                                          Parameter(r0, .values([0, 1]))]))),
                 remark: "Part 1's eq. theta-rms-mu0, β₃^{2t}‖θ₀‖² + (1-β₃^{2t})η/(2λ) with β₃ = 1-ηλ, against the last line at ληt = 1: the difference vanishes linearly in λη ((1-x)^{2t}/e^{-2xt} - 1 ≈ -x). ‖θ₀‖_RMS ∈ {0, 1} (η/(2λ) ≤ 0.5 here, so the two terms' errors never cancel)."),
        ]
    }
}
