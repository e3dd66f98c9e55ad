import Foundation
import Symbolic

/// 11280.22–11280.34: the Newton view, the loss change and its homogeneity in Ĥ.
extension Article11280 {
    enum General {
        static let n = 5
        static let gv: Expr = .symbol(Symbol.matrix("gv", latex: "\\boldsymbol{g}"))
        static let h: Expr = .symbol(Symbol.matrix("H"))
        static let hHat: Expr = .symbol(Symbol.matrix("Hhat", latex: "\\hat{\\boldsymbol{H}}"))
        static let sigmaMatrix: Expr = .symbol(Symbol.matrix("Sigma", latex: "\\boldsymbol{\\Sigma}"))
        static let v: Expr = .symbol(Symbol.matrix("v", latex: "\\boldsymbol{v}"))
        static func spd(_ name: String) -> (Parameter, Expr) {
            let root: Expr = .symbol(Symbol.matrix(name + "Root"))
            return (Parameter(root, .gaussianMatrix(rows: n, columns: n)), root * transpose(root) + identityMatrix(Expr.number(Rational(n))))
        }
        static func scalar(_ m: Expr) -> Expr { trace(m) }
        /// 11280.31's right side for a given Ĥ.
        static func lossDecrease(_ hh: Expr) -> Expr {
            let inv = hh ** -1
            return scalar(transpose(gv) * inv * gv) ** 2
                / (2 * (scalar(transpose(gv) * inv * h * inv * gv) + trace(sigmaMatrix * inv * h * inv) / batch))
        }
        /// η* = gᵀĤ⁻¹g / (gᵀĤ⁻¹HĤ⁻¹g + tr(ΣĤ⁻¹HĤ⁻¹)/B) for a given Ĥ.
        static func eta(_ hh: Expr) -> Expr {
            let inv = hh ** -1
            return scalar(transpose(gv) * inv * gv) / (scalar(transpose(gv) * inv * h * inv * gv) + trace(sigmaMatrix * inv * h * inv) / batch)
        }
        static func space(_ extra: [Parameter]) -> ParameterSpace {
            let (hRoot, hValue) = spd("K"), (hatRoot, hatValue) = spd("P"), (sigmaRoot, sigmaValue) = spd("Q")
            return ParameterSpace([Parameter(gv, .gaussianMatrix(rows: n, columns: 1)), hRoot, Parameter(h, .derived(hValue)),
                                   hatRoot, Parameter(hHat, .derived(hatValue)), sigmaRoot, Parameter(sigmaMatrix, .derived(sigmaValue)),
                                   Parameter(batch, .uniform(1, 50))] + extra)
        }
    }

    static var lossChange: [Step] {
        typealias G = General
        typealias Q = Quadratic
        let q = { (d: Expr) in -G.scalar(transpose(d) * G.gv) + G.scalar(transpose(d) * G.h * d) / 2 }
        let newton = G.h ** -1 * G.gv
        let g6 = Family(Symbol.vector("g6", latex: "\\boldsymbol{g}"))[0]
        let column6: Expr = .symbol(Symbol.matrix("g6col", latex: "\\boldsymbol{g}"))
        let random6 = Instance.randomSPD(6)
        // H + c·ssᵀ with s = sign(g): still positive definite, its off-diagonal sum S_off = c·30 + …
        // exceeds H_d = c·6 + … once c is large.
        let alignment: Expr = .symbol(Symbol("c"))
        let aligned6 = Instance.given(6) { i, j in
            sum("k", 1, 6) { k in ac[i, k] * ac[j, k] } + M.kronecker(i, j) / 2 + alignment * sign(gc[i]) * sign(gc[j])
        }
        let direction: Expr = .symbol(Symbol.matrix("w", latex: "\\boldsymbol{w}"))
        let length: Expr = .symbol(Symbol("c"))
        let diagonalH = Instance.given(6) { i, j in M.kronecker(i, j) * abs(gc[i]) / etaMax }
        let etaSpace = instanceSpace(6, [Parameter(etaMax, .uniform(0.1, 2)), Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .uniform(0.5, 100))])
        // Part I's quadratic model: L(w) - E[L(w - ηu)] = η E[u]ᵀg - ½η² tr(E[uuᵀ]H).
        let decrease = { (firstMoment: Expr, secondMomentH: Expr) in eta * firstMoment - eta ** 2 * secondMomentH / 2 }
        let target = Q.aTg ** 2 / (2 * Q.trCH)
        let (sigmaRoot, sigmaValue) = G.spd("Qq")
        let lossSpace = Q.space(etaAt: Q.etaStar, extra: [sigmaRoot, Parameter(Q.sigmaMatrix, .derived(sigmaValue)), Parameter(batch, .uniform(1, 50))])
        let literal = decrease(trace(transpose(Q.gv) * Q.gv), trace((Q.gv * transpose(Q.gv) + Q.sigmaMatrix / batch) * Q.h))
        // 11280.26: the mean-field moments of 11280.9/11280.13 with β = (1 + B_simple/B)^{-1/2}.
        let mu = { (k: Expr) in beta * sign(gc[k]) }
        let lhs26 = sum("i", 1, 6) { i in mu(i) * gc[i] } ** 2
            / (2 * M.doubleSum(6) { i, j in (mu(i) * mu(j) + M.kronecker(i, j) * (1 - mu(i) * mu(j))) * random6.hessian(j, i) })
        let lossMax = (Expr(1) / 2) * random6.absSum ** 2 / (random6.diagonal + random6.offDiagonal)
        let noiseScale = bSimple * random6.diagonal / (random6.diagonal + random6.offDiagonal)
        let lossSpace26 = instanceSpace(6, [Parameter(bSimple, .uniform(0.5, 50)), Parameter(batch, .uniform(0.5, 100)), Parameter(beta, .derived(betaOfB))])
        let lossMaxShort = (Expr(1) / 2) * gAbs ** 2 / (hd + sOff)
        let noiseShort = bSimple * hd / (hd + sOff)
        let steps: Expr = .symbol(Symbol("S")), stepsMin: Expr = .symbol(Symbol("Smin", latex: "S_{\\min}"))
        let data: Expr = .symbol(Symbol("E")), dataMin: Expr = .symbol(Symbol("Emin", latex: "E_{\\min}"))
        return [
            Step("11280.22", "Newton's update H⁻¹g is optimal", at: "原因反思 (reflecting on the cause), first paragraph",
                 claim: .all([
                    .identity(Identity(q(newton + G.v) - q(newton), equals: G.scalar(transpose(G.v) * G.h * G.v) / 2,
                                       over: G.space([Parameter(G.v, .gaussianMatrix(rows: G.n, columns: 1))]))),
                    // v = c·w with c from 10⁻³ to 10³: positivity is about every v, the small
                    // ones included (a bound such as vᵀHv > 1 fails only there).
                    .inequality(Inequality(0, lessThan: G.scalar(transpose(G.v) * G.h * G.v), strict: true,
                                           over: G.space([Parameter(direction, .gaussianMatrix(rows: G.n, columns: 1)), Parameter(length, .logUniform(1e-3, 1e3)),
                                                          Parameter(G.v, .derived(length * direction))]))),
                 ]),
                 remark: "q(d) = -dᵀg + ½dᵀHd: q(H⁻¹g + v) - q(H⁻¹g) = ½vᵀHv (no linear term, so the gradient vanishes) and vᵀHv > 0 (minimum) for v = cw, w Gaussian, c from 10⁻³ to 10³; N = 5, H = KKᵀ + I."),
            Step("11280.23", "SGD and SignSGD as assumed Hessians", at: "原因反思 (reflecting on the cause), second paragraph",
                 claim: .all([
                    .identity(Identity((identityMatrix(Expr.number(Rational(6))) / etaMax) ** -1 * column6, equals: etaMax * column6,
                                       over: ParameterSpace([Parameter(column6, .gaussianMatrix(rows: 6, columns: 1)), Parameter(etaMax, .uniform(0.1, 2))]))),
                    .identity(Identity(g6 / (abs(g6) / etaMax), equals: etaMax * sign(g6),
                                       over: ParameterSpace([Parameter(Family(Symbol.vector("g6"))[0], .family(dimension: 6, lower: -2, upper: 2)),
                                                             Parameter(etaMax, .uniform(0.1, 2))]))),
                 ]),
                 remark: "H = η_max⁻¹I: H⁻¹g = η_max g (matrix inverse, entry-wise comparison); H = η_max⁻¹diag(|g|) is diagonal, so H⁻¹g is g_i/(|g_i|/η_max) = η_max sign(g_i) element-wise."),
            Step("11280.24", "diagonal |g| Hessian: η* = η_max β, monotone", at: "原因反思 (reflecting on the cause), fourth paragraph",
                 claim: .all([
                    .identity(Identity(diagonalH.etaSign(betaOfB), equals: etaMax / sqrt(1 + bSimple / batch), over: etaSpace)),
                    .inequality(Inequality(0, lessThan: .derivative(etaMax / sqrt(1 + bSimple / batch), batch.asSymbol), strict: true, over: etaSpace)),
                 ]),
                 remark: "eq:eta-opt-sign with H_{i,j} = δ_{i,j}|g_i|/η_max (off-diagonal sum 0), N = 6."),
            Step("11280.25", "mean loss decrease at η*", at: "损失变化 (loss change), first display",
                 claim: .identity(Identity(literal, equals: target, over: lossSpace)),
                 correction: Step.Correction(.identity(Identity(decrease(Q.aTg, Q.trCH), equals: target, over: lossSpace)),
                                             note: "the left side must use the SignSGD update, L(w) - E[L(w - η*φ̃_B)]; with g̃_B (the SGD update of part I) it is a different number"),
                 remark: "Quadratic model, random moments as in 11280.2 (a plays E[φ̃_B], C plays E[φ̃_Bφ̃_Bᵀ]), Σ = QQᵀ + I, B ∈ (1, 50). Printed: the update g̃_B with E = g, E[g̃g̃ᵀ] = ggᵀ + Σ/B at η* of eq:eta-opt."),
            Step("11280.26", "ΔL in the SGD form ΔL_max/(1 + B_noise/B)", at: "损失变化 (loss change), first and second displays",
                 claim: .identity(Identity(lhs26, equals: lossMax / (1 + noiseScale / batch), over: lossSpace26)),
                 remark: "E[φ̃_B] = β sign(g), E[φ̃_Bφ̃_Bᵀ] = β²ssᵀ + (1-β²)I substituted (the '≈' of the display is that substitution); N = 6, random SPD H."),
            Step("11280.27", "no Surge in the loss decrease", at: "损失变化 (loss change), prose",
                 claim: .all([
                    .inequality(Inequality(0, lessThan: random6.diagonal + random6.offDiagonal, strict: true, over: instanceSpace(6, []))),
                 ] + [(random6, []), (aligned6, [Parameter(alignment, .logUniform(0.01, 100))])].map { instance, scale in
                    .inequality(Inequality(0, lessThan: .derivative(lossMaxShort / (1 + noiseShort / batch), batch.asSymbol), strict: true,
                                           over: instanceSpace(6, scale + [Parameter(gAbs, .derived(instance.absSum)), Parameter(hd, .derived(instance.diagonal)),
                                                                   Parameter(sOff, .derived(instance.offDiagonal)), Parameter(bSimple, .uniform(0.1, 100)),
                                                                   Parameter(batch, .logUniform(0.01, 1000))])))
                 }),
                 remark: "H_d + S_off = sᵀHs > 0 for PD H, so B_noise > 0 and ΔL_max/(1 + B_noise/B) increases with B: checked on H = AAᵀ + ½I and on H = AAᵀ + ½I + c·ssᵀ (s = sign g, c from 10⁻² to 10²), where the off-diagonal sum outweighs the diagonal."),
            Step("11280.28", "(S/S_min - 1)(E/E_min - 1) = 1", at: "损失变化 (loss change), data–steps display",
                 claim: .identity(Identity((steps / stepsMin - 1) * (data / dataMin - 1), equals: 1,
                                           over: ParameterSpace([Parameter(bNoise, .uniform(0.1, 100)), Parameter(batch, .logUniform(0.01, 1000)),
                                                                 Parameter(stepsMin, .uniform(10, 100_000)),
                                                                 Parameter(steps, .derived((1 + bNoise / batch) * stepsMin)),
                                                                 Parameter(data, .derived(batch * steps)), Parameter(dataMin, .derived(bNoise * stepsMin))]))),
                 remark: "Part I: S = (1 + B_noise/B)S_min, E = BS, E_min = B_noise S_min."),
        ]
    }

    static var generalLaw: [Step] {
        typealias G = General
        let softsign = { (x: Expr) in x / sqrt(x ** 2 + epsilon ** 2) }
        let instanceOver = { (batches: [Expr]) in
            ParameterSpace([Parameter(g, .fixed(0.6)), Parameter(sigma, .fixed(1)), Parameter(epsilon, .fixed(0.3)), Parameter(batch, .values(batches))])
        }
        let instance = instanceOver([1, 10, 100, 1000])
        let firstDisplay = Display(.expectation(.symbol(Symbol.vector("phi", latex: "\\tilde{\\boldsymbol{\\varphi}}_B"))), .approximately,
                                   .symbol(Symbol.matrix("HhatInv", latex: "\\hat{\\boldsymbol{H}}^{-1}")) * .symbol(Symbol.vector("g")))
        let path = ParameterSpace([Parameter(g, .fixed(0.6)), Parameter(sigma, .fixed(1)), Parameter(epsilon, .fixed(0.3))])
        let first = gaussianNoise(softsign)
        let firstMeanField = g / gaussianNoise { sqrt($0 ** 2 + epsilon ** 2) }
        let second = gaussianNoise { x in x ** 2 / (x ** 2 + epsilon ** 2) }
        let secondMeanField = (g ** 2 + sigma ** 2 / batch) / gaussianNoise { sqrt($0 ** 2 + epsilon ** 2) } ** 2
        let phi = Expr.symbol(Symbol.vector("phi", latex: "\\tilde{\\boldsymbol{\\varphi}}_B"))
        let hHatInverse = Expr.symbol(Symbol.matrix("HhatInv", latex: "\\hat{\\boldsymbol{H}}^{-1}"))
        let inv = G.hHat ** -1
        let firstMoment = inv * G.gv
        let secondMoment = inv * (G.gv * transpose(G.gv) + G.sigmaMatrix / batch) * inv
        let substituted = G.scalar(transpose(firstMoment) * G.gv) ** 2 / (2 * trace(secondMoment * G.h))
        let scaled = G.space([Parameter(scale, .logUniform(0.1, 10))])
        let gg = G.hHat  // G of 11280.33: Ĥ = f·G with G SPD.
        let ginv = gg ** -1
        let curvature = G.scalar(transpose(G.gv) * ginv * G.h * ginv * G.gv)
        let lossMax = G.scalar(transpose(G.gv) * ginv * G.gv) ** 2 / (2 * curvature)
        let noiseScale = trace(G.sigmaMatrix * ginv * G.h * ginv) / curvature
        return [
            Step("11280.29", "general mean field: E[H̃⁻¹g̃] ≈ E[H̃]⁻¹E[g̃]", at: "一般规律 (general law), first display",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(firstDisplay, exact: first, heuristic: firstMeanField, over: instance,
                                              criterion: exactAsNoiseVanishes(over: path))),
                 ])),
                 remark: "Scalar instance H̃_B = √(g̃_B² + ε²) (SoftSignSGD), g = 0.6, σ = 1, ε = 0.3, Gaussian noise; both sides by quadrature. " + regimeRemark
                    + " At B = 1 (g√B/σ = 0.6, noise-dominated) the gap is 39 %; it closes like 1/B."),
            Step("11280.30", "general mean field for E[φ̃φ̃ᵀ]", at: "一般规律 (general law), second display",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(Display(.expectation(phi * transpose(phi)), .approximately,
                                                      hHatInverse * (.symbol(Symbol.vector("g")) * transpose(.symbol(Symbol.vector("g"))) + G.sigmaMatrix / batch) * hHatInverse),
                                              exact: second, heuristic: secondMeanField, over: instance,
                                              criterion: exactAsNoiseVanishes(over: path))),
                    // The last equality E[g̃²] = g² + σ²/B, by quadrature.
                    .identity(Identity(gaussianNoise { $0 ** 2 }, equals: g ** 2 + sigma ** 2 / batch,
                                       over: ParameterSpace([Parameter(g, .uniform(-2, 2)), Parameter(sigma, .uniform(0.3, 2)), Parameter(batch, .uniform(1, 100))]))),
                 ])),
                 remark: "Same instance as 11280.29: E[g̃²/(g̃²+ε²)] against (g² + σ²/B)/E[√(g̃²+ε²)]². " + regimeRemark
                    + " The gap is 78 % at B = 1 and 34 % at B = 10 (g√B/σ = 0.6, 1.9), closing like 1/B."),
            Step("11280.31", "ΔL with Ĥ", at: "一般规律 (general law), third display",
                 claim: .identity(Identity(substituted, equals: G.lossDecrease(G.hHat), over: G.space([]))),
                 remark: "E[φ̃] = Ĥ⁻¹g and E[φ̃φ̃ᵀ] = Ĥ⁻¹(ggᵀ + Σ/B)Ĥ⁻¹ put into (E[φ̃]ᵀg)²/(2tr(E[φ̃φ̃ᵀ]H)); g Gaussian 5×1, H, Ĥ, Σ = XXᵀ + I."),
            Step("11280.32", "ΔL is homogeneous of degree 0 in Ĥ", at: "一般规律 (general law), prose after the third display",
                 claim: .identity(Identity(G.lossDecrease(scale * G.hHat), equals: G.lossDecrease(G.hHat), over: scaled))),
            Step("11280.33", "Ĥ ≈ f(B)G gives ΔL_max/(1 + B_noise/B)", at: "一般规律 (general law), fourth display",
                 claim: .identity(Identity(G.lossDecrease(scale * gg), equals: lossMax / (1 + noiseScale / batch), over: scaled)),
                 remark: "ΔL_max = (gᵀG⁻¹g)²/(2gᵀG⁻¹HG⁻¹g), B_noise = tr(ΣG⁻¹HG⁻¹)/(gᵀG⁻¹HG⁻¹g) (implied, not printed); f ∈ (0.1, 10)."),
            Step("11280.34", "η* is not homogeneous of degree 0 in Ĥ", at: "一般规律 (general law), last sentence",
                 claim: .all([
                    .identity(Identity(G.eta(scale * G.hHat), equals: scale * G.eta(G.hHat), over: scaled)),
                    .inequality(Inequality(0, lessThan: abs(G.eta(scale * G.hHat) - G.eta(G.hHat)), strict: true,
                                           over: G.space([Parameter(scale, .logUniform(1.5, 10))]))),
                 ]),
                 remark: "η*(fĤ) = f·η*(Ĥ): degree 1, so a scalar f(B) in Ĥ survives in η*."),
        ]
    }

    /// E[f(g̃_B)] split at g̃_B = 0, where sign-like integrands change fast (softsign with small ε).
    static func splitGaussianNoise(_ f: (Expr) -> Expr) -> Expr {
        let sd = sigma / sqrt(batch)
        let kink = -g / sd
        return integral("z", -.infinity, kink) { z in .call(.normalPDF, [z]) * f(g + sd * z) }
            + integral("z", kink, .infinity) { z in .call(.normalPDF, [z]) * f(g + sd * z) }
    }
}
