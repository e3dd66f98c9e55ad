import Symbolic

/// 11335.20–11335.25: the same trick for the smallest singular value (n ≥ m).
extension Article11335 {
    static var smallestSingularValue: [Step] {
        let sigmaMinExact = exact(.smallestByEigen, sigmaMin)
        return [
            Step("11335.20", "σ_min: the m-th singular value (n ≥ m)", at: "最小奇异值 (smallest singular value), first paragraph",
                 claim: .definition(Definition(shown("sigmaMin", sigmaMin, 0), shown("sigmaM", "\\sigma_m(\\boldsymbol{W}),\\ n\\geq m", 0), relation: .equals))),
            Step("11335.21", "min–max form of σ_min", at: "最小奇异值 (smallest singular value), first display",
                 claim: .all([
                    // The inner max is ‖Wv‖ (11335.6); min_v ‖Wv‖ is attained at the last right singular vector.
                    .identity(Identity(sigmaMinExact, equals: exact(.normAtBottomPair, minMax), over: seededShapes(tall: true))),
                    .inequality(Inequality(sigmaMinExact, lessThan: exact(.normWv, normWv), over: seededShapes(tall: true))),
                 ]),
                 remark: "√λ_min(WᵀW) (eigen route) against ‖Wv_m‖ at the last right singular vector of the SVD, then ‖Wv‖ ≥ σ_min at seeded unit v; seeded shapes with n ≥ m (1…7)."),
            Step("11335.22", "min and max cannot be exchanged", at: "最小奇异值 (smallest singular value), sentence after the display",
                 claim: .all([
                    .inequality(Inequality(exact(.positionsExchanged, "\\max_{\\Vert \\boldsymbol{v}\\Vert=1}\\min_{\\Vert \\boldsymbol{u}\\Vert=1} \(uWv)"),
                                           lessThan: sigmaMinExact, strict: true, over: seededShapes(strictlyTall: true))),
                    .inequality(Inequality(exact(.objectsExchanged, "\\min_{\\Vert \\boldsymbol{u}\\Vert=1}\\max_{\\Vert \\boldsymbol{v}\\Vert=1} \(uWv)"),
                                           lessThan: sigmaMinExact, strict: true, over: seededShapes(strictlyTall: true))),
                    .inequality(Inequality(exact(.bothExchanged, "\\max_{\\Vert \\boldsymbol{u}\\Vert=1}\\min_{\\Vert \\boldsymbol{v}\\Vert=1} \(uWv)"),
                                           lessThan: sigmaMinExact, strict: true, over: seededShapes(strictlyTall: true))),
                 ]),
                 remark: "Each alternative at its optimiser: positions exchanged, max_v(-‖Wv‖) = -σ_min; objects exchanged, min_u ‖Wᵀu‖ over ℝⁿ = 0 for n > m (null space of Wᵀ); both, -min_u ‖Wᵀu‖ = 0. All fall strictly below σ_min for n > m (checked). For n = m exchanging the objects alone is harmless (min_u ‖Wᵀu‖ = σ_min, table), so the claim holds as a rule for n ≥ m, not for every square shape.",
                 tables: [Article11335.exchangeTable]),
            Step("11335.23", "σ_min ≈ min_v + max_u (random u, v)", at: "最小奇异值 (smallest singular value), second display, the ≈",
                 claim: .withDigits(20, .approximation(Approximation(
                    simulated(.halfDifferenceRatio, .rootMeanSquareFromOne,
                              "\\sqrt{\\mathbb{E}\\left[\\left(\\frac{\(minV) + \(maxU)}{\(sigmaMin)} - 1\\right)^2\\right]}"),
                    approximatedBy: 0, along: proportionalPath, measure: .absolute, over: proportional([2, 4, 8], replicates: 120)))),
                 remark: "Random ratio (‖Wv‖ - ‖uᵀW‖)/σ_min for n = ak, m = k, a ∈ {2, 4, 8}, k = 16, 64, 256 (120 seeded replicates), read as convergence to 1 in mean square: √E[(ratio − 1)²] → 0. The spread (≈ k^{-1/2}: ‖Wv‖ and ‖uᵀW‖ each fluctuate by O(1)) dominates the bias (≈ k^{-2/3}, mean below 1 as Gordon's c(n) − c(m) ≤ E σ_min implies), so the mean alone is noise-bound at these sizes (table).",
                 tables: [Article11335.sigmaMinTable]),
            Step("11335.24", "closed form of the halves: -‖uᵀW‖ + ‖Wv‖", at: "最小奇异值 (smallest singular value), second display, the =",
                 claim: .all([
                    .identity(Identity(exact(.halfMinMax, "\(minV) + \(maxU)"), equals: exact(.halfMinMaxClosed, "-\(normUW) + \(normWv)"),
                                       over: seededShapes())),
                    .inequality(Inequality(-exact(.normUW, normUW), lessThan: nearOptimum(.minimumOverV), over: tiltedShapes())),
                 ]),
                 remark: "Minimiser v = -Wᵀu/‖Wᵀu‖ and maximiser u = Wv/‖Wv‖ evaluated in uᵀWv against the norms; unit v tilted from the minimiser, v = (v* + τg)/‖v* + τg‖ (τ from 10⁻³ to 10²), stay above the minimum."),
            Step("11335.25", "E σ_min ≈ √n - √m", at: "最小奇异值 (smallest singular value), last sentence",
                 claim: .withDigits(20, .all([
                    .approximation(Approximation(simulated(.sigmaMin, .mean, "\\mathbb{E}[\(sigmaMin)]"), approximatedBy: sqrt(n) - sqrt(m),
                                                 along: proportionalPath, over: proportional([2, 4, 8], replicates: 120))),
                    // n = m: the right side is 0 and E σ_min = O(n^{-1/2}) → 0 (absolute).
                    .approximation(Approximation(simulated(.sigmaMin, .mean, "\\mathbb{E}[\(sigmaMin)]"), approximatedBy: sqrt(n) - sqrt(m),
                                                 along: proportionalPath, measure: .absolute, over: proportional([1], replicates: 120))),
                 ])),
                 remark: "n = ak, m = k, a ∈ {2, 4, 8}: relative error shrinks along k = 16, 64, 256 (120 seeded replicates, bidiagonal model, σ_min by Sturm bisection on the Golub–Kahan form); a = 1: E σ_min → 0 = √n - √m absolutely (√n E σ_min tends to a constant, table).",
                 tables: [Article11335.sigmaMinTable]),
        ]
    }
}
