import Foundation
import Symbolic

/// Context tables of 11388 (`derive show`): per-shape solves and convergence histories.
extension Article11388 {
    static func e(_ x: Double) -> String { x.isFinite ? String(format3e(x)) : "\(x)" }
    static func format3e(_ x: Double) -> String {
        guard x != 0 else { return "0" }
        let exponent = Int(Double.log10(Swift.abs(x)).rounded(.down))
        let mantissa = x / Double.pow(10, Double(exponent))
        return "\((mantissa * 1000).rounded() / 1000)e\(exponent)"
    }
    static func big(_ x: BigFloat, _ digits: Int = 20) -> String { x.decimalString(digits: digits) }
    static func shapeClass(_ r: Int, _ c: Int) -> String { r == c ? "n = m" : (r < 2 * c ? "m < n < 2m" : "n ≥ 2m") }

    static let stiefelShapeTable = Tabulation(
        "Stiefel: dual minimiser per shape (working precision) and dual descent X ← X - 0.02(WᵀΦ+ΦᵀW), 20000 steps in double",
        columns: ["n×m", "class", "seed", "Newton", "‖WᵀΦ+ΦᵀW‖", "σ_min(G+WX*)", "flat", "tr(GᵀΦ)", "‖G+WX*‖_*", "DGD residual", "DGD |Φ-Φ*|"]) { options in
        var rows: [[String]] = []
        for (r, c) in shapes {
            for seed in gridSeeds {
                let sample = try D.sample(r, c, seed, bits: options.workingBits)
                let sol = try D.stiefelSolve(sample.g, sample.w, bits: options.workingBits, cache: options.cache)
                let primal = try (sample.g.transposed() * sol.phi).trace()
                let dual = try (sample.g + sample.w * sol.x).nuclearNorm()
                let (g, w, _, _) = D.doubles(sample)
                let run = try D.stiefelDescent(g, w, eta: 0.02, tolerance: 1e-13, cap: 20_000, keep: { _ in false })
                let gap = try run.phi.maxAbsDifference(DoubleMatrix(sol.phi))
                rows.append(["\(r)×\(c)", shapeClass(r, c), "\(seed)", sol.converged ? "yes (\(sol.newtonSteps))" : "no",
                             big(sol.residual, 3), big(sol.sigmaMin, 4), "\(sol.flatDirections)", big(primal, 12), big(dual, 12),
                             e(run.run.last.residual), e(gap)])
            }
        }
        return rows
    }

    static let sphereShapeTable = Tabulation(
        "Spectral sphere (Θ = u₁v₁ᵀ): root of f'(λ) = tr(Θᵀmsign(G+λΘ)) per shape, and dual descent (η = 1) in double",
        columns: ["n×m", "class", "seed", "λ*", "|f'(λ*)|", "σ_min(G+λ*Θ)", "tr(GᵀΦ) - f(λ*)", "DGD steps (η=1)", "DGD |λ-λ*|"]) { options in
        var rows: [[String]] = []
        let bits = options.workingBits
        for (r, c) in shapes {
            for seed in gridSeeds {
                let sample = try D.sample(r, c, seed, bits: bits)
                let l = try D.spectralRoot(sample.g, sample.thetaTop, bits: bits)
                let mat = try sample.g + D.scaled(sample.thetaTop, l)
                let phi = try mat.msign()
                let slope = try (sample.thetaTop.transposed() * phi).trace()
                let sigma = try mat.singularValueDecomposition().singularValues.min() ?? BigFloat(0, precision: bits)
                let gap = try (sample.g.transposed() * phi).trace() - mat.nuclearNorm()
                let (g, _, top, _) = D.doubles(sample)
                let run = try D.spectralDescent(g, top, eta: 1, tolerance: 1e-12, cap: 2000)
                rows.append(["\(r)×\(c)", shapeClass(r, c), "\(seed)", big(l, 15), big(slope.magnitude, 3), big(sigma, 4), big(gap, 3),
                             run.converged ? "\(run.steps)" : "no (2000)", e(Swift.abs(run.last.multiplier - l.doubleValue))])
            }
        }
        return rows
    }

    /// f''(λ) by a central difference of f' in double.
    static func curvature(_ g: DoubleMatrix, _ theta: DoubleMatrix, at l: Double) throws -> Double {
        func slope(_ x: Double) throws -> Double { try (theta.transposed() * (try (g + x * theta).msign())).trace() }
        return (try slope(l + 1e-5) - slope(l - 1e-5)) / 2e-5
    }

    static let spectralHistory = Tabulation(
        "Dual descent λ ← λ - η tr(ΘᵀΦ), η = 1, 6×4 seed 1 (Θ = u₁v₁ᵀ): convergence",
        columns: ["k", "|tr(ΘᵀΦ)|", "λ_k", "‖G+λ_kΘ‖_* (dual)", "tr(GᵀΦ_k) (primal)"]) { _ in
        let sample = try D.sample(6, 4, 1, bits: 128)
        let (g, _, top, _) = D.doubles(sample)
        let run = try D.spectralDescent(g, top, eta: 1, tolerance: 1e-15, cap: 2000)
        return run.rows.filter { $0.k < 6 || $0.k % 4 == 0 || $0.k == run.steps }.map {
            ["\($0.k)", e($0.residual), String(format: "%.15f", $0.multiplier), String(format: "%.15f", $0.dual), String(format: "%.15f", $0.primal)]
        }
    }

    static let spectralRates = Tabulation(
        "Dual descent on λ from λ₀ = 0 by step size (6×4 seed 1): steps to |tr(ΘᵀΦ)| < 1e-12 (cap 2000)",
        columns: ["η", "converged", "steps", "|λ_K - λ*|", "observed rate", "|1 - η f''(λ*)|", "2/f''(λ*)"]) { _ in
        let sample = try D.sample(6, 4, 1, bits: 128)
        let (g, _, top, _) = D.doubles(sample)
        let star = try D.spectralRoot(sample.g, sample.thetaTop, bits: 128).doubleValue
        let f2 = try curvature(g, top, at: star)
        return try [0.1, 0.5, 1, 2, 2.5, 5, 8].map { eta in
            let run = try D.spectralDescent(g, top, eta: eta, tolerance: 1e-12, cap: 2000)
            return ["\(eta)", run.converged ? "yes" : "no", "\(run.steps)", e(Swift.abs(run.last.multiplier - star)), e(run.rate),
                    e(Swift.abs(1 - eta * f2)), e(2 / f2)]
        }
    }

    static let signHistory = Tabulation(
        "SignSGD on λ (6×4 seed 1): |λ_k - λ*| along the run",
        columns: ["k", "constant η = 0.01", "η_k = 0.05/√k"]) { _ in
        let sample = try D.sample(6, 4, 1, bits: 128)
        let (g, _, top, _) = D.doubles(sample)
        let star = try D.spectralRoot(sample.g, sample.thetaTop, bits: 128).doubleValue
        let constant = try D.spectralDescent(g, top, eta: 0.01, tolerance: 0, cap: 4000, sign: true)
        let decaying = try D.spectralDescent(g, top, eta: 0.05, tolerance: 0, cap: 4000, sign: true, decaying: true)
        return [0, 10, 100, 500, 1000, 2000, 2999, 3000, 4000].map { k in
            ["\(k)", e(Swift.abs(constant.rows[k].multiplier - star)), e(Swift.abs(decaying.rows[k].multiplier - star))]
        }
    }

    static let methodMedians = Tabulation(
        "Iterations to |tr(ΘᵀΦ)| < 1e-12 over 30 seeded 6×4 cases (G ~ N(0, 1/4), Θ = u₁v₁ᵀ), cap 3000",
        columns: ["method", "median", "not converged"]) { _ in
        var oracle: [Int] = []
        var byMethod: [String: [Int]] = [:]
        for seed in 1...30 {
            let sample = try D.sample(6, 4, 5000 + seed, bits: 64)
            let g = 0.5 * DoubleMatrix(sample.g), theta = DoubleMatrix(sample.thetaTop)
            let fixed = try D.spectralFixedPoint(g, theta, tolerance: 1e-12, cap: 3000)
            byMethod["part-4 fixed point", default: []].append(fixed.converged ? fixed.steps : 3001)
            for eta in [0.1, 1, 3] {
                let run = try D.spectralDescent(g, theta, eta: eta, tolerance: 1e-12, cap: 3000)
                byMethod["dual descent η = \(eta)", default: []].append(run.converged ? run.steps : 3001)
            }
            let star = try D.spectralRoot(Matrix(g, precision: 96), sample.thetaTop, bits: 64).doubleValue
            let f2 = try curvature(g, theta, at: star)
            let run = try D.spectralDescent(g, theta, eta: 1 / f2, tolerance: 1e-12, cap: 3000)
            oracle.append(run.converged ? run.steps : 3001)
        }
        byMethod["dual descent η = 1/f''(λ*) (oracle)"] = oracle
        return byMethod.keys.sorted().map { key in
            let counts = (byMethod[key] ?? []).sorted()
            return [key, "\(counts.isEmpty ? 0 : counts[counts.count / 2])", "\(counts.filter { $0 > 3000 }.count)"]
        }
    }

    static func trainingTable(_ problem: Int) -> Tabulation {
        Tabulation(problem == 0
                   ? "Synchronous λ-update (η₂ = 1) along ½‖W - A‖²_F, 6×4 seed 1, horizon η₁T = 0.3"
                   : "Synchronous X-update (η₂ = 0.2) along ½‖W - A‖²_F, 6×4 seed 1, horizon η₁T = 0.3",
                   columns: ["η₁", "steps", "mean residual (2nd half)", "ratio to previous", "final residual",
                             problem == 0 ? "|‖W_T‖₂ - 1|" : "‖W_TᵀW_T - I‖_F"]) { _ in
            let sample = try D.sample(6, 4, 1, bits: 128)
            let (g, w, _, generic) = D.doubles(sample)
            var previous: Double? = nil
            return try (0...4).map { k in
                let eta1 = 0.01 / Double(1 << k)
                let t = problem == 0 ? try D.spectralTraining(w0: generic, a: g, eta1: eta1, eta2: 1, horizon: 0.3)
                                     : try D.stiefelTraining(w0: w, a: g, eta1: eta1, eta2: 0.2, horizon: 0.3)
                defer { previous = t.meanResidual }
                return ["\(eta1)", "\(Int((0.3 / eta1).rounded()))", e(t.meanResidual), previous.map { e($0 / t.meanResidual) } ?? "",
                        e(t.finalResidual), e(t.drift)]
            }
        }
    }

    static func trainingTrajectory(_ problem: Int) -> Tabulation {
        Tabulation("Constraint residual along the training trajectory (η₁ = 0.0025)", columns: ["step", "residual", "loss ½‖W - A‖²_F"]) { _ in
            let sample = try D.sample(6, 4, 1, bits: 128)
            let (g, w, _, generic) = D.doubles(sample)
            let t = problem == 0 ? try D.spectralTraining(w0: generic, a: g, eta1: 0.0025, eta2: 1, horizon: 0.3)
                                 : try D.stiefelTraining(w0: w, a: g, eta1: 0.0025, eta2: 0.2, horizon: 0.3)
            return t.trace.map { ["\($0.0)", e($0.1), String(format: "%.6f", $0.2)] }
        }
    }

    static let stiefelHistory = Tabulation(
        "Dual descent X ← X - η'(WᵀΦ+ΦᵀW) (η' = 2η of the Λ-step), η' = 0.05, 6×4 seed 1: convergence",
        columns: ["k", "‖WᵀΦ+ΦᵀW‖_F", "‖X_k‖_F", "‖G+WX_k‖_* (dual)", "tr(GᵀΦ_k) (primal)"]) { _ in
        let sample = try D.sample(6, 4, 1, bits: 128)
        let (g, w, _, _) = D.doubles(sample)
        let marks: Set<Int> = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 40_000]
        let out = try D.stiefelDescent(g, w, eta: 0.05, tolerance: 1e-13, cap: 40_000, keep: { marks.contains($0) })
        return out.run.rows.map { ["\($0.k)", e($0.residual), String(format: "%.12f", $0.multiplier), String(format: "%.15f", $0.dual), String(format: "%.15f", $0.primal)] }
    }

    static let stiefelRates = Tabulation(
        "Λ-step dual descent by step size (X-step η' = 2η), 6×4 seed 1, from 0: tolerance 1e-10, cap 40000",
        columns: ["η (Λ-step)", "converged", "steps", "final residual", "observed rate", "max|Φ_K - Φ*|"]) { options in
        let sample = try D.sample(6, 4, 1, bits: 128)
        let (g, w, _, _) = D.doubles(sample)
        let star = DoubleMatrix(try D.stiefelSolve(sample.g, sample.w, bits: 128).phi)
        return try [0.0025, 0.005, 0.0125, 0.025, 0.05, 0.1].map { eta in
            let out = try D.stiefelDescent(g, w, eta: 2 * eta, tolerance: 1e-10, cap: 40_000)
            return ["\(eta)", out.run.converged ? "yes" : "no", "\(out.run.steps)", e(out.run.last.residual), e(out.run.rate),
                    e(try out.phi.maxAbsDifference(star))]
        }
    }
}
