import Symbolic

/// Seeded Double-precision simulations of Adam-type optimizers on i.i.d. Gaussian gradients.
/// Coordinates are independent under this model, so each is simulated on its own (no arrays).
enum AdamSimulation {
    /// The script of 11267 (数值模拟): N coordinates, T steps of m, v without bias correction,
    /// ε = 0, then sqrt(mean(u²)). One replicate is one run of the script; returns [RMS].
    static func updateRMSScript(coordinates: Int, steps: Int, beta1: Double, beta2: Double, mean: Double = 0) -> Simulation {
        Simulation("adam-update-rms",
                   summary: "\(coordinates) coordinates, \(steps) steps, β₁ = \(beta1), β₂ = \(beta2), g ~ N(\(mean), 1); RMS of m/√v") { rng in
            var normal = GaussianSampler(rng)
            var sumOfSquares = 0.0
            for _ in 0..<coordinates {
                var m = 0.0, v = 0.0
                for _ in 0..<steps {
                    let g = mean + normal.next()
                    m = beta1 * m + (1 - beta1) * g
                    v = beta2 * v + (1 - beta2) * g * g
                }
                sumOfSquares += m * m / v
            }
            rng = normal.generator
            return [(sumOfSquares / Double(coordinates)).squareRoot()]
        }
    }

    /// One coordinate after `burnIn` steps: returns [u², u] of u = m/√v (stationary when burnIn ≫ 1/(1-β₂)).
    static func stationaryUpdate(burnIn: Int, beta1: Double, beta2: Double, mean: Double = 0) -> Simulation {
        Simulation("adam-stationary-update", summary: "one coordinate after \(burnIn) steps, β₁ = \(beta1), β₂ = \(beta2), g ~ N(\(mean), 1)") { rng in
            var normal = GaussianSampler(rng)
            var m = 0.0, v = 0.0
            for _ in 0..<burnIn {
                let g = mean + normal.next()
                m = beta1 * m + (1 - beta1) * g
                v = beta2 * v + (1 - beta2) * g * g
            }
            rng = normal.generator
            let u = m / v.squareRoot()
            return [u * u, u]
        }
    }
}
