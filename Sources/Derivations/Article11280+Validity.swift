import Foundation
import Symbolic

/// 11280.35–11280.53: the Taylor view of the mean-field error, and SoftSignSGD.
extension Article11280 {
    static var validity: [Step] {
        let a = mu ** 2 + sigma ** 2
        let deltaX = x ** 2 - mu ** 2 - sigma ** 2
        let series = x / sqrt(a) - (Expr(1) / 2) * x * deltaX / a ** 1.5 + (Expr(3) / 8) * x * deltaX ** 2 / a ** 2.5
        let d: Expr = .symbol(Symbol("delta", latex: "\\delta"))
        let aa: Expr = .symbol(Symbol("a"))
        let h: Expr = .symbol(Symbol("h"))
        let momentsSpace = ParameterSpace([Parameter(mu, .uniform(-2, 2)), Parameter(sigma, .uniform(0.1, 2))])
        // A random three-point law: values x_k, weights p_k (normalized); μ and σ² are its moments.
        let xs = Family(Symbol("xk", latex: "x")), ps = Family(Symbol("pk", latex: "p"))
        let weight = { (k: Expr) in ps[k] / sum("l", 1, 3) { l in ps[l] } }
        let expect = { (f: (Expr) -> Expr) in sum("k", 1, 3) { k in weight(k) * f(xs[k]) } }
        let discreteMu = expect { $0 }
        let discreteSigma2 = expect { $0 ** 2 } - discreteMu ** 2
        let discrete = ParameterSpace([Parameter(xs[x], .family(dimension: nil, lower: -2, upper: 2)), Parameter(ps[x], .family(dimension: nil, lower: 0.1, upper: 1)),
                                       Parameter(mu, .derived(discreteMu)), Parameter(sigma, .derived(sqrt(discreteSigma2)))])
        let secondTermLeft = (Expr(1) / 2) * expect { y in y * (y ** 2 - mu ** 2 - sigma ** 2) } / a ** 1.5
        let secondTermRight = (Expr(1) / 2) * (expect { $0 ** 3 } - (mu ** 3 + mu * sigma ** 2)) / a ** 1.5
        let printedSecondTerm = expect { y in -(Expr(1) / 2) * y * (y ** 2 - mu ** 2 - sigma ** 2) / a ** 1.5 }
        let errorTerm = mu * sigma ** 2 / a ** 1.5
        let ratioForm = (sigma ** 2 / mu ** 2) / (1 + sigma ** 2 / mu ** 2) ** 1.5
        let f = rho / (1 + rho) ** 1.5
        let gaussianX = { (body: (Expr) -> Expr) in M.gaussianMean(mu, sigma, body) }
        let bothSigns = ParameterSpace([Parameter(mu, .uniform(-3, 3)), Parameter(sigma, .uniform(0.1, 3))])
        return [
            Step("11280.35", "sign(x) around E[x²]", at: "有效分析 (validity analysis), first display",
                 claim: .all([
                    .identity(Identity(sign(x), equals: x / sqrt(x ** 2), over: ParameterSpace([Parameter(x, .uniform(-3, 3))]))),
                    .identity(Identity(x / sqrt(x ** 2), equals: x / sqrt(mu ** 2 + sigma ** 2 + deltaX),
                                       over: ParameterSpace([Parameter(x, .uniform(-3, 3)), Parameter(mu, .uniform(-2, 2)), Parameter(sigma, .uniform(0.1, 2))]))),
                 ])),
            Step("11280.36", "Taylor expansion in x² - μ² - σ²", at: "有效分析 (validity analysis), second display",
                 claim: .all([
                    // The coefficients: derivatives of (a + δ)^{-1/2} at δ = 0.
                    .identity(Identity(.derivative((aa + d) ** -0.5, d.asSymbol), equals: -(Expr(1) / 2) * aa ** -1.5,
                                       over: ParameterSpace([Parameter(aa, .uniform(0.5, 3)), Parameter(d, .fixed(0))]))),
                    .identity(Identity(M.secondDerivative((aa + d) ** -0.5, d) / 2, equals: (Expr(3) / 8) * aa ** -2.5,
                                       over: ParameterSpace([Parameter(aa, .uniform(0.5, 3)), Parameter(d, .fixed(0))]))),
                    // The three printed terms against sign(x) as δ/a = h → 0: remainder O(h³).
                    .approximation(Approximation(sign(x), approximatedBy: series, along: .decades(h, from: 2, to: 5), order: .power(3), measure: .absolute,
                                                 over: ParameterSpace([Parameter(mu, .values([0.3, 1.2])), Parameter(sigma, .values([0.5, 1])),
                                                                       Parameter(.symbol(Symbol("s")), .values([-1, 1])),
                                                                       Parameter(x, .derived(.symbol(Symbol("s")) * sqrt((mu ** 2 + sigma ** 2) * (1 + h))))]))),
                 ]),
                 remark: "Printed with a full-width '（' in the denominators (read as '('). x = ±√(a(1+h)), a = μ² + σ², so δ = x² - a = ah; the next term is -(5/16)xδ³/a^{7/2}."),
            Step("11280.37", "first term gives the mean field", at: "有效分析 (validity analysis), prose after the expansion",
                 claim: .identity(Identity(gaussianX { $0 / sqrt(mu ** 2 + sigma ** 2) }, equals: mu / sqrt(mu ** 2 + sigma ** 2), over: momentsSpace)),
                 remark: "Linearity, checked by Gaussian quadrature."),
            Step("11280.38", "second term through E[x³]", at: "有效分析 (validity analysis), third display",
                 claim: .all([
                    .identity(Identity(secondTermLeft, equals: secondTermRight, over: discrete)),
                    // The expansion's second term itself carries a minus sign: its expectation is -(left side).
                    .identity(Identity(printedSecondTerm, equals: -secondTermLeft, over: discrete)),
                 ]),
                 remark: "Random three-point laws (values U(-2, 2), weights ∝ U(0.1, 1)). The display is the magnitude of the expansion's second term: with the sign of 11280.36 the correction to the mean field is minus it."),
            Step("11280.39", "Gaussian third moment", at: "有效分析 (validity analysis), prose",
                 claim: .identity(Identity(gaussianX { $0 ** 3 }, equals: mu ** 3 + 3 * mu * sigma ** 2,
                                           over: ParameterSpace([Parameter(mu, .uniform(-2, 2)), Parameter(sigma, .uniform(0.2, 2))])))),
            Step("11280.40", "error term in σ²/μ²", at: "有效分析 (validity analysis), fourth display",
                 claim: .all([
                    .identity(Identity((Expr(1) / 2) * (mu ** 3 + 3 * mu * sigma ** 2 - (mu ** 3 + mu * sigma ** 2)) / a ** 1.5, equals: errorTerm, over: bothSigns)),
                    .identity(Identity(errorTerm, equals: ratioForm, over: bothSigns)),
                 ]),
                 correction: Step.Correction(.all([
                    .identity(Identity((Expr(1) / 2) * (mu ** 3 + 3 * mu * sigma ** 2 - (mu ** 3 + mu * sigma ** 2)) / a ** 1.5, equals: errorTerm, over: bothSigns)),
                    .identity(Identity(errorTerm, equals: sign(mu) * ratioForm, over: bothSigns)),
                 ]), note: "μσ²/(μ²+σ²)^{3/2} = sign(μ)·(σ²/μ²)/(1+σ²/μ²)^{3/2}: the right side holds only for μ > 0 (for μ < 0 the two sides have opposite signs; magnitudes agree)"),
                 remark: "μ ∈ (-3, 3) of both signs, σ ∈ (0.1, 3)."),
            Step("11280.41", "the error factor is bounded, maximal at σ²/μ² = 2", at: "有效分析 (validity analysis), prose after the fourth display",
                 claim: .all([
                    M.vanishes(.derivative(f, rho.asSymbol), scale: f, over: ParameterSpace([Parameter(rho, .fixed(2))])),
                    .inequality(Inequality(M.secondDerivative(f, rho), lessThan: 0, strict: true,
                                           over: ParameterSpace([Parameter(rho, .fixed(2))]))),
                    .inequality(Inequality(f, lessThan: f.substituting(rho.asSymbol, with: 2), over: ParameterSpace([Parameter(rho, .logUniform(1e-6, 1e6))]))),
                 ]),
                 remark: "ρ = σ²/μ², f(ρ) = ρ/(1+ρ)^{3/2}: f'(2) = 0 (against the scale f(2)), f''(2) < 0, f(ρ) ≤ f(2) at log-uniform ρ; the end behaviour is 11280.43.",
                 tables: [Tabulation("critical point of ρ/(1+ρ)^{3/2} by root finding", columns: ["ρ*", "f(ρ*)"]) { _ in
                     let root = try M.criticalPoint(of: f, in: rho.asSymbol, 0.5, 10)
                     return [[root.decimalString(digits: 20), try M.value(f, rho.asSymbol, root).decimalString(digits: 20)]]
                 }]),
            Step("11280.42", "the maximum 2/3^{3/2} = 0.3849…", at: "有效分析 (validity analysis), prose after the fourth display",
                 claim: .all([
                    .identity(Identity(f, equals: 2 / Expr(3) ** 1.5, over: ParameterSpace([Parameter(rho, .fixed(2))]))),
                    .numeric(NumericClaim(2 / Expr(3) ** 1.5, quote: "0.3849", style: .leadingDigits)),
                 ])),
            Step("11280.43", "the error term vanishes as σ → 0 and σ → ∞", at: "有效分析 (validity analysis), last sentence",
                 claim: .all([
                    // Absolute errors: a relative error against the limit 0 is undefined.
                    .approximation(Approximation(errorTerm, approximatedBy: 0, along: .decades(sigma, from: 1, to: 3), order: .power(2), measure: .absolute,
                                                 over: ParameterSpace([Parameter(mu, .values([0.5, 2]))]))),
                    .approximation(Approximation(errorTerm, approximatedBy: 0, along: .increasing(sigma, [100, 10_000, 1_000_000]), order: .power(1),
                                                 measure: .absolute, over: ParameterSpace([Parameter(mu, .values([0.5, 2]))]))),
                 ]),
                 remark: "At fixed μ: μσ²/(μ²+σ²)^{3/2} ~ σ²/μ² as σ → 0 and ~ μ/σ as σ → ∞ (f(ρ) ~ ρ and ~ ρ^{-1/2})."),
        ]
    }

    static var softSign: [Step] {
        let softsign = { (y: Expr) in y / sqrt(y ** 2 + epsilon ** 2) }
        let phi = Expr.symbol(Symbol.vector("phi", latex: "\\tilde{\\boldsymbol{\\varphi}}_B"))
        let gB = Expr.symbol(Symbol.vector("gB", latex: "\\tilde{\\boldsymbol{g}}_B"))
        let gBi = Expr.symbol(Symbol("gBi", latex: "(\\tilde{g}_B)_i"))
        let instance = ParameterSpace([Parameter(g, .fixed(0.5)), Parameter(sigma, .fixed(1)), Parameter(epsilon, .fixed(0.4)),
                                       Parameter(batch, .values([1, 10, 100, 1000]))])
        let path = ParameterSpace([Parameter(g, .fixed(0.5)), Parameter(sigma, .fixed(1)), Parameter(epsilon, .fixed(0.4))])
        let gridOver = { (means: [Expr]) in
            ParameterSpace([Parameter(sigma, .fixed(1)), Parameter(batch, .fixed(1)), Parameter(g, .values(means)),
                            Parameter(epsilon, .values([0.01, 0.1, 1, 3]))])
        }
        let grid = gridOver([0.1, 0.5, 1, 2])
        let firstDisplay = Display(.expectation(softsign(gBi)), .approximately, .expectation(gBi) / sqrt(.expectation(gBi ** 2) + epsilon ** 2))
        let secondDisplay = Display(.expectation(softsign(gBi) ** 2), .approximately, .expectation(gBi ** 2) / (.expectation(gBi ** 2) + epsilon ** 2))
        let first = gaussianNoise(softsign)
        let firstSplit = splitGaussianNoise(softsign)
        let firstMeanField = gaussianNoise { $0 } / sqrt(gaussianNoise { $0 ** 2 } + epsilon ** 2)
        let second = gaussianNoise { y in y ** 2 / (y ** 2 + epsilon ** 2) }
        let secondMeanField = gaussianNoise { $0 ** 2 } / (gaussianNoise { $0 ** 2 } + epsilon ** 2)
        let components = ParameterSpace([Parameter(g, .uniform(-2, 2)), Parameter(sigma2, .uniform(0.1, 3)), Parameter(batch, .uniform(1, 50)),
                                         Parameter(epsilon, .uniform(0.01, 1))])
        let n8: Expr = 8
        let nu = { (k: Expr) in softsign(gc[k]) }
        let bSimpleOf = sum("i", 1, n8) { i in s2c[i] } / (sum("i", 1, n8) { i in gc[i] ** 2 } + n8 * epsilon ** 2)
        let averagingSpace = { (extra: [Parameter]) in
            ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(s2c[i], .family(dimension: nil, lower: 0.2, upper: 3)),
                            Parameter(epsilon, .fixed(0.3)), Parameter(bSimple, .derived(bSimpleOf))] + extra)
        }
        // The instance axis first: random families drawn after it are drawn anew for each instance.
        let averagingRegime = { (extra: [Parameter]) in
            ParameterSpace([Parameter(instanceIndex, .values([1, 2, 3]))]
                           + averagingSpace(extra + [Parameter(rho, .values([0.01, 1, 100])), Parameter(batch, .derived(bSimple / rho))]).parameters)
        }
        let ratioGrid = [Parameter(rho, .values([0.1, 1, 10, 100, 1000])), Parameter(batch, .derived(bSimple / rho)), Parameter(spread, .fixed(1))]
        let perIndex = sum("i", 1, n8) { i in gc[i] * nu(i) / sqrt(1 + towardAverage(s2c[i] / (gc[i] ** 2 + epsilon ** 2)) / batch) }
        let averaged = sum("i", 1, n8) { i in gc[i] * nu(i) / sqrt(1 + bSimple / batch) }
        let diagonalPerIndex = 1 - (1 - nu(i) ** 2) / (1 + towardAverage(s2c[i] / (gc[i] ** 2 + epsilon ** 2)) / batch)
        let diagonalAveraged = 1 - (1 - nu(i) ** 2) / (1 + bSimple / batch)
        let cc: Expr = .symbol(Symbol("c"))
        let random6 = Instance.randomSPD(6)
        let moments6 = { (k: Expr) in beta * softsign(gc[k]) }
        let eta53 = sum("i", 1, 6) { i in moments6(i) * gc[i] }
            / M.doubleSum(6) { i, j in (beta ** 2 * nu(i) * nu(j) + M.kronecker(i, j) * (1 - beta ** 2)) * random6.hessian(j, i) }
        let printed53 = beta * sum("i", 1, 6) { i in nu(i) * gc[i] }
            / (random6.diagonal + beta ** 2 * (M.doubleSum(6) { i, j in nu(i) * nu(j) * random6.hessian(i, j) } - random6.diagonal))
        return [
            Step("11280.44", "definition: SoftSignSGD", at: "广义近似 (generalised approximation), first display",
                 claim: .all([
                    .definition(Definition(.symbol(Symbol("softsign", latex: "\\softsign(x)")), softsign(x), relation: .equals)),
                    .definition(Definition(phi, .symbol(Symbol("softsignGB", latex: "\\softsign(\\tilde{\\boldsymbol{g}}_B)")))),
                 ]),
                 remark: "ε > 0; softsign acts element-wise on g̃_B (\(gB.latex))."),
            Step("11280.45", "mean-field E[softsign]", at: "广义近似 (generalised approximation), second display, first line",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(firstDisplay, exact: first, heuristic: firstMeanField, over: instance,
                                              criterion: exactAsNoiseVanishes(over: path))),
                    // The grid at noise scale 1, and the regime from its corners.
                    .meanField(MeanFieldClaim(Display(.expectation(softsign(gBi)), .approximately, .expectation(gBi) / sqrt(.expectation(gBi ** 2) + epsilon ** 2),
                                                      regime: "\\sigma^2/B = 1"),
                                              exact: firstSplit, heuristic: firstMeanField, over: grid,
                                              criterion: exactAsNoiseVanishes(batch, [10, 100, 1000], over: ParameterSpace([Parameter(sigma, .fixed(1)), Parameter(g, .fixed(0.1)),
                                                                                                    Parameter(epsilon, .values([0.1, 3]))])))),
                 ])),
                 remark: "Gaussian noise, both sides by quadrature (the grid's exact side split at g̃ = 0, where softsign with small ε turns fast): g = 0.5, σ = 1, ε = 0.4 along B, and a grid g ∈ {0.1, 0.5, 1, 2}, ε ∈ {0.01, 0.1, 1, 3} at noise scale 1 (largest gap 25.9 % at g√B/σ = 0.1, ε = 0.1), and at g = 0.1, ε ∈ {0.1, 3} along B = 10…1000 (where g√B/σ ≥ 8 the split quadrature's far tail does not converge). The stray scrape tokens of the display are ignored. " + regimeRemark),
            Step("11280.46", "softsign(g_i) form", at: "广义近似 (generalised approximation), second display, second line",
                 claim: .identity(Identity(g / sqrt(g ** 2 + sigma2 / batch + epsilon ** 2),
                                           equals: softsign(g) / sqrt(1 + sigma2 / (g ** 2 + epsilon ** 2) / batch), over: components))),
            Step("11280.47", "index averaging with B_simple = tr(Σ)/(gᵀg + Nε²)", at: "广义近似 (generalised approximation), second display, last ≈",
                 claim: .all([
                    .meanField(MeanFieldClaim(Display(.expectation(phi) * .symbol(Symbol.vector("g")), .approximately, averaged,
                                                      regime: "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B]^{\\top}\\boldsymbol{g}"),
                                              exact: perIndex, heuristic: averaged, over: averagingSpace(ratioGrid),
                                              criterion: .exactInRegime(.decades(spread, from: 3, to: 7), order: .power(1), over: averagingRegime([])))),
                    .identity(Identity(bSimpleOf, equals: (sum("i", 1, n8) { i in s2c[i] } / n8) / (sum("i", 1, n8) { i in gc[i] ** 2 + epsilon ** 2 } / n8),
                                       over: averagingSpace([]))),
                    .identity(Identity(sum("i", 1, n8) { i in gc[i] * nu(i) / sqrt(1 + cc * (gc[i] ** 2 + epsilon ** 2) / (gc[i] ** 2 + epsilon ** 2) / batch) },
                                       equals: sum("i", 1, n8) { i in gc[i] * nu(i) / sqrt(1 + cc / batch) },
                                       over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(epsilon, .fixed(0.3)),
                                                             Parameter(cc, .uniform(0.1, 5)), Parameter(batch, .uniform(0.1, 100))]))),
                 ]),
                 remark: "Through E[φ̃_B]ᵀg, N = 8, ε = 0.3, g_i ~ U(-2, 2), σ_i² ~ U(0.2, 3), B_simple/B ∈ {0.1, …, 1000}; B_simple = E_i[σ_i²]/E_i[g_i² + ε²]; exact when σ_i² = c(g_i² + ε²). The grid's gaps are largest at small batches (B_simple/B ≥ 10), where E[φ̃_B]ᵀg ∝ √B with the per-index constant Σ g_iν_i√((g_i²+ε²)/σ_i²). " + averagingRemark),
            Step("11280.48", "off-diagonal: ν_iν_jβ²", at: "广义近似 (generalised approximation), prose",
                 claim: .identity(Identity(moments6(i) * moments6(j), equals: nu(i) * nu(j) * beta ** 2,
                                           over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(epsilon, .uniform(0.01, 1)),
                                                                 Parameter(beta, .uniform(0.05, 0.99)), Parameter(i, .integers(1...6)), Parameter(j, .integers(1...6))],
                                                                where: [Condition(i, .notEqual, j)]))),
                 remark: "The product of the two first moments νβ of 11280.47; the factorization under independence is 11280.11's."),
            Step("11280.49", "mean-field E[softsign²]", at: "广义近似 (generalised approximation), third display, first line",
                 claim: .withDigits(20, .all([
                    .meanField(MeanFieldClaim(secondDisplay, exact: second, heuristic: secondMeanField, over: instance,
                                              criterion: exactAsNoiseVanishes(over: path))),
                 ])),
                 remark: "g = 0.5, σ = 1, ε = 0.4, Gaussian noise, quadrature; the gap is 35 % at B = 1 and 27 % at B = 10 (g√B/σ = 0.5, 1.6), closing like 1/B. " + regimeRemark),
            Step("11280.50", "diagonal in softsign form", at: "广义近似 (generalised approximation), third display, second line",
                 claim: .all([
                    .identity(Identity(gaussianNoise { $0 ** 2 } / (gaussianNoise { $0 ** 2 } + epsilon ** 2),
                                       equals: (g ** 2 + sigma ** 2 / batch) / (g ** 2 + sigma ** 2 / batch + epsilon ** 2),
                                       over: ParameterSpace([Parameter(g, .uniform(-2, 2)), Parameter(sigma, .uniform(0.3, 1.7)), Parameter(batch, .uniform(1, 50)),
                                                             Parameter(epsilon, .uniform(0.01, 1))]))),
                    .identity(Identity((g ** 2 + sigma2 / batch) / (g ** 2 + sigma2 / batch + epsilon ** 2),
                                       equals: 1 - (1 - softsign(g) ** 2) / (1 + sigma2 / (g ** 2 + epsilon ** 2) / batch), over: components)),
                 ]),
                 remark: "softsign(g) is read as softsign(g_i) (the same line's component)."),
            Step("11280.51", "index averaging on the diagonal", at: "广义近似 (generalised approximation), third display, last ≈",
                 claim: .all([
                    .meanField(MeanFieldClaim(Display(diagonalPerIndex, .approximately, diagonalAveraged),
                                              exact: diagonalPerIndex, heuristic: diagonalAveraged,
                                              over: averagingSpace([Parameter(i, .values([1, 2, 3, 4, 5, 6, 7, 8]))] + ratioGrid),
                                              criterion: .exactInRegime(.decades(spread, from: 3, to: 7), order: .power(1),
                                                                        over: averagingRegime([Parameter(i, .values([1, 4, 8]))])))),
                    .identity(Identity(1 - (1 - nu(i) ** 2) / (1 + cc * (gc[i] ** 2 + epsilon ** 2) / (gc[i] ** 2 + epsilon ** 2) / batch),
                                       equals: diagonalAveraged,
                                       over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(epsilon, .fixed(0.3)),
                                                             Parameter(cc, .uniform(0.1, 5)), Parameter(i, .integers(1...8)), Parameter(batch, .uniform(0.1, 100)),
                                                             Parameter(bSimple, .derived(cc))]))),
                 ]),
                 remark: "Per component i = 1…8 of the instance of 11280.47, B_simple/B ∈ {0.1, …, 1000}; on the grid the largest gaps are at components with g_i² + ε² ≪ σ_i²/B_simple and small batches. " + averagingRemark),
            Step("11280.52", "E[φ̃φ̃ᵀ]_{i,j} ≈ ν_iν_jβ² + δ_{i,j}(1 - β²)", at: "广义近似 (generalised approximation), prose after the third display",
                 claim: .all([
                    .identity(Identity(beta ** 2 * nu(i) ** 2 + 1 - beta ** 2, equals: 1 - (1 - nu(i) ** 2) / (1 + bSimple / batch),
                                       over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(epsilon, .uniform(0.01, 1)),
                                                             Parameter(i, .integers(1...6)), Parameter(bSimple, .uniform(0.1, 100)), Parameter(batch, .uniform(0.1, 100)),
                                                             Parameter(beta, .derived(betaOfB))]))),
                    .identity(Identity(beta ** 2 * nu(i) * nu(j) + M.kronecker(i, j) * (1 - beta ** 2), equals: nu(i) * nu(j) * beta ** 2,
                                       over: ParameterSpace([Parameter(gc[i], .family(dimension: nil, lower: -2, upper: 2)), Parameter(epsilon, .uniform(0.01, 1)),
                                                             Parameter(beta, .uniform(0.05, 0.99)), Parameter(i, .integers(1...6)), Parameter(j, .integers(1...6))],
                                                            where: [Condition(i, .notEqual, j)]))),
                 ]),
                 remark: "Diagonal against 11280.51 (β² = 1/(1 + B_simple/B)), off-diagonal against 11280.48."),
            Step("11280.53", "η* for SoftSignSGD", at: "广义近似 (generalised approximation), last display",
                 claim: .identity(Identity(eta53, equals: printed53,
                                           over: instanceSpace(6, [Parameter(epsilon, .uniform(0.05, 1)), Parameter(bSimple, .uniform(0.5, 50)),
                                                                   Parameter(batch, .uniform(0.5, 100)), Parameter(beta, .derived(betaOfB))]))),
                 remark: "E[φ̃_B] = βν and E[φ̃_Bφ̃_Bᵀ] = β²ννᵀ + (1-β²)I put into eq:eta-opt; N = 6, random SPD H."),
        ]
    }
}
