import Symbolic

extension Article11388 {
    /// 11388.28 per seed and shape: the synchronous scheme's residual at two η₁ (η₂ = 0.2).
    static let stiefelTrainingSeeds = Tabulation(
        "Synchronous X-update per seed (η₂ = 0.2, horizon 0.3): mean residual over the second half, and the largest residual on the path",
        columns: ["n×m", "seed", "η₁ = 0.0025", "η₁ = 0.000625", "ratio", "max residual (η₁ = 0.000625)"]) { _ in
        var rows: [[String]] = []
        for (r, c) in [(6, 4), (8, 4)] {
            for seed in 1...4 {
                let sample = try D.sample(r, c, seed, bits: 128)
                let (g, w, _, _) = D.doubles(sample)
                let coarse = try D.stiefelTraining(w0: w, a: g, eta1: 0.0025, eta2: 0.2, horizon: 0.3)
                let fine = try D.stiefelTraining(w0: w, a: g, eta1: 0.000625, eta2: 0.2, horizon: 0.3)
                rows.append(["\(r)×\(c)", "\(seed)", e(coarse.meanResidual), e(fine.meanResidual), e(coarse.meanResidual / fine.meanResidual),
                             e(fine.trace.map(\.1).max() ?? .nan)])
            }
        }
        return rows
    }
}
