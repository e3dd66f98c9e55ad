import Foundation
import Symbolic
import Testing
@testable import Derivations

struct WeightRMSTests {
    /// AdamW at μ = 0 and small ηλ against the exact stationary value √(C_Adam η/(2λ)) (Extension
    /// E1), with C_Adam estimated independently from sampled ũ_t; and against the mean-field √(η/2λ).
    @Test func stationaryWeightRMSMatchesExactConstant() {
        // ηλ = 10⁻³ (η = 10⁻², λ = 0.1), T = 10⁴ = 10/(ηλ), θ_t² averaged over (T/2, T].
        let r = WeightRMSSimulation.script([0, 0.01, 0.1, 10_000, 0, 0.1, 1000, 7], cache: nil)
        let rms = r[1].squareRoot(), se = r[3] / (2 * rms)
        let tuc = WeightRMSSimulation.tuc([1000, 4000, 400, 11_307_057], cache: nil)
        let cAdam = tuc[3]
        let exact = (cAdam * 0.01 / 0.2).squareRoot()
        // Finite ηλ lowers ‖θ‖² by ≈ 9ηλ relative (E3), ≈ 0.45 % in RMS here: allow 1 % plus 4 σ.
        #expect(abs(rms - exact) / exact < 0.01 + 4 * se / exact, "simulated \(rms) ± \(se), exact-limit \(exact)")
        #expect(abs(cAdam - 0.9801) < 0.01, "C_Adam \(cAdam) vs the inventory's 0.9801 ± 0.0006")
    }

    /// Same seed, same result; another seed, another result.
    @Test func simulationsAreReproducible() {
        let a = MonteCarlo.run(replicates: 100, seed: 5, jobs: 1) { rng in
            WeightRMSSimulation.coordinate(&rng, sign: false, eta: 0.01, lambda: 0.1, steps: 500, mean: 0, theta0: 0.1)
        }
        let b = MonteCarlo.run(replicates: 100, seed: 5, jobs: 2) { rng in
            WeightRMSSimulation.coordinate(&rng, sign: false, eta: 0.01, lambda: 0.1, steps: 500, mean: 0, theta0: 0.1)
        }
        let c = MonteCarlo.run(replicates: 100, seed: 6, jobs: 2) { rng in
            WeightRMSSimulation.coordinate(&rng, sign: false, eta: 0.01, lambda: 0.1, steps: 500, mean: 0, theta0: 0.1)
        }
        #expect(a == b)
        #expect(a != c)
    }

    /// C_sign by its series against Monte Carlo sums of E[sign(m₀) sign(m_k)] for |k| ≤ 150
    /// (β₁^150 ≈ 10⁻⁷), and against the inventory's value.
    @Test func signConstantMatchesMonteCarlo() throws {
        let bits = 128
        let series = try WeightRMSConstants.signConstant.evaluate([BigFloat(0.9, precision: bits)], precision: bits, cache: nil).doubleValue
        #expect(abs(series - 13.278868699399942847) < 1e-12)
        let lags = 150
        let statistics = MonteCarlo.run(replicates: 4000, seed: 21, jobs: 2) { rng in
            var normal = GaussianSampler(rng)
            var m = 0.0
            for _ in 0..<200 { m = 0.9 * m + 0.1 * normal.next() }
            let s0: Double = m > 0 ? 1 : -1
            var total = 1.0
            for _ in 0..<lags {
                m = 0.9 * m + 0.1 * normal.next()
                total += 2 * s0 * (m > 0 ? 1 : -1)
            }
            rng = normal.generator
            return [total]
        }
        let estimate = try #require(statistics.first)
        #expect(abs(estimate.mean - series) < 4 * estimate.standardError,
                "Monte Carlo \(estimate.mean) ± \(estimate.standardError), series \(series)")
    }

    /// E[g_t²/v_{t+j}] by quadrature against the lag averages of the TUC simulation and the
    /// inventory's values.
    @Test func lagMomentsMatchSimulation() throws {
        let tuc = WeightRMSSimulation.tuc([1000, 4000, 400, 11_307_057], cache: nil)
        let count = 5 + WeightRMSSimulation.tucLags + 1
        for (lag, quoted) in [(0, 0.9560), (1, 0.9601), (5, 0.9749), (20, 1.0135), (100, 1.0515)] {
            let exact = try WeightRMSConstants.lagMoment(beta2: BigFloat(0.95, precision: 80), lag: lag, bits: 80).doubleValue
            #expect(abs(exact - quoted) < 6e-5, "lag \(lag): \(exact) vs \(quoted)")
            guard lag <= WeightRMSSimulation.tucLags else { continue }
            let (mean, se) = (tuc[5 + lag], tuc[count + 5 + lag])
            #expect(abs(mean - exact) < 4 * se, "lag \(lag): simulated \(mean) ± \(se), exact \(exact)")
        }
        let inverse = try WeightRMSConstants.lagMoment(beta2: BigFloat(0.95, precision: 80), lag: -1, bits: 80).doubleValue
        #expect(abs(inverse - 1.0522) < 6e-5)
    }
}
