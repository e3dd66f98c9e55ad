import Symbolic

/// 基本记号 and 海森矩阵 (basic notation, the Hessian): steps 11285.1–11285.7.
extension Article11285 {
    // MARK: a concrete matrix loss for eq:loss-2

    /// L(W) = ¼tr((WᵀW)²): smooth, not quadratic, and genuinely matrix-valued. Its gradient is
    /// G = WWᵀW and its Hessian the operator HX = XWᵀW + WXᵀW + WWᵀX (self-adjoint).
    static func loss(_ v: Expr) -> Expr {
        .named(Symbol("L(\(v.plainText))", latex: "\\mathcal{L}\\left(\(v.latex)\\right)"), trace((transpose(v) * v) ** 2) / 4)
    }
    static let lossGradient: Expr = .named(Symbol.matrix("Gloss", latex: "\\boldsymbol{G}"), W * transpose(W) * W)
    static func lossHessian(_ x: Expr) -> Expr {
        .named(Symbol.matrix("Hloss(\(x.plainText))", latex: "\\boldsymbol{H}" + operand(x)),
               x * transpose(W) * W + W * transpose(x) * W + W * transpose(W) * x)
    }
    /// A Muon update direction for the loss: msign of its gradient plus noise Z/2.
    static let lossPhi = phi(lossGradient + Z / 2)
    static let h: Expr = .symbol("h")
    static let lossSpace = ParameterSpace([Parameter(W, .gaussianMatrix(rows: 6, columns: 3)), Parameter(Z, .gaussianMatrix(rows: 6, columns: 3)),
                                           Parameter(X, .gaussianMatrix(rows: 6, columns: 3)), Parameter(Y, .gaussianMatrix(rows: 6, columns: 3))])
    static func quadraticModel(_ p: Expr) -> Expr {
        loss(W) - eta * trace(transpose(p) * lossGradient) + half * eta ** 2 * trace(transpose(p) * lossHessian(p))
    }

    static var setup: [Step] {
        [
            Step("11285.1", "notation: W, G, single-sample and batch gradients", at: "基本记号 (basic notation), prose",
                 claim: .all([
                    .definition(Definition(expectation(GB), G, relation: .equals)),
                    .definition(Definition(variance(GB), sigma ** 2 / B, relation: .equals)),
                 ]),
                 remark: "W, G ∈ R^{n×m}, n ≥ m; the single-sample gradient has mean G and scalar per-entry variance σ², the batch-B gradient variance σ²/B. Encoded as G̃_B = G + (σ/√B)Z with Z Gaussian wherever a noisy gradient is needed."),
            Step("11285.2", "the earlier results depend on Σ only through tr Σ", at: "基本记号 (basic notation), prose",
                 kind: "identity",
                 claim: .all([covarianceInvariance(signSGD: true), covarianceInvariance(signSGD: false, isotropicHessian: false)]),
                 correction: Step.Correction(.all([covarianceInvariance(signSGD: true), covarianceInvariance(signSGD: false, isotropicHessian: true)]),
                                             note: "Only the simplified results depend on Σ through tr Σ alone (SignSGD's η* via B_simple, or B_noise once H ∝ I); part I's B_noise = tr(ΣH)/gᵀHg changes with Σ at fixed trace."),
                 remark: "N = 6, random g, H = AAᵀ + ½I, Σ₁ = CCᵀ and Σ₂ = DDᵀ rescaled to the same trace, B = 8. (a) SignSGD's η* (11280 eq:eta-opt-sign, B_simple = tr Σ/gᵀg) at Σ₁ and Σ₂; (b) part I's B_noise = tr(ΣH)/gᵀHg at Σ₁ and Σ₂."),
            Step("11285.3", "second-order expansion with a matrix Hessian", at: "海森矩阵 (Hessian), eq:loss-2",
                 claim: .all([
                    .approximation(Approximation(loss(W - eta * lossPhi), approximatedBy: quadraticModel(lossPhi),
                                                 along: .decades(eta, from: 2, to: 6), order: .power(3), over: lossSpace)),
                    // tr(XᵀG) and tr(XᵀHX) are the first and second directional derivatives.
                    .limit(Limit((loss(W + h * X) - loss(W - h * X)) / (2 * h), tendsTo: trace(transpose(X) * lossGradient),
                                 along: .decades(h, from: 2, to: 6), order: .power(2), over: lossSpace)),
                    .limit(Limit((loss(W + h * X) - 2 * loss(W) + loss(W - h * X)) / h ** 2, tendsTo: trace(transpose(X) * lossHessian(X)),
                                 along: .decades(h, from: 2, to: 6), order: .power(2), over: lossSpace)),
                    .identity(Identity(trace(transpose(Y) * lossHessian(X)), equals: trace(transpose(X) * lossHessian(Y)), over: lossSpace)),
                 ]),
                 remark: "L(W) = ¼tr((WᵀW)²) (6×3), G = WWᵀW, HX = XWᵀW + WXᵀW + WWᵀX, Φ̃_B = msign(G + Z/2): (a) the remainder shrinks like η³; (b) tr(XᵀG) and tr(XᵀHX) are the central first and second differences' limits; (c) H is self-adjoint."),
            Step("11285.4", "H as a linear operator on matrices", at: "海森矩阵 (Hessian), prose",
                 kind: "definition",
                 claim: .all([
                    .definition(Definition(hessian(X), etaMax ** -1 * X * gram ** half, relation: .equals)),
                    overShapes { r, c in
                        .identity(Identity(hessian(eta * X + h * Y), equals: eta * hessian(X) + h * hessian(Y),
                                           over: matrices(r, c, [Parameter(X, .gaussianMatrix(rows: r, columns: c)), Parameter(Y, .gaussianMatrix(rows: r, columns: c)),
                                                                 Parameter(eta, .uniform(-2, 2)), Parameter(h, .uniform(-2, 2)), Parameter(etaMax, .uniform(0.2, 2))])))
                    },
                    .identity(Identity(lossHessian(eta * X + h * Y), equals: eta * lossHessian(X) + h * lossHessian(Y),
                                       over: ParameterSpace(lossSpace.parameters + [Parameter(eta, .uniform(-2, 2)), Parameter(h, .uniform(-2, 2))]))),
                 ]),
                 remark: "Only linearity of X ↦ HX is used. Checked for the Muon operator of 11285.6 (three shapes) and for the Hessian of the loss of 11285.3."),
            Step("11285.5", "msign(G̃_B) = G̃_B(G̃_BᵀG̃_B)^{-1/2}", at: "海森矩阵 (Hessian), inline",
                 claim: overShapes { r, c in
                    .all([
                        .identity(Identity(msign(GB), equals: GB * (transpose(GB) * GB) ** minusHalf, over: matrices(r, c, batch(r, c)))),
                        .identity(Identity(msign(GB), equals: GB * ((transpose(GB) * GB) ** half) ** -1, over: matrices(r, c, batch(r, c)))),
                    ])
                 },
                 remark: "msign is U Vᵀ from the Jacobi SVD; the right side uses the symmetric eigen-decomposition, (a) as (·)^{-1/2} directly, (b) as the inverse of (·)^{1/2}. Shapes 6×3, 4×4, 5×2."),
            Step("11285.6", "the Muon Hessian from the Newton view", at: "海森矩阵 (Hessian), inline",
                 kind: "identity",
                 claim: .all([
                    .definition(Definition(inverseHessian(X), etaMax * X * gram ** minusHalf, relation: .equals)),
                    .definition(Definition(hessian(X), etaMax ** -1 * X * gram ** half, relation: .equals)),
                    overShapes { r, c in
                        let space = matrices(r, c, [Parameter(X, .gaussianMatrix(rows: r, columns: c)), Parameter(Y, .gaussianMatrix(rows: r, columns: c)),
                                                    Parameter(etaMax, .uniform(0.2, 2))])
                        return .all([
                            .identity(Identity(inverseHessian(G), equals: etaMax * msign(G), over: space)),
                            .identity(Identity(hessian(inverseHessian(X)), equals: X, over: space)),
                            .identity(Identity(inverseHessian(hessian(X)), equals: X, over: space)),
                            .identity(Identity(trace(transpose(Y) * hessian(X)), equals: trace(transpose(X) * hessian(Y)), over: space)),
                            .inequality(Inequality(0, lessThan: trace(transpose(X) * hessian(X)), strict: true, over: space)),
                        ])
                    },
                 ]),
                 remark: "With both operators as printed: H⁻¹G = η_max msign(G) (the Newton step is the Muon step), H and H⁻¹ are mutually inverse, H is self-adjoint and positive."),
            Step("11285.7", "taking expectations of eq:loss-2", at: "计算期望 (computing the expectation), display #2",
                 claim: .identity(Identity(sampleMean { quadraticModel($0) }, equals: sampleMeanModel, over: samplesSpace)),
                 remark: "Linearity of E, checked on the empirical distribution of four draws Φ̃_k = msign(G + Z_k/2) for the loss of 11285.3: the mean of the quadratic model equals the model with E[Φ̃_B] moved inside the linear term."),
        ]
    }

    // MARK: 11285.2

    /// Two covariances with the same trace, and the quantities of the earlier articles at each.
    static func covarianceInvariance(signSGD: Bool, isotropicHessian: Bool = false) -> Claim {
        let g: Expr = .symbol(Symbol.matrix("g", latex: "\\boldsymbol{g}"))
        let a: Expr = .symbol(Symbol.matrix("A"))
        let c: Expr = .symbol(Symbol.matrix("C"))
        let d: Expr = .symbol(Symbol.matrix("D"))
        let sigma1: Expr = .symbol(Symbol.matrix("Sigma1", latex: "\\boldsymbol{\\Sigma}_1"))
        let sigma2: Expr = .symbol(Symbol.matrix("Sigma2", latex: "\\boldsymbol{\\Sigma}_2"))
        let hess: Expr = .symbol(Symbol.matrix("H"))
        let size = identityMatrix(6)
        let space = ParameterSpace([
            Parameter(g, .gaussianMatrix(rows: 6, columns: 1)), Parameter(a, .gaussianMatrix(rows: 6, columns: 6)),
            Parameter(c, .gaussianMatrix(rows: 6, columns: 6)), Parameter(d, .gaussianMatrix(rows: 6, columns: 6)),
            Parameter(hess, .derived(isotropicHessian ? 2 * size : a * transpose(a) + half * size)),
            Parameter(sigma1, .derived(c * transpose(c))),
            Parameter(sigma2, .derived(d * transpose(d) * trace(c * transpose(c)) / trace(d * transpose(d)))),
            Parameter(B, .fixed(8)),
        ])
        let s = sign(g)
        func etaSign(_ sigmaMatrix: Expr) -> Expr {
            let beta = (1 + trace(sigmaMatrix) / trace(transpose(g) * g) / B) ** minusHalf
            let offDiagonal = trace(transpose(s) * hess * s) - trace(hess)
            return trace(transpose(s) * g) / (trace(hess) / beta + beta * offDiagonal)
        }
        func bNoise(_ sigmaMatrix: Expr) -> Expr { trace(sigmaMatrix * hess) / trace(transpose(g) * hess * g) }
        return signSGD ? .identity(Identity(etaSign(sigma1), equals: etaSign(sigma2), over: space))
            : .identity(Identity(bNoise(sigma1), equals: bNoise(sigma2), over: space))
    }

    // MARK: 11285.7

    static let samples = (1...4).map { k in Expr.symbol(Symbol.matrix("Z\(k)", latex: "\\boldsymbol{Z}_\(k)")) }
    static let samplesSpace = ParameterSpace(
        [Parameter(W, .gaussianMatrix(rows: 6, columns: 3)), Parameter(eta, .uniform(0.01, 1))]
            + samples.map { Parameter($0, .gaussianMatrix(rows: 6, columns: 3)) })
    static func samplePhi(_ k: Int) -> Expr { phi(lossGradient + samples[k] / 2) }
    /// The mean over the four draws, written E[·].
    static func sampleMean(_ body: (Expr) -> Expr) -> Expr {
        let terms = (0..<4).map { body(samplePhi($0)) }
        let probe = body(lossPhi)
        return .named(Symbol("Emodel", latex: "\\mathbb{E}\\left[\(probe.latex)\\right]"), Expr.add(terms) / 4)
    }
    static var sampleMeanModel: Expr {
        let meanPhi = Expr.named(Symbol.matrix("EPhi", latex: "\\mathbb{E}[\\tilde{\\boldsymbol{\\Phi}}_B]"), Expr.add((0..<4).map(samplePhi)) / 4)
        let meanQuadratic = Expr.named(
            Symbol("Equad", latex: "\\mathbb{E}\\left[\\operatorname{tr}\\left(\\tilde{\\boldsymbol{\\Phi}}_B^{\\top} \\boldsymbol{H}\\tilde{\\boldsymbol{\\Phi}}_B\\right)\\right]"),
            Expr.add((0..<4).map { k in trace(transpose(samplePhi(k)) * lossHessian(samplePhi(k))) }) / 4)
        return loss(W) - eta * trace(transpose(meanPhi) * lossGradient) + half * eta ** 2 * meanQuadratic
    }
}
