import Foundation
import Symbolic

extension Articles {
    /// 11280 — Rethinking learning rate and batch size (II): mean field (kexue.fm/archives/11280).
    /// Steps follow ../shared/derivations/11280.md; sections are cited by their headings.
    public static let meanFieldBatchSize = Derivation(
        11280, title: "Rethinking learning rate and batch size (II): mean field", originalTitle: "重新思考学习率与Batch Size（二）：平均场",
        steps: Article11280.steps)
}

enum Article11280 {
    typealias M = MeanFieldOptimizers
    // Scalars of the one-component discussion.
    static let g: Expr = .symbol(Symbol("g"))
    static let sigma: Expr = .symbol(Symbol("sigma"))
    static let sigma2: Expr = .symbol(Symbol("sigma2", latex: "\\sigma_i^2"))
    static let batch: Expr = .symbol(Symbol("B"))
    static let r: Expr = .symbol(Symbol("r", latex: "r"))
    static let x: Expr = .symbol(Symbol("x"))
    static let mu: Expr = .symbol(Symbol("mu"))
    static let epsilon: Expr = .symbol(Symbol("epsilon"))
    static let beta: Expr = .symbol(Symbol("beta"))
    static let eta: Expr = .symbol(Symbol("eta"))
    static let etaMax: Expr = .symbol(Symbol("etaMax", latex: "\\eta_{\\max}"))
    static let bSimple: Expr = .symbol(Symbol("Bsimple", latex: "\\mathcal{B}_{\\text{simple}}"))
    static let bNoise: Expr = .symbol(Symbol("Bnoise", latex: "\\mathcal{B}_{\\text{noise}}"))
    /// ρ = B_simple/B (or B/B_simple, σ²/μ², as each step says): the regime variable.
    static let rho: Expr = .symbol(Symbol("rho", latex: "\\rho"))
    static let scale: Expr = .symbol(Symbol("f"))
    /// Index averaging's regime: each per-index noise ratio moved toward B_simple on a log scale,
    /// ratio_i(t) = B_simple·(ratio_i/B_simple)^t; t = 1 is the instance, t = 0 makes the averaging
    /// exact. (A linear move is swamped by the rare huge ratio σ_i²/g_i² of a g_i near 0.)
    static let spread: Expr = .symbol(Symbol("spread", latex: "t"))
    static func towardAverage(_ ratio: Expr) -> Expr { bSimple * (ratio / bSimple) ** spread }
    static let averagingRemark = "Index averaging is exact when the per-index ratios are equal (the identity part); judged as they approach B_simple, ratio_i(t) = B_simple·(ratio_i/B_simple)^t, where the relative error must shrink like t, t = 10⁻³…10⁻⁷ (three instances, B_simple/B ∈ {0.01, 1, 100}); the grid at t = 1 is shown, not judged."
    /// Labels independent random instances of one step (a grid axis used by no expression).
    static let instanceIndex: Expr = .symbol(Symbol("instance", latex: "k"))
    /// β = (1 + B_simple/B)^{-1/2} (eq:eta-opt-sign).
    static let betaOfB = (1 + bSimple / batch) ** -0.5

    /// The article's Gaussian noise model for one component: g̃_B ~ N(g, σ²/B).
    static func gaussianNoise(_ f: (Expr) -> Expr) -> Expr { M.gaussianMean(g, sigma / sqrt(batch), f) }

    /// The article's mean-field "≈" replaces E[f(g̃_B)] by f of the moments, dropping the
    /// fluctuation terms, which are O(σ²/B). Read as the article states it, the heuristic must
    /// become exact as the noise vanishes, its relative error shrinking like 1/B (like 1/r², r² ∝ B);
    /// away from that regime the article quantifies nothing (it calls a factor π/2 on σ²/B
    /// unimportant), so the grid there is shown and not judged.
    static func exactAsNoiseVanishes(_ variable: Expr = batch, _ values: [Int] = [10, 100, 1000, 10_000], order: Double = 1,
                                     over space: ParameterSpace) -> MeanFieldClaim.Criterion {
        .exactInRegime(.increasing(variable, values), order: .power(order), over: space)
    }
    static let regimeRemark = "Judged where the article's dropped fluctuation terms vanish (noise → 0): the relative error must shrink at their order; the grid away from that regime is shown, not judged, since the article quantifies nothing there (it calls a factor π/2 on σ²/B unimportant)."

    static var steps: [Step] { coreIdea + calculation + anomaly + lossChange + generalLaw + validity + softSign }

    // MARK: 方法大意 (core idea)

    static var coreIdea: [Step] {
        let phi = Expr.symbol(Symbol.vector("phi", latex: "\\tilde{\\boldsymbol{\\varphi}}_B"))
        let gB = Expr.symbol(Symbol.vector("gB", latex: "\\tilde{\\boldsymbol{g}}_B"))
        let gScalar = Expr.symbol(Symbol("gBs", latex: "\\tilde{g}_B"))
        let exactSign = erf(r / sqrt(2))
        let meanFieldSign = r / sqrt(r ** 2 + 1)
        let ratioGrid = ParameterSpace([Parameter(r, .values([0.01, 0.1, 0.5, 1, 2, 4, 10]))])
        let moments = ParameterSpace([Parameter(g, .uniform(-2, 2)), Parameter(sigma, .uniform(0.3, 2)), Parameter(batch, .uniform(1, 20))])
        // E[g̃_B] and E[g̃_B²] for Gaussian noise, by quadrature.
        let firstMoment = gaussianNoise { $0 }
        let secondMoment = gaussianNoise { $0 ** 2 }
        return [
            Step("11280.1", "definition: SignSGD direction and the noise model", at: "方法大意 (core idea), prose before eq:eta-opt",
                 claim: .all([
                    .definition(Definition(phi, sign(gB))),
                    .definition(Definition(.expectation(gB), .symbol(Symbol.vector("g")), relation: .equals)),
                    .definition(Definition(.symbol(Symbol("Cov", latex: "\\text{Cov}[\\tilde{\\boldsymbol{g}}_B]")),
                                           .symbol(Symbol.matrix("Sigma", latex: "\\boldsymbol{\\Sigma}")) / batch, relation: .equals)),
                 ])),
            Step("11280.2", "optimal learning rate of the quadratic model", at: "方法大意 (core idea), eq:eta-opt",
                 claim: .all([
                    M.vanishes(.derivative(Quadratic.model, eta.asSymbol), scale: Quadratic.aTg, over: Quadratic.space(etaAt: Quadratic.etaStar)),
                    .inequality(Inequality(0, lessThan: M.secondDerivative(Quadratic.model, eta), strict: true,
                                           over: Quadratic.space(etaAt: Quadratic.etaStar))),
                 ]),
                 remark: "Q(η) = -η aᵀg + ½η² tr(CH) (part I's second-order model), a, g Gaussian 5×1, C = MMᵀ + aaᵀ, H = KKᵀ + I (M, K Gaussian 5×5): Q'(η*) = 0 (checked as aᵀg + Q'(η*) = aᵀg, the scale of its terms) and Q''(η*) = tr(CH) > 0 at η* = aᵀg/tr(CH)."),
            Step("11280.3", "sign written as x/√(x²)", at: "方法大意 (core idea), mean-field display, first equality",
                 claim: .identity(Identity(sign(x), equals: x / sqrt(x ** 2), over: ParameterSpace([Parameter(x, .uniform(-3, 3))]))),
                 remark: "Pointwise at nonzero x of both signs; the expectations agree because the integrands do."),
            Step("11280.4", "mean-field step E[g̃/√(g̃²)] ≈ E[g̃]/√E[g̃²]", at: "方法大意 (core idea), mean-field display (≈)",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(Display(.expectation(gScalar / sqrt(gScalar ** 2)), .approximately,
                                                      .expectation(gScalar) / sqrt(.expectation(gScalar ** 2)), regime: "r = g\\sqrt{B}/\\sigma"),
                                              exact: exactSign, heuristic: meanFieldSign, over: ratioGrid,
                                              criterion: exactAsNoiseVanishes(r, [32, 64, 128, 256], order: 2, over: .empty))),
                    // r → 0: exact/heuristic → √(2/π), the slope ratio; second order in r.
                    .limit(Limit(exactSign / meanFieldSign, tendsTo: sqrt(2 / Expr.pi), along: .decades(r, from: 1, to: 4), order: .power(2), over: .empty)),
                    // r → ∞: exact - heuristic ~ +1/(2r²).
                    .limit(Limit(asymptotic: exactSign - meanFieldSign, to: 1 / (2 * r ** 2), along: .increasing(r, [32, 64, 128, 256]),
                                 order: .power(2), over: .empty)),
                    // The erf form of the exact side, by quadrature: E[sign(r + z)], z ~ N(0, 1).
                    .identity(Identity(integral("z", -r, .infinity) { z in .call(.normalPDF, [z]) }
                                        - integral("z", -.infinity, -r) { z in .call(.normalPDF, [z]) },
                                       equals: exactSign, over: ParameterSpace([Parameter(r, .uniform(0.01, 4))]))),
                 ])),
                 remark: "Gaussian noise, r = g√B/σ: exact E[sign g̃_B] = erf(r/√2), mean field r/√(r²+1); the dropped terms are O(1/r²). " + regimeRemark
                    + " At r → 0 the ratio tends to √(2/π) (checked as a limit): the π/2 factor the article names. The absolute gap peaks at r ≈ 0.52 (table).",
                 tables: [gapTable]),
            Step("11280.5", "mean-field value g/√(g²+σ²/B)", at: "方法大意 (core idea), mean-field display, last equality",
                 claim: .identity(Identity(firstMoment / sqrt(secondMoment), equals: g / sqrt(g ** 2 + sigma ** 2 / batch), over: moments)),
                 remark: "E[g̃_B] and E[g̃_B²] by Gaussian quadrature (any law with these two moments gives the same)."),
            Step("11280.6", "agrees with archive 10542 up to the constant π/2", at: "方法大意 (core idea), prose after the mean-field display",
                 claim: .all([
                    // 10542: E[sign] = erf(x), x = g√B/(σ√2), with erf(x) ≈ x/√(x² + π/4) (slope 2/√π at 0).
                    .identity(Identity(
                        (g * sqrt(batch) / (sigma * sqrt(2))) / sqrt((g * sqrt(batch) / (sigma * sqrt(2))) ** 2 + Expr.pi / 4),
                        equals: g / sqrt(g ** 2 + (Expr.pi / 2) * sigma ** 2 / batch), over: moments)),
                    // ... which is the mean-field form with σ² scaled by π/2.
                    .identity(Identity(g / sqrt(g ** 2 + (Expr.pi / 2) * sigma ** 2 / batch),
                                       equals: (g / sqrt(g ** 2 + sigma ** 2 / batch)).substituting(sigma.asSymbol, with: sqrt(Expr.pi / 2) * sigma),
                                       over: moments)),
                 ]),
                 remark: "The slope-matched erf approximation of 10542 gives g/√(g²+(π/2)σ²/B): the mean-field form with σ² → (π/2)σ². The table compares the two maxima of |erf(r/√2) - approximation|.",
                 tables: [gapTable]),
        ]
    }

    /// |erf(r/√2) - r/√(r²+c)| at its critical points, c = 1 (mean field) and π/2 (archive 10542).
    static var gapTable: Tabulation {
        Tabulation("critical points of erf(r/√2) - r/√(r²+c) (Gaussian noise, r = g√B/σ)", columns: ["c", "r*", "difference at r*"]) { _ in
            var rows: [[String]] = []
            for (label, c, brackets) in [("1 (mean field)", Expr(1), [(0.1, 1.0), (1.0, 4.0)]),
                                         ("π/2 (10542)", Expr.pi / 2, [(0.5, 4.0)])] {
                let gap = erf(r / sqrt(2)) - r / sqrt(r ** 2 + c)
                for (lo, hi) in brackets {
                    let root = try M.criticalPoint(of: gap, in: r.asSymbol, lo, hi)
                    rows.append([label, root.decimalString(digits: 6), try M.value(gap, r.asSymbol, root).decimalString(digits: 6)])
                }
            }
            return rows
        }
    }

    /// The quadratic model of part I with random moments (11280.2, 11280.25).
    enum Quadratic {
        static let n = 5
        static let a: Expr = .symbol(Symbol.matrix("a", latex: "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B]"))
        static let gv: Expr = .symbol(Symbol.matrix("gv", latex: "\\boldsymbol{g}"))
        static let mm: Expr = .symbol(Symbol.matrix("Mq"))
        static let kk: Expr = .symbol(Symbol.matrix("Kq"))
        static let c: Expr = .symbol(Symbol.matrix("C", latex: "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B\\tilde{\\boldsymbol{\\varphi}}_B^{\\top}]"))
        static let h: Expr = .symbol(Symbol.matrix("H"))
        static let sigmaMatrix: Expr = .symbol(Symbol.matrix("Sigma", latex: "\\boldsymbol{\\Sigma}"))
        static let aTg: Expr = .symbol(Symbol("aTg", latex: "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B]^{\\top}\\boldsymbol{g}"))
        static let trCH: Expr = .symbol(Symbol("trCH", latex: "\\tr(\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B\\tilde{\\boldsymbol{\\varphi}}_B^{\\top}]\\boldsymbol{H})"))
        static let model = -eta * aTg + eta ** 2 * trCH / 2
        static let etaStar = aTg / trCH

        static func space(etaAt value: Expr?, extra: [Parameter] = []) -> ParameterSpace {
            let matrices = [Parameter(a, .gaussianMatrix(rows: n, columns: 1)), Parameter(gv, .gaussianMatrix(rows: n, columns: 1)),
                            Parameter(mm, .gaussianMatrix(rows: n, columns: n)), Parameter(kk, .gaussianMatrix(rows: n, columns: n)),
                            Parameter(c, .derived(mm * transpose(mm) + a * transpose(a))),
                            Parameter(h, .derived(kk * transpose(kk) + identityMatrix(Expr.number(Rational(n))))),
                            Parameter(aTg, .derived(trace(transpose(a) * gv))), Parameter(trCH, .derived(trace(c * h)))]
            return ParameterSpace(matrices + extra + (value.map { [Parameter(eta, .derived($0))] } ?? []))
        }
    }
}
