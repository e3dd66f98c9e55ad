import Symbolic

/// 11335.1–11335.7: the borrowed conclusion, the variational form and the "half" maximisations.
extension Article11335 {
    static var estimate: [Step] {
        [
            Step("11335.1", "the borrowed conclusion: ‖W‖₂ roughly √n + √m", at: "opening paragraph (quoting 《高阶MuP》, 近似估计)",
                 kind: "approximation",
                 claim: .withDigits(20, .meanField(MeanFieldClaim(
                    Display(shown("normW", normW, 0), .approximately, rootSum),
                    exact: expectedSigma1, heuristic: rootSum,
                    over: ParameterSpace([Parameter(m, .values([32, 64, 128, 256])), Parameter(a, .values([1, 2, 4])),
                                          Parameter(n, .derived(a * m)), Parameter(replicates, .derived(65536 / (a * m))), seedParameter]),
                    tolerance: 0.10))),
                 remark: "'大致' (roughly) read as within 10% of E‖W‖₂ (half as strict again as 'very accurate' = 2%, 11335.16), over n/m ∈ {1, 2, 4} × m ∈ {32, …, 256}; 65536/n seeded replicates per shape (2048 at 32×32 down to 64 at 1024×256), bidiagonal χ model of the Gaussian W, dense cross-check in the table. The largest gap is 4.8% at 32×32 (relative to E‖W‖₂), so a 5% reading also holds in expectation but sits within 2 Monte Carlo standard errors of the bound at this budget. The regime is made precise in 11335.15–17.",
                 tables: [Article11335.shapeTable]),
            Step("11335.2", "setting: i.i.d. N(0,1) entries; the target E‖W‖₂", at: "随机矩阵论 (random matrix theory), first paragraph",
                 claim: .all([
                    .definition(Definition(shown("W_ij", "\\boldsymbol{W}_{ij}", 0), shown("N01", "\\mathcal{N}(0,1)\\ \\text{i.i.d.}", 0), relation: .equals)),
                    .definition(Definition(shown("normW", normW, 0), shown("sigma1", "\\sigma_1(\\boldsymbol{W})", 0), relation: .equals)),
                    .definition(Definition(shown("estimate", "\\text{estimate}", 0), shown("EnormW", expectedNormW, 0))),
                 ])),
            Step("11335.3", "variational form of the spectral norm", at: "谱范数估计 (spectral-norm estimate), eq:w-uv",
                 claim: .all([
                    // The maximum is attained at the top singular pair (SVD) and equals √λ_max(WᵀW) (eigen route).
                    .identity(Identity(exact(.spectralByEigen, normW), equals: exact(.topPairValue, maxUV), over: seededShapes())),
                    // No unit pair does better.
                    .inequality(Inequality(exact(.bilinear, uWv), lessThan: exact(.spectralByEigen, normW), over: seededShapes())),
                 ]),
                 remark: "Seeded Gaussian W (n, m ∈ 1…7) held at the checker's precision: u₁ᵀWv₁ from a one-sided Jacobi SVD against √λ_max(WᵀW) from a Jacobi eigen-decomposition, then uᵀWv ≤ ‖W‖₂ at seeded uniform unit u, v."),
            Step("11335.4", "the two half-maximisations", at: "谱范数估计 (spectral-norm estimate), second display",
                 claim: .all([
                    .definition(Definition(shown("halfU", "h_{\\boldsymbol{u}}(\\boldsymbol{v})", 0), shown("maxU", maxU, 0))),
                    .definition(Definition(shown("halfV", "h_{\\boldsymbol{v}}(\\boldsymbol{u})", 0), shown("maxV", maxV, 0))),
                 ]),
                 remark: "Names h_u, h_v are the encoding's; their closed forms are 11335.6."),
            Step("11335.5", "core approximation: ‖W‖₂ ≈ max_u + max_v (random u, v)", at: "谱范数估计 (spectral-norm estimate), eq:core-approx, the ≈",
                 claim: .withDigits(20, .approximation(Approximation(
                    simulated(.halfSumRatio, .rootMeanSquareFromOne,
                              "\\sqrt{\\mathbb{E}\\left[\\left(\\frac{\(maxU) + \(maxV)}{\(maxUV)} - 1\\right)^2\\right]}"),
                    approximatedBy: 0, along: proportionalPath, measure: .absolute, over: proportional([1, 2, 4, 8], replicates: 120)))),
                 remark: "The article gives no regime; read in the proportional limit n = ak, m = k (a ∈ {1, 2, 4, 8}, k = 16, 64, 256) as convergence of the random ratio (‖Wv‖+‖uᵀW‖)/‖W‖₂ to 1 in mean square (hence in probability): √E[(ratio − 1)²] → 0, 120 seeded replicates per point. Its mean and spread separately are in the table. For fixed small shapes it is no approximation (m = 1: ratio 1 + |u₁|, table).",
                 tables: [Article11335.coreRatioTable]),
            Step("11335.6", "half-maximisations in closed form", at: "谱范数估计 (spectral-norm estimate), eq:core-approx, last =",
                 claim: .all([
                    .identity(Identity(exact(.halfMaxSum, "\(maxU) + \(maxV)"), equals: exact(.halfMaxSumClosed, "\(normWv) + \(normUW)"),
                                       over: seededShapes())),
                    // Other unit vectors do no better than the Cauchy–Schwarz maximisers, probed
                    // near them, where the slack vanishes.
                    .inequality(Inequality(nearOptimum(.maximumOverU), lessThan: exact(.normWv, normWv), over: tiltedShapes())),
                    .inequality(Inequality(nearOptimum(.maximumOverV), lessThan: exact(.normUW, normUW), over: tiltedShapes())),
                 ]),
                 remark: "Left: uᵀWv evaluated at the maximisers u* = Wv/‖Wv‖ and v* = Wᵀu/‖Wᵀu‖; right: the norms computed directly; then unit vectors tilted from each maximiser, x = (x* + τg)/‖x* + τg‖ with g seeded and τ from 10⁻³ to 10², stay below each half-maximum (the slack is O(τ²) near the maximiser)."),
            Step("11335.7", "u, v sampled uniformly on the unit spheres", at: "谱范数估计 (spectral-norm estimate), sentence after eq:core-approx",
                 claim: .all([
                    .definition(Definition(shown("u", "\\boldsymbol{u}", 0), shown("uSample", "\\boldsymbol{g}/\\Vert\\boldsymbol{g}\\Vert,\\ \\boldsymbol{g}\\sim\\mathcal{N}(0,\\boldsymbol{I}_n)", 0), relation: .equals)),
                    .definition(Definition(shown("v", "\\boldsymbol{v}", 0), shown("vSample", "\\boldsymbol{h}/\\Vert\\boldsymbol{h}\\Vert,\\ \\boldsymbol{h}\\sim\\mathcal{N}(0,\\boldsymbol{I}_m)", 0), relation: .equals)),
                 ]),
                 remark: "Sampling recipe used by every simulation here (normalised Gaussian vectors, independent of W)."),
        ]
    }
}
