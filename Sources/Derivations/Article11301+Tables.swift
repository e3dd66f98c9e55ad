import Foundation
import Symbolic

/// Context tables for `derive show` (computed on demand, never by `derive check`).
extension Article11301 {
    static func fmt(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return "\(x)" }
        return String(format: "%.\(digits)f", x)
    }

    static func tableSeed(_ options: CheckOptions, _ label: String) -> UInt64 {
        var rng = SplitMix64.derived(seed: options.seed, label: label)
        return rng.next()
    }

    /// Leading-order corrections to the Adam mean field in the fluctuation of v (the inventory's
    /// Extension, Gaussian noise, units σ²/B = 1): [E[m/√v] - MF, E[m²/v] - MF].
    static func adamCorrections(beta1 b1: Double, beta2 b2: Double, snr r: Double) -> (first: Double, second: Double) {
        let k = (1 - b1) / (1 + b1)
        let ev = r * r + 1, em2 = r * r + k
        let varV = (1 - b2) * (2 + 4 * r * r) / (1 + b2)
        let covM2V = 4 * r * r * (1 - b1) * (1 - b2) / (1 - b1 * b2) + 2 * (1 - b1) * (1 - b1) * (1 - b2) / (1 - b1 * b1 * b2)
        let covMV = 2 * r * (1 - b1) * (1 - b2) / (1 - b1 * b2)
        let second = -covM2V / (ev * ev) + em2 * varV / (ev * ev * ev)
        let first = -covMV / (2 * Foundation.pow(ev, 1.5)) + 3 * r * varV / (8 * Foundation.pow(ev, 2.5))
        return (first, second)
    }

    /// 11301.3, .26, .30: stationary Adam chains against the mean field.
    static let adamTable = Tabulation(
        "Stationary Adam (β₁ = 0.9, ε = 0), g̃ ~ N(r, 1): seeded chains (the checker's values) against the mean field; 'O(1-β₂)' is the Extension's leading-order gap",
        columns: ["β₂", "r", "E[m/√v] MC ± s.e.", "r/√(r²+1)", "gap", "O(1-β₂)", "E[m²/v] MC ± s.e.", "(r²+k)/(r²+1)", "gap", "O(1-β₂)", "√E[m²/v]"]) { options in
        var rows: [[String]] = []
        let b1 = 0.9, k = (1 - b1) / (1 + b1)
        for b2 in [0.95, 0.99, 0.999] {
            for r in [0.0, 0.5, 1, 2] {
                let s = EMABatchSizeSimulation.adamMoments(beta1: b1, beta2: b2, snr: r, seed: 11_301_003, cache: options.cache)
                let mf1 = r / (r * r + 1).squareRoot(), mf2 = (r * r + k) / (r * r + 1)
                let correction = adamCorrections(beta1: b1, beta2: b2, snr: r)
                rows.append([fmt(b2, 3), fmt(r, 1), "\(fmt(s[0])) ± \(fmt(s[2]))", fmt(mf1), fmt(s[0] - mf1), fmt(correction.first),
                             "\(fmt(s[1])) ± \(fmt(s[3]))", fmt(mf2), fmt(s[1] - mf2), fmt(correction.second), fmt(s[1].squareRoot())])
            }
        }
        return rows
    }

    /// 11301.32: RMSProp (β₁ = 0), E[g²/v] against the mean field 1.
    static let rmspropTable = Tabulation(
        "RMSProp (Adam with β₁ = 0, stationary chains, g̃ ~ N(r, 1)): E[g²/v] against the mean field 1",
        columns: ["β₂", "r", "E[g²/v] MC ± s.e.", "gap to 1"]) { options in
        var rows: [[String]] = []
        for b2 in [0.99, 0.999] {
            for r in [0.0, 1] {
                let s = EMABatchSizeSimulation.adamMoments(beta1: 0, beta2: b2, snr: r, seed: 11_301_032, cache: options.cache)
                rows.append([fmt(b2, 3), fmt(r, 1), "\(fmt(s[1])) ± \(fmt(s[3]))", fmt(s[1] - 1)])
            }
        }
        return rows
    }

    /// 11301.18: E[sign m_t] exactly, by simulation of the recursion, and in mean field.
    static let signTable = Tabulation(
        "SignSGDM, β₁ = 0.9, g̃ ~ N(r, 1): E[sign m_t] exactly (erf, t → ∞), by the EMA recursion (t = 200, 2·10⁴ runs), and mean field",
        columns: ["r", "erf(r/√(2k))", "MC ± s.e.", "z(MC - erf)", "r/√(r²+k)", "relative gap"]) { options in
        let b1 = 0.9, k = (1 - b1) / (1 + b1)
        return [0.05, 0.2, 0.5, 1, 2].map { r in
            let exact = Foundation.erf(r / (2 * k).squareRoot())
            let meanField = r / (r * r + k).squareRoot()
            guard let s = EMABatchSizeSimulation.signMomentum(beta1: b1, snr: r, steps: 200, replicates: 20_000,
                                                              seed: tableSeed(options, "11301.18/\(r)")) else { return [fmt(r, 2)] }
            // Every run gives +1 at high SNR: no spread, no z.
            let z = s.standardError > 0 ? fmt((s.mean - exact) / s.standardError, 2) : "—"
            return [fmt(r, 2), fmt(exact), "\(fmt(s.mean)) ± \(fmt(s.standardError))", z,
                    fmt(meanField), fmt((meanField - exact) / exact)]
        }
    }

    /// 11301.23: the Muon comparison.
    static let muonTable = Tabulation(
        "Muon with momentum (β₁ = 0.9, t = 200) against Muon at B' = B(1+β₁)/(1-β₁): 6×3 G, noise std 0.8, 2·10⁴ runs",
        columns: ["tr(E[msign M_t]ᵀG)", "tr(E[msign G̃_B']ᵀG)", "z", "largest entry |z|"]) { options in
        let v = EMABatchSizeSimulation.muonComparison(beta1: 0.9, noise: 0.8, steps: 200, replicates: 20_000, seed: 11_301_023,
                                                      cache: options.cache)
        return [[fmt(v[1]), fmt(v[2]), fmt(v[3], 2), fmt(v[0], 2)]]
    }

    /// 11301.46, .48: the η*(B) curve of Adam with a diagonal Hessian at β₁ = 0.9.
    static let surgeTable = Tabulation(
        "η*(B) at β₁ = 0.9, diagonal Hessian, in units Σ|g_i|/ΣH_ii (display #22); turning point by root finding of ∂η*/∂B: B/B_simple = "
            + ((try? EMABatchSizeLaws.rootTurningPoint(beta1: 0.9)).map { fmt($0, 6) } ?? "n/a") + " (closed form 1/17 = " + fmt(1.0 / 17, 6) + ")",
        columns: ["B/B_simple", "β", "η* Adam", "∂η*/∂B sign", "η* SignSGDM/Muon", "η* Adam β₁→1 (11301.34)"]) { _ in
        let b1 = 0.9
        let ratios = [0.001, 0.003, 0.01, 0.02, 0.04, 1.0 / 17, 0.08, 0.15, 0.3, 1, 3, 10, 100, 1000]
        let slope = Expr.derivative(EMABatchSizeLaws.etaOfBatch, EMABatchSizeLaws.batch.asSymbol)
        return ratios.map { ratio in
            var environment = Environment()
            environment[EMABatchSizeLaws.beta1.asSymbol.name] = .scalar(BigFloat(b1, precision: 128))
            environment[EMABatchSizeLaws.bSimple.asSymbol.name] = .scalar(BigFloat(1, precision: 128))
            environment[EMABatchSizeLaws.batch.asSymbol.name] = .scalar(BigFloat(ratio, precision: 128))
            let derivative = try? Evaluator(precision: 128, environment: environment).scalar(slope)
            // 1/17 is not a double: at the turning point the slope is zero up to rounding of B.
            let signText = derivative.map { d in
                Swift.abs(d.doubleValue) < 1e-12 ? "0 (turning)" : (d.sign > 0 ? "+ (rising)" : "− (falling)")
            } ?? "?"
            let label = Swift.abs(ratio - 1.0 / 17) < 1e-12 ? "1/17 = 0.0588" : fmt(ratio, ratio < 0.01 ? 3 : (ratio < 1 ? 3 : 0))
            return [label, fmt(EMABatchSizeLaws.beta(ratio: ratio)), fmt(EMABatchSizeLaws.adamDiagonalEta(beta1: b1, ratio: ratio)),
                    signText, fmt(EMABatchSizeLaws.signMomentumEta(beta1: b1, ratio: ratio)), fmt(1 / EMABatchSizeLaws.beta(ratio: ratio))]
        }
    }
}
