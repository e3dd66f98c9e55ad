import Symbolic

/// Draws for the norm approximations of 11267 (displays #11, #12): per coordinate μ_i ~ N(0, 0.3²),
/// σ_i ~ U(0.5, 1.5), Gaussian gradients g ~ N(μ, σ²), and the stationary momentum, which for
/// Gaussian gradients is exactly N(μ, kσ²) with k = (1-β₁)/(1+β₁) (Σa = 1, Σa² = k).
enum MomentumConcentration {
    struct Draw {
        var muSquared = 0.0, sigmaSquared = 0.0, mSquared = 0.0, gSquared = 0.0
    }

    /// One draw of d coordinates: sums of μ², σ², m_t² and g_t², with m_t = β₁m_{t-1} + (1-β₁)g_t
    /// and m_{t-1} stationary and independent of g_t.
    static func draw(dimension d: Int, beta1: Double, _ rng: inout SplitMix64) -> Draw {
        var normal = GaussianSampler(rng)
        let k = (1 - beta1) / (1 + beta1)
        var sums = Draw()
        for _ in 0..<d {
            let mu = 0.3 * normal.next()
            let sigma = 0.5 + normal.generator.nextUnit()
            let previous = mu + sigma * k.squareRoot() * normal.next()
            let g = mu + sigma * normal.next()
            let m = beta1 * previous + (1 - beta1) * g
            sums.muSquared += mu * mu
            sums.sigmaSquared += sigma * sigma
            sums.mSquared += m * m
            sums.gSquared += g * g
        }
        rng = normal.generator
        return sums
    }

    static func k(_ beta1: Double) -> Double { (1 - beta1) / (1 + beta1) }

    /// Draws of d coordinates at β₁ = `beta1`: the observed side picked by `observe`, with the
    /// draw's ‖μ‖, ‖σ‖ and β₁ bound to the symbols the article's right side is written in.
    static func sample(beta1: Double, normMu: Symbol, normSigma: Symbol, beta: Symbol,
                       observe: @escaping @Sendable (Draw) -> Double) -> ScalingClaim.Sample {
        { d, rng in
            let s = draw(dimension: d, beta1: beta1, &rng)
            return (observe(s), [normMu: s.muSquared.squareRoot(), normSigma: s.sigmaSquared.squareRoot(), beta: beta1])
        }
    }
}
