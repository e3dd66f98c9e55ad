import Symbolic
import Testing
@testable import Derivations

struct AdamStationaryMomentsTests {
    /// The quadrature formula against a direct simulation of the recursion: two independent
    /// routes to E[m²/v] must agree within the Monte Carlo error.
    @Test(arguments: [(0.9, 0.95, 0.0), (0.8, 0.99, 0.3)])
    func exactMomentMatchesSimulation(beta1: Double, beta2: Double, mean: Double) throws {
        let bits = 96
        let exact = try AdamStationaryMoments.secondMoment(beta1: BigFloat(beta1, precision: bits), beta2: BigFloat(beta2, precision: bits),
                                                           mu: BigFloat(mean, precision: bits), bits: bits).doubleValue
        let statistics = MonteCarlo.run(replicates: 20_000, seed: 11, jobs: 2,
                                        AdamSimulation.stationaryUpdate(burnIn: 1200, beta1: beta1, beta2: beta2, mean: mean).replicate)
        let estimate = try #require(statistics.first)
        let z = (estimate.mean - exact) / estimate.standardError
        #expect(abs(z) < 4, "exact \(exact), simulated \(estimate.mean) ± \(estimate.standardError)")
    }

    @Test func monteCarloIsIndependentOfThreadCount() {
        let simulation = AdamSimulation.stationaryUpdate(burnIn: 50, beta1: 0.9, beta2: 0.95)
        let one = MonteCarlo.run(replicates: 1000, seed: 3, jobs: 1, simulation.replicate)
        let four = MonteCarlo.run(replicates: 1000, seed: 3, jobs: 4, simulation.replicate)
        #expect(one == four)
        let other = MonteCarlo.run(replicates: 1000, seed: 4, jobs: 2, simulation.replicate)
        #expect(one != other)
    }
}
