import Foundation
import Symbolic

/// Context tables for `derive show` (computed on demand, never by `derive check`).
extension Article11335 {
    static let tableSizes = [16, 32, 64, 128, 256, 512, 1024]

    /// Local order -log(e₂/e₁)/log(k₂/k₁) of an error sequence along k.
    static func localOrders(_ errors: [Double], _ ks: [Int]) -> [String] {
        errors.indices.map { i in
            guard i > 0, errors[i] > 0, errors[i - 1] > 0 else { return "" }
            return fmt(-Foundation.log(errors[i] / errors[i - 1]) / Foundation.log(Double(ks[i]) / Double(ks[i - 1])), 2)
        }
    }

    /// 11335.1: the brief's shapes, bidiagonal model against dense matrices.
    static let shapeTable = Tabulation(
        "E‖W‖₂ against √n+√m over shapes (bidiagonal model, 400 replicates; dense Golub–Kahan–Lanczos, 32 replicates, n ≤ 256)",
        columns: ["n", "m", "E‖W‖₂ (model)", "E‖W‖₂ (dense)", "√n+√m", "rel. error", "c(n)+c(m)", "z dense−model"]) { options in
        var rows: [[String]] = []
        for m in [32, 64, 128, 256] {
            for ratio in [1, 2, 4] {
                let n = ratio * m
                let seed = tableSeed(options, "11335.1/\(n)x\(m)")
                let model = gaussianStatistics(rows: n, columns: m, replicates: 400, seed: seed, smallest: false)[0]
                var denseText = "—", zText = "—"
                if n <= 256 {
                    let d = MonteCarlo.run(replicates: 32, seed: seed ^ 0xD, jobs: options.jobs,
                                           RandomMatrices.denseSimulation(rows: n, columns: m, law: .gaussian).replicate)[0]
                    denseText = fmtPM(d, 3)
                    zText = fmt((d.mean - model.mean) / (d.standardError * d.standardError + model.standardError * model.standardError).squareRoot(), 2)
                }
                let root = Double(n).squareRoot() + Double(m).squareRoot()
                rows.append(["\(n)", "\(m)", fmtPM(model, 3), denseText, fmt(root, 3), fmt(model.mean / root - 1, 4),
                             fmt(chiMean(n) + chiMean(m), 3), zText])
            }
        }
        return rows
    }

    /// 11335.5: the random ratio (‖Wv‖+‖uᵀW‖)/‖W‖₂ along k, and the exact m = 1 case.
    static let coreRatioTable = Tabulation(
        "(‖Wv‖+‖uᵀW‖)/‖W‖₂ for n = ak, m = k (200 replicates); m = 1 rows: exact mean 1 + E|u₁| = 1 + Γ(n/2)/(√π Γ((n+1)/2))",
        columns: ["a", "k", "mean ± s.e.", "sd", "exact (m = 1)"]) { options in
        var rows: [[String]] = []
        for ratio in [1, 2, 4, 8] {
            for k in [16, 64, 256, 1024] {
                let s = gaussianStatistics(rows: ratio * k, columns: k, replicates: 200, seed: tableSeed(options, "11335.5/\(ratio)/\(k)"),
                                           smallest: false)[Observable.halfSumRatio.rawValue]
                rows.append(["\(ratio)", "\(k)", fmtPM(s), fmt(s.standardDeviation), ""])
            }
        }
        for n in [1, 2, 4, 16, 256] {
            let s = gaussianStatistics(rows: n, columns: 1, replicates: 4000, seed: tableSeed(options, "11335.5/m1/\(n)"),
                                       smallest: false)[Observable.halfSumRatio.rawValue]
            let exact = 1 + Foundation.exp(Foundation.lgamma(Double(n) / 2) - Foundation.lgamma(Double(n + 1) / 2)) / Double.pi.squareRoot()
            rows.append(["n = \(n)", "m = 1", fmtPM(s), fmt(s.standardDeviation), fmt(exact)])
        }
        return rows
    }

    /// 11335.8, .15, .16: E σ₁ along k with √n+√m, c(n)+c(m) and the Tracy–Widom prediction.
    static let estimateTable = Tabulation(
        "E‖W‖₂ for n = ak, m = k (200 replicates, bidiagonal model); TW = √n+√m+½(n^{-1/2}+m^{-1/2})^{1/3}E[TW₁]",
        columns: ["a", "k", "E‖W‖₂", "√n+√m", "rel. error", "order", "c(n)+c(m)", "E‖W‖₂−c−c", "TW"]) { options in
        var rows: [[String]] = []
        for ratio in [1, 2, 4, 8] {
            var errors: [Double] = []
            var block: [[String]] = []
            for k in tableSizes {
                let (n, m) = (ratio * k, k)
                let s = gaussianStatistics(rows: n, columns: m, replicates: 200, seed: tableSeed(options, "11335.15/\(ratio)/\(k)"), smallest: false)[0]
                let root = Double(n).squareRoot() + Double(m).squareRoot()
                let chi = chiMean(n) + chiMean(m)
                errors.append(Swift.abs(s.mean / root - 1))
                block.append(["\(ratio)", "\(k)", fmtPM(s, 3), fmt(root, 3), fmt(s.mean / root - 1, 4), "", fmt(chi, 3),
                              fmt(s.mean - chi, 3), fmt(tracyWidomLargest(n, m), 3)])
            }
            for (i, order) in localOrders(errors, tableSizes).enumerated() { block[i][5] = order }
            rows += block
        }
        return rows
    }

    /// 11335.9: c(n) against √n.
    static let jensenTable = Tabulation(
        "Jensen gap √n − c(n) against 1/(4√n) (c(n) at 128 bits)",
        columns: ["n", "c(n)", "√n − c(n)", "1/(4√n)", "4√n(√n − c(n))"]) { _ in
        (0...20).map { p in
            let n = 1 << p
            let bits = 160
            let x = BigFloat(n, precision: bits)
            let half = BigFloat(1, precision: bits).timesPowerOfTwo(-1)
            let c = BigFloat(2, precision: bits).squareRoot() * (((x + BigFloat(1, precision: bits)) * half).lgamma() - (x * half).lgamma()).exp()
            let gap = x.squareRoot() - c
            let scaled = gap * BigFloat(4, precision: bits) * x.squareRoot()
            return ["\(n)", c.decimalString(digits: 12), gap.decimalString(digits: 8),
                    (BigFloat(1, precision: bits) / (BigFloat(4, precision: bits) * x.squareRoot())).decimalString(digits: 8),
                    scaled.decimalString(digits: 8)]
        }
    }

    /// 11335.17: the weighted least-squares extrapolation of E[σ₁/(√n+√m)].
    static let limitTable = Tabulation(
        "E[‖W‖₂/(√n+√m)] at k = 16…512 (150 replicates each) and the fit L + c₁k^{-2/3} + c₂k^{-4/3}",
        columns: ["a", "means ± s.e. (k = 16 … 512)", "L ± s.e.", "c₁", "c₂", "χ²/dof"]) { options in
        var rows: [[String]] = []
        for ratio in [1, 2, 4] {
            var rng = SplitMix64.derived(seed: options.seed, label: "11335.17/table/\(ratio)")
            guard let fit = try? ratioFit(a: ratio, b: 1, replicates: 150, seed: rng.next()) else {
                rows.append(["\(ratio)", "fit failed", "", "", "", ""])
                continue
            }
            let means = zip(fit.means, fit.errors).map { "\(fmt($0, 4))±\(fmt($1, 4))" }.joined(separator: ", ")
            rows.append(["\(ratio)", means, "\(fmt(fit.limit, 4)) ± \(fmt(fit.limitError, 4))", fmt(fit.fit.coefficients[1], 3),
                         fmt(fit.fit.coefficients[2], 3), "\(fmt(fit.fit.chiSquared, 2))/\(fit.fit.degreesOfFreedom)"])
        }
        return rows
    }

    /// 11335.19: the ratio for several entry laws, with max|W_ij| and, for Pareto, its exact mean.
    static let universalityTable = Tabulation(
        "E‖W‖₂/(√n+√m) for n = m = k, dense matrices (32 replicates); E max|W_ij|/(√n+√m) simulated, and exact for Pareto",
        columns: ["law", "k", "E‖W‖₂/(√n+√m)", "E max|W_ij|/(√n+√m)", "exact E max/(√n+√m)"]) { options in
        var rows: [[String]] = []
        let laws: [EntryLaw] = [.gaussian, .rademacher, .uniform, .pareto(alpha: 5), .pareto(alpha: 2.2)]
        for law in laws {
            for k in [8, 16, 32, 64, 128] {
                let s = MonteCarlo.run(replicates: 32, seed: tableSeed(options, "11335.19/\(law.name)/\(k)"), jobs: options.jobs,
                                       RandomMatrices.denseSimulation(rows: k, columns: k, law: law).replicate)
                var exactMax = ""
                if case let .pareto(alpha) = law {
                    exactMax = fmt(paretoExpectedMax(alpha: alpha, entries: k * k) / (2 * Double(k).squareRoot()), 3)
                }
                rows.append([law.name, "\(k)", fmtPM(s[1], 3), fmtPM(s[2], 3), exactMax])
            }
        }
        return rows
    }

    /// 11335.22: the three exchanged forms against σ_min for a tall and a square shape.
    static let exchangeTable = Tabulation(
        "Exchanged min/max against σ_min (seeded W at 256 bits)",
        columns: ["shape", "σ_min", "max_v min_u", "min_u max_v", "max_u min_v", "which change the value"]) { options in
        var rows: [[String]] = []
        for (n, m) in [(6, 4), (5, 5), (9, 2)] {
            let seed = tableSeed(options, "11335.22/\(n)x\(m)")
            do {
                let t = try SeededTriple(seed: seed, rows: n, columns: m, bits: 256)
                let values = try [SeededQuantity.smallestByEigen, .positionsExchanged, .objectsExchanged, .bothExchanged].map { q throws(EvaluationError) in
                    try evaluate(q, t)
                }
                let sigma = values[0]
                let tolerance = BigFloat(1, precision: 256).timesPowerOfTwo(-200)
                let changed = zip(["positions", "objects", "both"], values.dropFirst()).filter { ($0.1 - sigma).magnitude > tolerance }.map(\.0)
                rows.append(["\(n)×\(m)"] + values.map { $0.decimalString(digits: 10) } + [changed.joined(separator: ", ")])
            } catch {
                rows.append(["\(n)×\(m)", "error: \(error)", "", "", "", ""])
            }
        }
        return rows
    }

    /// 11335.23, .25: σ_min along k with √n−√m, c(n)−c(m) and Tracy–Widom; the half-difference ratio.
    static let sigmaMinTable = Tabulation(
        "E σ_min for n = ak, m = k (200 replicates); TW = √n−√m−½(m^{-1/2}−n^{-1/2})^{1/3}E[TW₁]; a = 1: √n·E σ_min",
        columns: ["a", "k", "E σ_min", "√n−√m", "rel. error", "order", "c(n)−c(m)", "TW", "(‖Wv‖−‖uᵀW‖)/σ_min", "sd"]) { options in
        var rows: [[String]] = []
        for ratio in [2, 4, 8, 1] {
            var errors: [Double] = []
            var block: [[String]] = []
            for k in tableSizes {
                let (n, m) = (ratio * k, k)
                let all = gaussianStatistics(rows: n, columns: m, replicates: 200, seed: tableSeed(options, "11335.25/\(ratio)/\(k)"), smallest: true)
                let s = all[Observable.sigmaMin.rawValue]
                let h = all[Observable.halfDifferenceRatio.rawValue]
                let root = Double(n).squareRoot() - Double(m).squareRoot()
                if ratio == 1 {
                    block.append(["1", "\(k)", fmtPM(s, 5), "0", "√n·E = \(fmt(s.mean * Double(n).squareRoot(), 3))", "", "0", "", "", ""])
                } else {
                    errors.append(Swift.abs(s.mean / root - 1))
                    block.append(["\(ratio)", "\(k)", fmtPM(s, 3), fmt(root, 3), fmt(s.mean / root - 1, 4), "", fmt(chiMean(n) - chiMean(m), 3),
                                  fmt(tracyWidomSmallest(n, m), 3), fmtPM(h, 4), fmt(h.standardDeviation, 3)])
                }
            }
            if ratio != 1 { for (i, order) in localOrders(errors, tableSizes).enumerated() { block[i][5] = order } }
            rows += block
        }
        return rows
    }
}
