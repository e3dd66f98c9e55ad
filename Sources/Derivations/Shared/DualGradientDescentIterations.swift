import Symbolic

/// The dual iterations of 11388 in double precision (the article's setting: one msign per step).
extension DualGradientDescent {
    struct Row { let k: Int; let residual: Double; let multiplier: Double; let dual: Double; let primal: Double }

    struct Run {
        let rows: [Row]              // every iteration
        let converged: Bool          // residual below the tolerance
        var steps: Int { rows.count - 1 }
        var last: Row { rows[rows.count - 1] }
        /// Observed linear rate: geometric mean of residual ratios over the last ten steps.
        var rate: Double {
            let tail = rows.suffix(11).map(\.residual).filter { $0 > 0 }
            guard tail.count >= 2, let first = tail.first, let final = tail.last else { return .nan }
            return Double.pow(final / first, 1 / Double(tail.count - 1))
        }
    }

    static func doubles(_ s: Sample) -> (g: DoubleMatrix, w: DoubleMatrix, top: DoubleMatrix, generic: DoubleMatrix) {
        (DoubleMatrix(s.g), DoubleMatrix(s.w), DoubleMatrix(s.thetaTop), DoubleMatrix(s.thetaGeneric))
    }

    /// λ ← λ - η tr(ΘᵀΦ), Φ = msign(G + λΘ), from λ₀; `sign` gives the SignSGD variant, with
    /// η_k = η/√k when `decaying`. Stops at |tr(ΘᵀΦ)| < tolerance or after `cap` steps.
    static func spectralDescent(_ g: DoubleMatrix, _ theta: DoubleMatrix, eta: Double, from lambda0: Double = 0,
                                tolerance: Double, cap: Int, sign: Bool = false, decaying: Bool = false) throws -> Run {
        var lambda = lambda0
        var rows: [Row] = []
        for k in 0...cap {
            let m = try g + lambda * theta
            let phi = try m.msign()
            let r = try (theta.transposed() * phi).trace()
            rows.append(Row(k: k, residual: Swift.abs(r), multiplier: lambda, dual: try m.nuclearNorm(),
                            primal: try (g.transposed() * phi).trace()))
            if Swift.abs(r) < tolerance || !r.isFinite { return Run(rows: rows, converged: Swift.abs(r) < tolerance) }
            let step = decaying ? eta / Double(k + 1).squareRoot() : eta
            lambda -= step * (sign ? (r > 0 ? 1 : (r < 0 ? -1 : 0)) : r)
        }
        return Run(rows: rows, converged: false)
    }

    /// The part-4 fixed point λ ← (tr(ΘᵀΦQ) - tr(ΘᵀΦ)tr(Q)/m - tr(ΘᵀG))/tr(ΘᵀΘ), Q = (G+λΘ)ᵀΦ.
    static func spectralFixedPoint(_ g: DoubleMatrix, _ theta: DoubleMatrix, tolerance: Double, cap: Int) throws -> Run {
        let tt = try (theta.transposed() * theta).trace()
        var lambda = -(try (theta.transposed() * g).trace()) / tt
        var rows: [Row] = []
        for k in 0...cap {
            let m = try g + lambda * theta
            let phi = try m.msign()
            let r = try (theta.transposed() * phi).trace()
            rows.append(Row(k: k, residual: Swift.abs(r), multiplier: lambda, dual: try m.nuclearNorm(),
                            primal: try (g.transposed() * phi).trace()))
            if Swift.abs(r) < tolerance || !r.isFinite { return Run(rows: rows, converged: Swift.abs(r) < tolerance) }
            let q = try m.transposed() * phi
            let tphi = try theta.transposed() * phi
            lambda = (try (tphi * q).trace() - r * (try q.trace()) / Double(g.columns) - (try (theta.transposed() * g).trace())) / tt
        }
        return Run(rows: rows, converged: false)
    }

    /// X ← X - η(WᵀΦ + ΦᵀW), Φ = msign(G + WX), X₀ = 0 (a Λ-step with η is an X-step with 2η).
    /// `multiplier` records ‖X‖_F; the residual is ‖WᵀΦ + ΦᵀW‖_F.
    static func stiefelDescent(_ g: DoubleMatrix, _ w: DoubleMatrix, eta: Double, tolerance: Double, cap: Int,
                               keep: (Int) -> Bool = { _ in true }) throws -> (run: Run, phi: DoubleMatrix, x: DoubleMatrix) {
        var x = try DoubleMatrix.zeros(rows: g.columns, columns: g.columns)
        var rows: [Row] = []
        var phi = try g.msign()
        for k in 0...cap {
            let m = try g + w * x
            phi = try m.msign()
            let a = try w.transposed() * phi
            let r = try a + a.transposed()
            let size = r.frobeniusNorm
            if keep(k) || size < tolerance || k == cap {
                rows.append(Row(k: k, residual: size, multiplier: x.frobeniusNorm, dual: try m.nuclearNorm(),
                                primal: try (g.transposed() * phi).trace()))
            }
            if size < tolerance || !size.isFinite { return (Run(rows: rows, converged: size < tolerance), phi, x) }
            x = try x - eta * r
        }
        return (Run(rows: rows, converged: false), phi, x)
    }

    // MARK: synchronous updates along a toy training run, L(W) = ½‖W - A‖²_F

    struct Training {
        let meanResidual: Double      // mean constraint residual over the second half
        let finalResidual: Double
        let drift: Double             // |‖W_T‖₂ - 1| (sphere) or ‖W_TᵀW_T - I‖_F (Stiefel)
        let trace: [(Int, Double, Double)]  // (step, residual, loss)
    }

    /// 11388.20: Φ = msign(G + λΘ), W ← W - η₁Φ, λ ← λ - η₂tr(ΘᵀΦ), Θ = u₁v₁ᵀ of the current W,
    /// G = W - A; W₀ a given matrix rescaled to ‖W₀‖₂ = 1, λ₀ = λ*(W₀, G₀) (warm start).
    static func spectralTraining(w0: DoubleMatrix, a: DoubleMatrix, eta1: Double, eta2: Double, horizon: Double) throws -> Training {
        var w = (1 / (try w0.spectralNorm())) * w0
        func top(_ w: DoubleMatrix) throws -> DoubleMatrix {
            let svd = try w.singularValueDecomposition()
            let u = svd.u.column(0), v = svd.v.column(0)
            return try DoubleMatrix(u.map { ui in v.map { ui * $0 } })
        }
        let g0 = try w - a
        var lambda = try Double(spectralRoot(Matrix(g0, precision: 80), Matrix(top(w), precision: 80), bits: 64).doubleValue)
        let steps = Int((horizon / eta1).rounded())
        var residuals: [Double] = []
        var trace: [(Int, Double, Double)] = []
        for k in 0..<steps {
            let g = try w - a
            let theta = try top(w)
            let phi = try (g + lambda * theta).msign()
            let r = try (theta.transposed() * phi).trace()
            residuals.append(Swift.abs(r))
            if k % Swift.max(1, steps / 6) == 0 || k == steps - 1 { trace.append((k, Swift.abs(r), 0.5 * g.frobeniusNorm * g.frobeniusNorm)) }
            w = try w - eta1 * phi
            lambda -= eta2 * r
        }
        let half = residuals.suffix(residuals.count / 2)
        return Training(meanResidual: half.reduce(0, +) / Double(Swift.max(1, half.count)), finalResidual: residuals.last ?? .nan,
                        drift: Swift.abs(try w.spectralNorm() - 1), trace: trace)
    }

    /// 11388.28: Φ = msign(G + WX), W ← W - η₁Φ, X ← X - η₂(WᵀΦ + ΦᵀW) with the W before the
    /// step; W₀ with orthonormal columns, X₀ = X*(W₀, G₀).
    static func stiefelTraining(w0: DoubleMatrix, a: DoubleMatrix, eta1: Double, eta2: Double, horizon: Double) throws -> Training {
        var w = w0
        let m = w0.columns
        var x = DoubleMatrix(try stiefelSolve(Matrix(try w - a, precision: 64), Matrix(w, precision: 64), bits: 64).x)
        let steps = Int((horizon / eta1).rounded())
        var residuals: [Double] = []
        var trace: [(Int, Double, Double)] = []
        for k in 0..<steps {
            let g = try w - a
            let phi = try (g + w * x).msign()
            let wtphi = try w.transposed() * phi
            let r = try wtphi + wtphi.transposed()
            residuals.append(r.frobeniusNorm)
            if k % Swift.max(1, steps / 6) == 0 || k == steps - 1 { trace.append((k, r.frobeniusNorm, 0.5 * g.frobeniusNorm * g.frobeniusNorm)) }
            w = try w - eta1 * phi
            x = try x - eta2 * r
        }
        let half = residuals.suffix(residuals.count / 2)
        let gram = try w.transposed() * w - DoubleMatrix.identity(m)
        return Training(meanResidual: half.reduce(0, +) / Double(Swift.max(1, half.count)), finalResidual: residuals.last ?? .nan,
                        drift: gram.frobeniusNorm, trace: trace)
    }
}
