import Foundation
import Symbolic

/// The article's random procedures as seeded Swift code (11390).
enum MaximumSimulations {
    /// `z = np.random.randn(rows, n); z.max(axis=1)`: one replicate is one row's maximum.
    static func rowMaximum(n: Int) -> Simulation {
        Simulation("max of \(n) normals", summary: "one row of \(n) standard normals; observable: its maximum") { rng in
            var sampler = GaussianSampler(rng)
            var best = -Double.infinity
            for _ in 0..<n { best = Swift.max(best, sampler.next()) }
            rng = sampler.generator
            return [best]
        }
    }

    /// `proba_of_multi_max`: rows of n float32 normals cast to bfloat16 (RNE); a row counts when
    /// its maximum occurs more than once. One replicate is a batch of rows; observable: the
    /// fraction of such rows (its mean over batches is the script's p / T).
    static func duplicateMaximum(n: Int, rowsPerReplicate: Int) -> Simulation {
        Simulation("bf16 duplicate max, n = \(n)",
                   summary: "\(rowsPerReplicate) rows of \(n) float32 normals rounded to bf16; fraction of rows whose maximum repeats") { rng in
            var sampler = GaussianSampler(rng)
            var hits = 0
            for _ in 0..<rowsPerReplicate {
                var best = -Double.infinity
                var count = 0
                for _ in 0..<n {
                    // JAX draws float32 normals, then `.astype('bfloat16')` rounds them.
                    let x = BFloat16.round(Double(Float(sampler.next())))
                    if x > best { best = x; count = 1 } else if x == best { count += 1 }
                }
                if count > 1 { hits += 1 }
            }
            rng = sampler.generator
            return [Double(hits) / Double(rowsPerReplicate)]
        }
    }

    /// 1[max of n draws ≤ x] - F(x)^n for a sampler with CDF F: its mean is 0 exactly when the
    /// CDF of the maximum is Fⁿ (11390.18, 11390.20).
    static func maximumCDF(_ name: String, n: Int, at x: Double, cdf: Double,
                           draw: @escaping @Sendable (inout GaussianSampler) -> Double) -> Simulation {
        let target = Foundation.pow(cdf, Double(n))
        return Simulation("P(max ≤ \(x)) - F^n, \(name), n = \(n)",
                          summary: "\(n) i.i.d. \(name) draws; observable 1[max ≤ \(x)] - F(\(x))^\(n)") { rng in
            var sampler = GaussianSampler(rng)
            var best = -Double.infinity
            for _ in 0..<n { best = Swift.max(best, draw(&sampler)) }
            rng = sampler.generator
            return [(best <= x ? 1 : 0) - target]
        }
    }

    /// Uniform on [0, 1) from the sampler's generator.
    static func uniform(_ s: inout GaussianSampler) -> Double { s.generator.nextUnit() }
    static func exponential(_ s: inout GaussianSampler) -> Double { -Foundation.log1p(-s.generator.nextUnit()) }
    /// Poisson(λ) by inversion.
    static func poisson(_ lambda: Double) -> @Sendable (inout GaussianSampler) -> Double {
        { s in
            let u = s.generator.nextUnit()
            var k = 0
            var p = Foundation.exp(-lambda)
            var cumulative = p
            while u >= cumulative && k < 1000 {
                k += 1
                p *= lambda / Double(k)
                cumulative += p
            }
            return Double(k)
        }
    }
}
