import Foundation
import Symbolic

/// 11280.7–11280.28: SignSGD moments, eq:eta-opt-sign, the Surge analysis, Newton view and loss change.
extension Article11280 {
    /// g_i and σ_i² as scalar families over the component index; A_{i,k} builds random SPD matrices.
    static let gc = Family(Symbol("gc", latex: "g"))
    static let s2c = Family(Symbol("s2c", latex: "\\sigma^2"))
    static let ac = Family(Symbol("Ac", latex: "A"))
    static let i: Expr = .symbol(Symbol("i"))
    static let j: Expr = .symbol(Symbol("j"))

    /// A component-indexed SignSGD instance: N components, H_{i,j} given as an expression.
    struct Instance {
        let n: Expr
        let hessian: (Expr, Expr) -> Expr

        /// H_{i,j} = Σ_k A_{i,k}A_{j,k} + ½δ_{i,j}: symmetric positive definite for any A.
        static func randomSPD(_ n: Int) -> Instance {
            Instance(n: Expr.number(Rational(n))) { i, j in
                .named(Symbol("H_\(i.plainText)\(j.plainText)", latex: "H_{\(i.latex),\(j.latex)}"),
                       sum("k", 1, Expr.number(Rational(n))) { k in ac[i, k] * ac[j, k] } + M.kronecker(i, j) / 2)
            }
        }

        static func given(_ n: Int, _ entry: @escaping (Expr, Expr) -> Expr) -> Instance {
            Instance(n: Expr.number(Rational(n))) { i, j in .named(Symbol("H_\(i.plainText)\(j.plainText)", latex: "H_{\(i.latex),\(j.latex)}"), entry(i, j)) }
        }

        var absSum: Expr { sum("i", 1, n) { i in abs(gc[i]) } }
        var diagonal: Expr { sum("i", 1, n) { i in hessian(i, i) } }
        var offDiagonal: Expr { M.doubleSum(n, offDiagonal: true) { i, j in hessian(i, j) * sign(gc[i] * gc[j]) } }
        /// eq:eta-opt-sign as printed.
        func etaSign(_ b: Expr) -> Expr { absSum / (diagonal / b + b * offDiagonal) }
        /// eq:eta-opt with E[φ]_i = μ_i and E[φφᵀ]_{i,j} = μ_iμ_j + δ_{i,j}(1 - μ_iμ_j), μ_i = β sign(g_i).
        func etaFromMoments(_ b: Expr) -> Expr {
            let m = { (k: Expr) in b * sign(gc[k]) }
            let numerator = sum("i", 1, n) { i in m(i) * gc[i] }
            let traceCH = M.doubleSum(n) { i, j in (m(i) * m(j) + M.kronecker(i, j) * (1 - m(i) * m(j))) * hessian(j, i) }
            return numerator / traceCH
        }
    }

    static let hd: Expr = .symbol(Symbol("Hd", latex: "\\sum_i H_{i,i}"))
    static let sOff: Expr = .symbol(Symbol("Soff", latex: "\\sum_{i\\neq j} H_{i,j}\\sign(g_i g_j)"))
    static let gAbs: Expr = .symbol(Symbol("G1", latex: "\\sum_i |g_i|"))
    /// eq:eta-opt-sign in the abbreviations of the inventory.
    static let etaSignShort = gAbs / (hd / beta + beta * sOff)

    static func instanceSpace(_ n: Int, _ extra: [Parameter], gradients: Domain = .family(dimension: nil, lower: -2, upper: 2)) -> ParameterSpace {
        ParameterSpace([Parameter(gc[i], gradients), Parameter(ac[i, j], .family(dimension: nil, lower: -1, upper: 1))] + extra)
    }

    static var calculation: [Step] {
        let componentGrid = ParameterSpace([
            Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(s2c[i], .family(dimension: nil, lower: 0.09, upper: 4)),
            Parameter(i, .values([1, 2, 3, 4, 5, 6])), Parameter(batch, .values([4, 100, 10_000])),
        ])
        let exactComponent = erf(gc[i] / (sqrt(s2c[i]) * sqrt(2 / batch)))
        let meanFieldComponent = gc[i] / sqrt(gc[i] ** 2 + s2c[i] / batch)
        let n8: Expr = 8
        let bSimpleOf = sum("i", 1, n8) { i in s2c[i] } / sum("i", 1, n8) { i in gc[i] ** 2 }
        let perIndex = sum("i", 1, n8) { i in abs(gc[i]) / sqrt(1 + towardAverage(s2c[i] / gc[i] ** 2) / batch) }
        let averaged = sum("i", 1, n8) { i in abs(gc[i]) / sqrt(1 + bSimple / batch) }
        let averagingSpace = ParameterSpace([
            Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(s2c[i], .family(dimension: nil, lower: 0.2, upper: 3)),
            Parameter(bSimple, .derived(bSimpleOf)), Parameter(rho, .values([0.01, 0.1, 1, 10, 100, 1000])), Parameter(batch, .derived(bSimple / rho)),
            Parameter(spread, .fixed(1)),
        ])
        // The instance axis first: random families drawn after it are drawn anew for each instance.
        let averagingRegime = ParameterSpace([Parameter(instanceIndex, .values([1, 2, 3]))] + Array(averagingSpace.parameters.prefix(3))
                                             + [Parameter(rho, .values([0.01, 1, 100])),
                                                Parameter(batch, .derived(bSimple / rho))])
        let cc: Expr = .symbol(Symbol("c"))
        let sigmaEntry = { (i: Expr, j: Expr) -> Expr in sum("k", 1, 7) { k in ac[i, k] * ac[j, k] } + M.kronecker(i, j) / 2 }
        let muFor = { (k: Expr) in beta * sign(gc[k]) }
        let secondMomentEntry = { (i: Expr, j: Expr) in muFor(i) * muFor(j) + M.kronecker(i, j) * (1 - muFor(i) * muFor(j)) }
        let (m1, s1, m2, s2) = (0.4, 0.9, -0.3, 0.5)
        return [
            Step("11280.7", "componentwise mean-field E[φ̃_B]_i", at: "计算过程 (calculation), first display",
                 claim: .withDigits(20, .all([
                    // Each component as B grows: the gap closes like 1/B (1/(2r²), r² ∝ B), on three instances.
                    .meanField(MeanFieldClaim(Display(.expectation(sign(.symbol(Symbol("gBi", latex: "(\\tilde{g}_B)_i")))), .approximately,
                                                      gc[i] / sqrt(gc[i] ** 2 + s2c[i] / batch)),
                                              exact: exactComponent, heuristic: meanFieldComponent, over: componentGrid,
                                              criterion: exactAsNoiseVanishes(batch, [100, 1000, 10_000, 100_000], over: ParameterSpace([
                                                Parameter(gc[i], .family(dimension: nil, lower: 0.5, upper: 2)),
                                                Parameter(s2c[i], .family(dimension: nil, lower: 0.5, upper: 4)),
                                                Parameter(i, .values([1, 2, 3]))])))),
                 ])),
                 remark: "Independent Gaussian components (g̃_B)_i ~ N(g_i, σ_i²/B), σ_i² = Σ_{i,i} any positive diagonal; exact erf(g_i√B/(σ_i√2)). N = 6 components, B ∈ {4, 10², 10⁴}; the regime on components 1–3 of a second instance. " + regimeRemark),
            Step("11280.8", "sign(g_i) form", at: "计算过程 (calculation), first display, last equality",
                 claim: .identity(Identity(g / sqrt(g ** 2 + sigma2 / batch), equals: sign(g) / sqrt(1 + (sigma2 / g ** 2) / batch),
                                           over: ParameterSpace([Parameter(g, .uniform(-3, 3)), Parameter(sigma2, .uniform(0.1, 4)),
                                                                 Parameter(batch, .uniform(1, 64))])))),
            Step("11280.9", "index averaging: σ_i²/g_i² → B_simple", at: "计算过程 (calculation), second display",
                 claim: .all([
                    .meanField(MeanFieldClaim(Display(.expectation(.symbol(Symbol.vector("phi", latex: "\\tilde{\\boldsymbol{\\varphi}}_B"))) * .symbol(Symbol.vector("g")),
                                                      .approximately, averaged, regime: "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B]^{\\top}\\boldsymbol{g}"),
                                              exact: perIndex, heuristic: averaged, over: averagingSpace,
                                              criterion: .exactInRegime(.decades(spread, from: 3, to: 7), order: .power(1), over: averagingRegime))),
                    // Exact when σ_i² = c g_i² for every i.
                    .identity(Identity(sum("i", 1, n8) { i in abs(gc[i]) / sqrt(1 + (cc * gc[i] ** 2 / gc[i] ** 2) / batch) },
                                       equals: sum("i", 1, n8) { i in abs(gc[i]) / sqrt(1 + (sum("k", 1, n8) { k in cc * gc[k] ** 2 } / sum("k", 1, n8) { k in gc[k] ** 2 }) / batch) },
                                       over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(cc, .uniform(0.1, 5)),
                                                             Parameter(batch, .uniform(0.1, 100))]))),
                 ]),
                 remark: "Compared through E[φ̃_B]ᵀg = Σ|g_i|/√(1+(σ_i²/g_i²)/B) against Σ|g_i|/√(1+B_simple/B), N = 8, g_i ~ U(-2, 2), σ_i² ~ U(0.2, 3), B_simple/B from 10⁻² to 10³. " + averagingRemark),
            Step("11280.10", "B_simple = tr(Σ)/gᵀg = E_i[σ_i²]/E_i[g_i²]", at: "计算过程 (calculation), prose after the second display",
                 claim: .identity(Identity(sum("i", 1, 7) { i in sigmaEntry(i, i) } / sum("i", 1, 7) { i in gc[i] ** 2 },
                                           equals: (sum("i", 1, 7) { i in sigmaEntry(i, i) } / 7) / (sum("i", 1, 7) { i in gc[i] ** 2 } / 7),
                                           over: instanceSpace(7, []))),
                 remark: "Σ_{i,j} = Σ_k A_{i,k}A_{j,k} + ½δ_{i,j} (SPD), N = 7; σ_i² = Σ_{i,i}."),
            Step("11280.11", "off-diagonal second moment factorizes under independence", at: "计算过程 (calculation), third display",
                 claim: .monteCarlo(MonteCarloClaim(
                    Display(.expectation(.symbol(Symbol("phiij", latex: "(\\tilde{\\varphi}_B)_i(\\tilde{\\varphi}_B)_j"))), .equals,
                            .expectation(.symbol(Symbol("phii", latex: "(\\tilde{\\varphi}_B)_i"))) * .expectation(.symbol(Symbol("phij", latex: "(\\tilde{\\varphi}_B)_j")))),
                    simulation: M.signProduct(m1, s1, m2, s2, draws: 2000), quote: "0", quoted: .expectation, replicates: 400,
                    reference: 0, quoteIsExact: true)),
                 remark: "Independent x ~ N(0.4, 0.9²), y ~ N(-0.3, 0.5²): the seeded replicates average sign(x)sign(y) - E[sign x]E[sign y], with the claimed product E[sign x]E[sign y] = erf(0.4/(0.9√2))·erf(-0.3/(0.5√2)) in closed form, and the claim is that this is exactly 0 (400 × 2000 pairs raised 16-fold, as for any exact 0: a deviation of 1 % of the product is 5 standard errors). Any closed form of the left side is this product, so the simulation is the only independent side. '≈ μ_iμ_j' is 11280.7 and 11280.9."),
            Step("11280.12", "sign² = 1", at: "计算过程 (calculation), prose",
                 claim: .identity(Identity(sign(x) ** 2, equals: 1, over: ParameterSpace([Parameter(x, .uniform(-3, 3))]))),
                 remark: "Gaussian noise has no atom at 0, so E[sign²] = 1."),
            Step("11280.13", "E[φφᵀ]_{i,j} ≈ μ_iμ_j + δ_{i,j}(1 - μ_iμ_j)", at: "计算过程 (calculation), closing formula",
                 claim: .all([
                    .identity(Identity(secondMomentEntry(i, i), equals: 1,
                                       over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(beta, .uniform(0.1, 0.95)),
                                                             Parameter(i, .integers(1...5))]))),
                    .identity(Identity(secondMomentEntry(i, j), equals: muFor(i) * muFor(j),
                                       over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(beta, .uniform(0.1, 0.95)),
                                                             Parameter(i, .integers(1...5)), Parameter(j, .integers(1...5))],
                                                            where: [Condition(i, .notEqual, j)]))),
                 ]),
                 remark: "μ_i = β sign(g_i): the diagonal is 1 (11280.12), the off-diagonal μ_iμ_j (11280.11)."),
        ]
    }

    static var anomaly: [Step] {
        let random6 = Instance.randomSPD(6)
        let etaSpace = instanceSpace(6, [Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .uniform(0.5, 100)), Parameter(beta, .derived(betaOfB))])
        let betaSpace = ParameterSpace([Parameter(bSimple, .uniform(0.1, 100)), Parameter(batch, .logUniform(0.01, 1000))])
        let smallBatch = ParameterSpace([Parameter(bSimple, .values([0.5, 5, 50])), Parameter(batch, .derived(rho * bSimple))])
        // Derived abbreviations of an instance, evaluated once per point.
        func abbreviations(_ instance: Instance) -> [Parameter] {
            [Parameter(gAbs, .derived(instance.absSum)), Parameter(hd, .derived(instance.diagonal)), Parameter(sOff, .derived(instance.offDiagonal))]
        }
        let etaOfB = etaSignShort.substituting(beta.asSymbol, with: betaOfB)
        let smallBatchSpace = instanceSpace(6, [Parameter(bSimple, .fixed(5)), Parameter(batch, .derived(rho * bSimple))] + abbreviations(random6))
        // 11280.19: unit diagonal, off-diagonal -0.1 (eigenvalues 1.1 and 0.5), g > 0.
        let negative = Instance.given(6) { i, j in M.kronecker(i, j) - Expr(0.1) * (1 - M.kronecker(i, j)) }
        // 11280.21: H = 0.8·(all ones) + 0.6 I, g > 0: Σ H_{i,i} = 7, S_off = 16.
        let surge = Instance.given(5) { i, j in Expr(0.8) + Expr(0.6) * M.kronecker(i, j) }
        let positiveGradients = Domain.family(dimension: nil, lower: 0.5, upper: 1.5)
        let betaStar = sqrt(hd / sOff)
        let criticalBatch = bSimple * betaStar ** 2 / (1 - betaStar ** 2)
        let surgeSpace = { (b: Domain) in
            instanceSpace(5, [Parameter(bSimple, .fixed(10))] + abbreviations(surge)
                          + [Parameter(rho, b), Parameter(batch, .derived(rho * criticalBatch))], gradients: positiveGradients)
        }
        let dEtaDB = Expr.derivative(etaOfB, batch.asSymbol)
        let amBounds = ParameterSpace([Parameter(hd, .uniform(0.5, 5)), Parameter(sOff, .uniform(0.5, 50)), Parameter(beta, .derived(sqrt(hd / sOff)))])
        let denominator = hd / beta + sOff * beta
        return [
            Step("11280.14", "eq:eta-opt-sign", at: "反常现象 (anomalous behaviour), eq:eta-opt-sign",
                 claim: .identity(Identity(random6.etaFromMoments(beta), equals: random6.etaSign(beta), over: etaSpace)),
                 remark: "E[φ̃_B] = β sign(g) and E[φ̃_Bφ̃_Bᵀ]_{i,j} = μ_iμ_j + δ_{i,j}(1-μ_iμ_j) put into eq:eta-opt (tr(CH) = Σ_{i,j}C_{i,j}H_{j,i}); N = 6, H_{i,j} = Σ_k A_{i,k}A_{j,k} + ½δ_{i,j}."),
            Step("11280.15", "β increasing in B, β ∈ (0, 1)", at: "反常现象 (anomalous behaviour), prose after eq:eta-opt-sign",
                 claim: .all([
                    .inequality(Inequality(0, lessThan: .derivative(betaOfB, batch.asSymbol), strict: true, over: betaSpace)),
                    .inequality(Inequality(0, lessThan: betaOfB, strict: true, over: betaSpace)),
                    .inequality(Inequality(betaOfB, lessThan: 1, strict: true, over: betaSpace)),
                    // β → 0: an absolute error (a relative error against 0 is undefined).
                    .approximation(Approximation(betaOfB, approximatedBy: 0, along: .decades(batch, from: 2, to: 6), order: .power(0.5), measure: .absolute,
                                                 over: ParameterSpace([Parameter(bSimple, .values([0.1, 10, 100]))]))),
                    .limit(Limit(betaOfB, tendsTo: 1, along: .increasing(batch, [1000, 10_000, 100_000, 1_000_000]), order: .power(1),
                                 over: ParameterSpace([Parameter(bSimple, .values([0.1, 10, 100]))]))),
                 ])),
            Step("11280.16", "β ≈ √(B/B_simple) for B ≪ B_simple", at: "反常现象 (anomalous behaviour), second paragraph",
                 claim: .approximation(Approximation(betaOfB, approximatedBy: sqrt(batch / bSimple), along: .decades(rho, from: 1, to: 6),
                                                     order: .power(1), over: smallBatch)),
                 remark: "ρ = B/B_simple; the relative error is ≈ ρ/2."),
            Step("11280.17", "η* ∝ √B at small batch", at: "反常现象 (anomalous behaviour), small-batch display",
                 claim: .all([
                    .approximation(Approximation(etaOfB, approximatedBy: gAbs / hd * betaOfB, along: .decades(rho, from: 1, to: 6),
                                                 order: .power(1), over: smallBatchSpace)),
                    .approximation(Approximation(etaOfB, approximatedBy: gAbs / hd * sqrt(batch / bSimple), along: .decades(rho, from: 1, to: 6),
                                                 order: .power(1), over: smallBatchSpace)),
                 ]),
                 remark: "Against eq:eta-opt-sign (random instance of 11280.14, B_simple = 5), ρ = B/B_simple → 0: the dropped βS_off term and β - √ρ are both O(ρ)."),
            Step("11280.18", "PD Hessian ⇒ Σ H_{i,i} > 0", at: "反常现象 (anomalous behaviour), third paragraph",
                 claim: .inequality(Inequality(0, lessThan: random6.diagonal, strict: true, over: instanceSpace(6, []))),
                 remark: "H_{i,i} = e_iᵀHe_i > 0 for PD H; random SPD instances of 11280.14."),
            Step("11280.19", "S_off ≤ 0 ⇒ η* increasing in β and in B", at: "反常现象 (anomalous behaviour), third paragraph",
                 claim: .all([
                    // The general argument: H_d/β + S_off β is decreasing in β when S_off ≤ 0.
                    .inequality(Inequality(0, lessThan: .derivative(etaSignShort, beta.asSymbol), strict: true,
                                           over: ParameterSpace([Parameter(gAbs, .uniform(0.1, 10)), Parameter(hd, .uniform(0.1, 10)),
                                                                 Parameter(sOff, .uniform(-10, 0)), Parameter(beta, .uniform(0.01, 0.99))]))),
                    // The example: η*(B) of eq:eta-opt-sign has positive B-derivative.
                    .inequality(Inequality(0, lessThan: dEtaDB, strict: true,
                                           over: instanceSpace(6, abbreviations(negative) + [Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .logUniform(0.01, 1000))],
                                                               gradients: positiveGradients))),
                    .inequality(Inequality(sOff, lessThan: 0, over: instanceSpace(6, abbreviations(negative), gradients: positiveGradients))),
                 ]),
                 remark: "General: dη*/dβ sampled with Σ|g_i|, H_d > 0, S_off ≤ 0. Example: N = 6, g_i > 0, H = 1.1 I - 0.1·(all ones) (eigenvalues 1.1, 0.5), S_off = -3."),
            Step("11280.20", "minimum of the denominator at β* = √(H_d/S_off)", at: "反常现象 (anomalous behaviour), β* display",
                 claim: .all([
                    M.vanishes(.derivative(denominator, beta.asSymbol), scale: sOff, over: amBounds),
                    .inequality(Inequality(0, lessThan: M.secondDerivative(denominator, beta), strict: true, over: amBounds)),
                    .identity(Identity(denominator, equals: 2 * sqrt(hd * sOff), over: amBounds)),
                 ]),
                 remark: "D(β) = H_d/β + S_off β: D'(β*) = 0 (against the scale S_off of its terms), D''(β*) > 0, D(β*) = 2√(H_d S_off) (AM–GM)."),
            Step("11280.21", "Surge: η* rises then falls in B when β* ∈ (0, 1)", at: "反常现象 (anomalous behaviour), last paragraph",
                 claim: .all([
                    .inequality(Inequality(betaStar, lessThan: 1, strict: true, over: surgeSpace(.fixed(1)))),
                    .inequality(Inequality(0, lessThan: dEtaDB, strict: true, over: surgeSpace(.uniform(0.01, 0.99)))),
                    .inequality(Inequality(dEtaDB, lessThan: 0, strict: true, over: surgeSpace(.uniform(1.01, 100)))),
                    M.vanishes(dEtaDB, scale: 1, over: surgeSpace(.fixed(1))),
                    .identity(Identity(criticalBatch, equals: bSimple * hd / (sOff - hd), over: surgeSpace(.fixed(1)))),
                 ]),
                 remark: "N = 5, g_i > 0, H = 0.8·(all ones) + 0.6 I (PD): H_d = 7, S_off = 16, β* = √(7/16); B_simple = 10, so B_crit = B_simple β*²/(1-β*²) = 70/9. B = ρ·B_crit with ρ < 1 (rising), ρ > 1 (falling), ρ = 1 (stationary)."),
        ]
    }
}
