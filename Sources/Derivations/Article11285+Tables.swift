import Foundation
import Symbolic

/// Context tables for `derive show` (computed on demand, never by `derive check`).
extension Article11285 {
    static func fmt(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)g", x) }

    /// Singular values of the seeded Gaussian n×m matrix a table uses as G.
    static func tableSingularValues(_ options: CheckOptions, rows: Int, columns: Int, label: String) -> [Double] {
        var rng = SplitMix64.derived(seed: options.seed, label: label)
        guard let g = try? DoubleMatrix.gaussian(rows: rows, columns: columns, seed: rng.next()),
              let values = try? g.singularValues() else { return [] }
        return values
    }

    /// 11285.8 / 11285.19: the Monte Carlo first moment of msign against the mean field.
    static let monteCarloTable = Tabulation(
        "E[msign(G̃_B)] by Monte Carlo (3·10⁴ antithetic pairs) against the mean field M = G(GᵀG + cI)^{-1/2}, c = nσ²/B; η*/η_max = tr(E[Φ̃]ᵀG)/‖G‖_*",
        columns: ["n×m", "B_simple/B", "‖MC − M‖_F/‖M‖_F", "MC noise", "‖M − msign G‖_F/‖msign G‖_F",
                  "η*/η_max MC", "mean field", "(1+B_simple/B)^{-1/2}", "gap MF", "gap isotropic"]) { options in
        var rows: [[String]] = []
        for (n, m) in [(6, 3), (4, 4), (8, 2)] {
            let s = tableSingularValues(options, rows: n, columns: m, label: "11285.8/table/\(n)x\(m)")
            guard s.count == m else { continue }
            let total = s.reduce(0) { $0 + $1 * $1 }
            let nuclear = s.reduce(0, +)
            for level in [0.001, 0.01, 0.1, 1, 10] {
                let c = level * total / Double(m)
                var rng = SplitMix64.derived(seed: options.seed, label: "11285.8/table/\(n)x\(m)/\(level)")
                let moment = MuonMeanField.firstMoment(singularValues: s, rows: n, noiseSD: (c / Double(n)).squareRoot(),
                                                       pairs: MuonMeanField.defaultPairs, seed: rng.next(), jobs: options.jobs)
                let meanField = MuonMeanField.meanField(singularValues: s, rows: n, c: c)
                let scale = MuonMeanField.frobenius(meanField)
                let distance = MuonMeanField.frobenius(zip(moment.mean, meanField).map { $0 - $1 }) / scale
                let floor = MuonMeanField.frobenius(moment.standardErrors) / scale
                let shift = (0..<m).map { i in meanField[i * m + i] - 1 }
                let mfRatio = (0..<m).map { i in s[i] * s[i] / (s[i] * s[i] + c).squareRoot() }.reduce(0, +) / nuclear
                let isotropic = 1 / (1 + level).squareRoot()
                let mc = moment.ratio.mean
                rows.append(["\(n)×\(m)", fmt(level, 3), fmt(distance, 3), fmt(floor, 2), fmt(MuonMeanField.frobenius(shift) / Double(m).squareRoot(), 3),
                             "\(fmt(mc, 6)) ± \(fmt(moment.ratio.standardError, 2))", fmt(mfRatio, 6), fmt(isotropic, 6),
                             String(format: "%+.2f%%", 100 * (mfRatio - mc) / mc), String(format: "%+.2f%%", 100 * (isotropic - mc) / mc)])
            }
        }
        return rows
    }

    /// 11285.12: the isotropic replacement along B_simple/B, in the singular basis of G.
    static let isotropicTable = Tabulation(
        "msign(G)(I + c(GᵀG)^{-1})^{-1/2} against msign(G)(1 + B_simple/B)^{-1/2}: relative Frobenius gap (Gaussian G, and G = sQ)",
        columns: ["n×m", "B_simple/B", "relative gap", "gap·B/B_simple", "equal singular values"]) { options in
        var rows: [[String]] = []
        for (n, m) in [(6, 3), (4, 4), (8, 2)] {
            let s = tableSingularValues(options, rows: n, columns: m, label: "11285.12/table/\(n)x\(m)")
            guard s.count == m else { continue }
            let total = s.reduce(0) { $0 + $1 * $1 }
            for level in [0.01, 0.1, 1, 10, 100] {
                let c = level * total / Double(m)
                let beta = 1 / (1 + level).squareRoot()
                let gap = (s.map { 1 / (1 + c / ($0 * $0)).squareRoot() - beta }.reduce(0) { $0 + $1 * $1 }).squareRoot() / (beta * Double(m).squareRoot())
                // G = sQ: every singular value is √(tr(GᵀG)/m), so the two sides coincide.
                let equal = (total / Double(m)).squareRoot()
                let exact = Swift.abs(1 / (1 + c / (equal * equal)).squareRoot() - beta) / beta
                rows.append(["\(n)×\(m)", fmt(level, 3), fmt(gap, 4), fmt(gap / level, 4), fmt(exact, 2)])
            }
        }
        return rows
    }
}
