import Symbolic

/// 11390.36–11390.48: 逆变采样 (inverse-transform sampling).
extension Article11390 {
    static func quantile(_ u: Expr) -> Expr { .call(.normalQuantile, [u]) }
    static let plusOneForm = sqrt(2 * log((n + 1) / sqrt2pi))
    static let tilde = Expr.named(Symbol("ztilde", latex: "\\tilde{z}_n"), GaussianMaximum.tailRoot(n))
    static let zPath = RegimePath(z, [1, 2, 4, 8, 16, 32, 64, 128, 256], .toInfinity)

    static var inverseSampling: [Step] {
        let quantileOfMeanCDF = Expr.named(Symbol("quantileOfMean", latex: "\\Phi^{-1}\\!\\left(\\mathbb{E}[\\Phi(z_{\\max})]\\right)"),
                                           GaussianMaximum.upperQuantileFunction(GaussianMaximum.meanSurvival(n)))
        return [
            Step("11390.36", "inverse-transform sampling", at: "逆变采样 (inverse sampling), first display",
                 claim: .withDigits(20, .all([
                    .identity(Identity(integral("u", 0, 1) { u in 1 + quantile(u) }, equals: 1, over: .empty)),
                    .identity(Identity(integral("u", 0, 1) { u in quantile(u) ** 2 }, equals: 1, over: .empty)),
                 ])),
                 remark: "Moments of Φ⁻¹(ε), ε ~ U(0,1), by quadrature over u (20 digits; every node is a Newton quantile): E[z] = 0 (as ∫(1 + Φ⁻¹) = 1), E[z²] = 1. P(Φ⁻¹(ε) ≤ z) = P(ε ≤ Φ(z)) = Φ(z) by monotonicity."),
            Step("11390.37", "Φ(z_i) are uniform", at: "逆变采样 (inverse sampling), sentence after the display",
                 claim: .identity(Identity(Phi(quantile(u)), equals: u, over: ParameterSpace([Parameter(u, .uniform(1e-6, 0.999999))]))),
                 remark: "P(Φ(z) ≤ u) = P(z ≤ Φ⁻¹(u)) = Φ(Φ⁻¹(u)) = u."),
            Step("11390.38", "exchange E and Φ⁻¹", at: "逆变采样 (inverse sampling), second display",
                 claim: .withDigits(15, .approximation(Approximation(expectedMax, approximatedBy: quantileOfMeanCDF, along: logPath, order: .power(1),
                                                     over: alongLogN))),
                 remark: "E[Φ(z_max)] by quadrature (as 1 - E[1 - Φ(z_max)]); Φ⁻¹ convex on (½, 1), so by Jensen Φ⁻¹(E[Φ]) lies below E[z_max]; the relative gap ≈ γ/(2 log n)."),
            Step("11390.39", "mean of the max of n uniforms is n/(n+1)", at: "逆变采样 (inverse sampling), inline (大致)",
                 claim: .all([
                    .all(([7] as [Expr]).map { size in
                        Claim.identity(Identity(integral("u", 0, 1) { u in u * n * u ** (n - 1) }, equals: n / (n + 1), over: fixed(n, size)))
                    }),
                    .withDigits(15, .all(([1, 5, 50, 4096, 1_000_000] as [Expr]).map { size in
                        Claim.identity(Identity(1 - GaussianMaximum.meanSurvival(n), equals: n / (n + 1), over: fixed(n, size)))
                    })),
                 ]),
                 remark: "Exact, not merely 'roughly': ∫₀¹ u·n u^{n-1} du = n/(n+1) (tree quadrature at n = 7, 50 digits), and E[Φ(z_max)] by quadrature against p_max at n = 1, 5, 50, 4096, 10⁶ (15 digits)."),
            Step("11390.40", "quantile estimate Φ⁻¹(n/(n+1))", at: "逆变采样 (inverse sampling), inline",
                 claim: .withDigits(15, .approximation(Approximation(expectedMax, approximatedBy: quantileEstimate, along: logPath, order: .power(1),
                                                     over: alongLogN))),
                 remark: "Φ⁻¹(n/(n+1)) is computed as -Φ⁻¹(1/(n+1)) (no 1 - tiny). Relative gap ≈ γ/(2 log n), as for z_*."),
            Step("11390.41", "Φ via erf", at: "逆变采样 (inverse sampling), inline",
                 claim: .identity(Identity(Phi(z), equals: 1 / 2 + erf(z / sqrt(2)) / 2, over: ParameterSpace([Parameter(z, .uniform(-3, 8))]))),
                 remark: "z ≥ -3: below, ½ + ½erf cancels (10⁻¹⁵ at z = -8 costs 15 of the 50 digits); that is the form's rounding, not an error of the identity."),
            Step("11390.42", "erf form = erfc form", at: "逆变采样 (inverse sampling), same inline formula",
                 claim: .identity(Identity(1 / 2 + erf(z / sqrt(2)) / 2, equals: 1 - erfc(z / sqrt(2)) / 2,
                                           over: ParameterSpace([Parameter(z, .uniform(-3, 8))])))),
            Step("11390.43", "erfc tail asymptotic", at: "逆变采样 (inverse sampling), inline",
                 claim: .limit(Limit(asymptotic: erfc(z), to: exp(-(z ** 2)) / (z * sqrt(Expr.pi)), along: zPath, order: .power(2), over: .empty)),
                 remark: "Relative error ≈ -1/(2z²)."),
            Step("11390.44", "Φ tail asymptotic", at: "逆变采样 (inverse sampling), display",
                 claim: .all([
                    .limit(Limit(asymptotic: Phi(z), to: 1 - exp(-(z ** 2) / 2) / (z * sqrt2pi),
                                 along: RegimePath(z, [2, 3, 4, 6, 8, 12, 16, 24, 32], .toInfinity), over: .empty)),
                    .limit(Limit(asymptotic: erfc(z / sqrt(2)) / 2, to: exp(-(z ** 2) / 2) / (z * sqrt2pi), along: zPath, order: .power(2), over: .empty)),
                 ]),
                 remark: "(a) as printed (both sides → 1, so the ratio is trivially 1 in the limit); (b) the informative tail form 1 - Φ(z) ~ e^{-z²/2}/(z√(2π)), with 1 - Φ as ½erfc(z/√2)."),
            Step("11390.45", "equation for the quantile", at: "逆变采样 (inverse sampling), display",
                 claim: .approximation(Approximation(quantileEstimate, approximatedBy: tilde, along: logPath, order: .power(2), over: alongLogN)),
                 remark: "z̃_n solves e^{-z²/2}/(z√(2π)) = 1/(n+1) in log form; the relative gap ≈ 1/z⁴ ≈ 1/(4 log² n)."),
            Step("11390.46", "E[z_max] ~ √(2 log((n+1)/√(2π)))", at: "逆变采样 (inverse sampling), last display, first ∼",
                 claim: .all([
                    .withDigits(15, .limit(Limit(asymptotic: expectedMax, to: plusOneForm, along: logPath, order: .power(1), over: alongLogN))),
                    .limit(Limit(asymptotic: tilde, to: plusOneForm, along: logPath, order: .power(1), over: alongLogN)),
                 ]),
                 remark: "(a) the exact mean; (b) the root z̃_n of 11390.45 ('the same solving process')."),
            Step("11390.47", "n + 1 vs n", at: "逆变采样 (inverse sampling), last display, second ∼",
                 claim: .limit(Limit(asymptotic: plusOneForm, to: refined, along: .increasing(n, [10, 100, 1000, 10_000, 100_000]),
                                     order: .power(1), over: .empty))),
            Step("11390.48", "drop the constant (again)", at: "逆变采样 (inverse sampling), last display, third ∼",
                 claim: .limit(Limit(asymptotic: refined, to: sqrt2LogN, along: logPath, order: .power(1), over: alongLogN))),
        ]
    }
}
