import Symbolic

/// Natives for the Stiefel problem and the double-precision runs of 11388.
extension Article11388 {
    static func stiefel(_ s: D.Sample, _ bits: Int, _ cache: EvaluationCache?) throws -> D.StiefelSolution {
        try D.memo(cache, "stiefel\(s.g.rows)x\(s.g.columns)\(s.g[0, 0].decimalString(digits: 12))@\(bits)") {
            try D.stiefelSolve(s.g.rounded(toPrecision: bits), s.w.rounded(toPrecision: bits), bits: bits, cache: cache)
        }
    }
    /// which: 0 tr(GᵀΦ*), 1 ‖G + WX*‖_*, 2 ‖WᵀΦ* + Φ*ᵀW‖_F, 3 ‖Φ*ᵀΦ* - I‖_F, 4 ‖WᵀW - I‖_F.
    static let stiefelValue = native("stiefel11388", "\\text{Stiefel}", arity: 4) { s, a, bits, c in
        let which = Int(a[0].doubleValue)
        if which == 4 {
            let w = s.w.rounded(toPrecision: bits)
            return try (w.transposed() * w - Matrix.identity(w.columns, precision: bits)).frobeniusNorm
        }
        let sol = try stiefel(s, bits, c)
        let g = s.g.rounded(toPrecision: bits), w = s.w.rounded(toPrecision: bits)
        switch which {
        case 0: return try (g.transposed() * sol.phi).trace()
        case 1: return try (g + w * sol.x).nuclearNorm()
        case 2: return sol.residual
        default: return try (sol.phi.transposed() * sol.phi - Matrix.identity(sol.phi.columns, precision: bits)).frobeniusNorm
        }
    }
    /// ‖G + W(X* + εS)‖_* - ‖G + WX*‖_*, S a seeded random symmetric matrix.
    static let stiefelPerturbed = native("stiefelPerturbed11388", "f(\\boldsymbol{X}^*+\\epsilon\\boldsymbol{S})-f(\\boldsymbol{X}^*)", arity: 5) { s, a, bits, c in
        let sol = try stiefel(s, bits, c)
        let m = s.g.columns
        let r = try Matrix.gaussian(rows: m, columns: m, seed: 977 &+ UInt64(a[1].doubleValue), precision: bits)
        let x = try sol.x + D.scaled(r + r.transposed(), a[0].rounded(toPrecision: bits))
        let g = s.g.rounded(toPrecision: bits), w = s.w.rounded(toPrecision: bits)
        return try (g + w * x).nuclearNorm() - (g + w * sol.x).nuclearNorm()
    }
    /// X_K entry (a, b) after K steps from 0: scheme 0 the Λ-step with η (X = Λ + Λᵀ), scheme 1 the
    /// X-step with η' = 2η.
    static let schemeEntry = native("scheme11388", "\\boldsymbol{X}_K", arity: 8) { s, a, bits, _ in
        let g = s.g.rounded(toPrecision: bits), w = s.w.rounded(toPrecision: bits)
        let eta = a[1].rounded(toPrecision: bits)
        var l = try Matrix.zeros(rows: g.columns, columns: g.columns, precision: bits)
        var x = l
        let steps = a[2].doubleValue
        guard steps.rounded() == steps, (0...1_000_000).contains(steps) else {
            throw EvaluationError.domainError(function: "scheme11388", argument: a[2].decimalString(digits: 6), node: "a step count in 0...1000000")
        }
        for _ in 0..<Int(steps) {
            if a[0].isZero {
                l = try l - D.scaled(try D.stiefelResidual(g, w, l + l.transposed()).residual, eta)
            } else {
                x = try x - D.scaled(try D.stiefelResidual(g, w, x).residual, eta.timesPowerOfTwo(1))
            }
        }
        let result = a[0].isZero ? try l + l.transposed() : x
        let ij = try Article11388.indices([a[3], a[4]], below: [result.rows, result.columns], in: "stiefel descent entry")
        return result[ij[0], ij[1]]
    }

    // MARK: double-precision runs (precision-independent values)

    static func runs(_ s: D.Sample) -> (g: DoubleMatrix, w: DoubleMatrix, top: DoubleMatrix, generic: DoubleMatrix) { D.doubles(s) }

    /// which 0: steps to |tr(ΘᵀΦ)| < 1e-12 (cap 2000, cap+1 if not), 1: |λ_K - λ*|, 2: observed rate.
    static let spectralRun = native("spectralRun11388", "\\text{DGD}_{\\lambda}", arity: 6, independent: true) { s, a, _, c in
        let (g, _, top, generic) = runs(s)
        let kind = Int(a[0].doubleValue)
        let run = try D.spectralDescent(g, kind == 0 ? top : generic, eta: a[1].doubleValue, tolerance: 1e-12, cap: 2000)
        let star = try root(s, kind, 128, c).doubleValue
        switch Int(a[2].doubleValue) {
        case 0: return BigFloat(Double(run.converged ? run.steps : 2001), precision: 64)
        case 1: return BigFloat(Swift.abs(run.last.multiplier - star), precision: 64)
        default: return BigFloat(run.rate, precision: 64)
        }
    }
    /// |λ_K - λ*| of SignSGD: mode 0 constant η = 0.01 for 3000 steps, mode 1 η_k = 0.05/√k for 4000.
    static let signRun = native("signRun11388", "|\\lambda_K-\\lambda^*|_{\\text{sign}}", arity: 4, independent: true) { s, a, _, c in
        let (g, _, top, _) = runs(s)
        let decaying = !a[0].isZero
        let run = try D.spectralDescent(g, top, eta: decaying ? 0.05 : 0.01, tolerance: 0, cap: decaying ? 4000 : 3000, sign: true, decaying: decaying)
        return BigFloat(Swift.abs(run.last.multiplier - (try root(s, 0, 128, c).doubleValue)), precision: 64)
    }
    /// X-step dual descent X ← X - η(WᵀΦ + ΦᵀW) from 0 (cap 40000, tolerance 1e-10); which 0:
    /// the final ‖WᵀΦ + ΦᵀW‖_F, 1: max|Φ_K - Φ*| against the high-precision solve.
    static let stiefelRun = native("stiefelRun11388", "\\text{DGD}_{\\boldsymbol{X}}", arity: 5, independent: true) { s, a, _, c in
        let (g, w, _, _) = runs(s)
        let out = try D.stiefelDescent(g, w, eta: a[0].doubleValue, tolerance: 1e-10, cap: 40_000, keep: { _ in false })
        if a[1].isZero { return BigFloat(out.run.last.residual, precision: 64) }
        let star = DoubleMatrix(try stiefel(s, 128, c).phi)
        return BigFloat(try out.phi.maxAbsDifference(star), precision: 64)
    }
    /// Mean constraint residual over the second half of the toy training run; problem 0 the
    /// sphere (η₂ = 1), 1 Stiefel (η₂ = 0.2); horizon η₁T = 0.3.
    static let trainingResidual = native("training11388", "\\overline{\\operatorname{res}}", arity: 5, independent: true) { s, a, _, _ in
        // W₀: the generic Gaussian (sphere, rescaled) or the Stiefel W; the target A is G.
        let (g, w, _, generic) = runs(s)
        let t = a[0].isZero
            ? try D.spectralTraining(w0: generic, a: g, eta1: a[1].doubleValue, eta2: 1, horizon: 0.3)
            : try D.stiefelTraining(w0: w, a: g, eta1: a[1].doubleValue, eta2: 0.2, horizon: 0.3)
        return BigFloat(t.meanResidual, precision: 64)
    }
}

extension Article11388 {
    /// min over a 201-point grid on [-10, 10] of f'(λ_{k+1}) - f'(λ_k) (128 bits).
    static let slopeIncrement = native("slopeIncrement11388", "\\min_k\\Delta f'(\\lambda_k)", arity: 4, independent: true) { s, a, bits, _ in
        let theta = s.theta(Int(a[0].doubleValue)).rounded(toPrecision: bits), g = s.g.rounded(toPrecision: bits)
        let slopes = try (0...200).map { k in try D.slope(g, theta, BigFloat(-10 + 0.1 * Double(k), precision: bits)) }
        return zip(slopes.dropFirst(), slopes).map { $0 - $1 }.min() ?? BigFloat(Double.nan, precision: bits)
    }
    /// Median iteration counts over 30 seeded 6×4 cases (G ~ N(0, 1/m), Θ = u₁v₁ᵀ) to
    /// |tr(ΘᵀΦ)| < 1e-12, cap 3000: method 0 the part-4 fixed point, otherwise dual descent with η = method.
    static let medianSteps = native("medianSteps11388", "\\operatorname{median}(\\text{steps})", arity: 4, independent: true) { _, a, _, _ in
        var counts: [Int] = []
        for seed in 1...30 {
            let sample = try D.sample(6, 4, 5000 + seed, bits: 64)
            let g = (1 / Double(2)) * DoubleMatrix(sample.g), theta = DoubleMatrix(sample.thetaTop)
            let run = a[0].isZero ? try D.spectralFixedPoint(g, theta, tolerance: 1e-12, cap: 3000)
                                  : try D.spectralDescent(g, theta, eta: a[0].doubleValue, tolerance: 1e-12, cap: 3000)
            counts.append(run.converged ? run.steps : 3001)
        }
        return BigFloat(Double(counts.sorted()[counts.count / 2]), precision: 64)
    }
    /// max over 3000 seeded Φ of tr(MᵀΦ)/bound: problem 0 Φ in the sphere's feasible set (project
    /// onto tr(ΘᵀΦ) = 0, rescale to ‖Φ‖₂ = 1 or to a random radius ≤ 1), bound = min_λ f; problem 1
    /// the Stiefel tangent set, bound ‖G + WX*‖_*; problem 2 the ball with M = G + λΘ (generic Θ),
    /// bound ‖M‖_*, half of the samples msign of random matrices.
    static let sampledRatio = native("sampledRatio11388", "\\max_{\\text{samples}}\\operatorname{tr}(\\boldsymbol{G}^{\\top}\\boldsymbol{\\Phi})/p^*", arity: 5, independent: true) { s, a, bits, c in
        let (g, w, top, generic) = runs(s)
        let problem = Int(a[0].doubleValue)
        let lambda = a[1].doubleValue
        let target = problem == 2 ? try g + lambda * generic : g
        let bound: Double
        switch problem {
        case 0: bound = try dualValueAtRoot(s, bits, c)
        case 1: bound = try (s.g + s.w * stiefel(s, bits, c).x).nuclearNorm().doubleValue
        default: bound = try target.nuclearNorm()
        }
        var rng = SplitMix64(seed: 424_242)
        var best = -Double.infinity
        for trial in 0..<3000 {
            var z = try DoubleMatrix.gaussian(rows: g.rows, columns: g.columns, seed: rng.next())
            if problem == 0 { z = try z - ((try (top.transposed() * z).trace()) / (try (top.transposed() * top).trace())) * top }
            if problem == 1 {
                let wz = try w.transposed() * z
                z = try z - 0.5 * (w * (wz + wz.transposed()))
            }
            if problem == 2 && trial % 2 == 1 { z = try z.msign() } else {
                z = (rng.nextUnit().squareRoot() / (try z.spectralNorm())) * z
            }
            best = Swift.max(best, try (target.transposed() * z).trace() / bound)
        }
        return BigFloat(best, precision: 64)
    }
    static func dualValueAtRoot(_ s: D.Sample, _ bits: Int, _ c: EvaluationCache?) throws -> Double {
        try (s.g + D.scaled(s.thetaTop, root(s, 0, bits, c))).nuclearNorm().doubleValue
    }
}
