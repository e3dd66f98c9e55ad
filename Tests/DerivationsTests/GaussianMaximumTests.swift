import Foundation
import Symbolic
import Testing
@testable import Derivations

/// The native E[z_max] of 11390 against independent routes: closed forms, the CDF-form
/// quadrature, a plain log-free evaluation of the integrand, and seeded Monte Carlo.
/// (Seeded random inputs stand in for PropertyBased generators, which this test target does
/// not depend on.)
struct GaussianMaximumTests {
    static let bits = 128

    static func randomInputs(_ count: Int, seed: UInt64, _ draw: (inout SplitMix64) -> Double) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in draw(&rng) }
    }

    /// E[max of 2] = 1/√π and E[max of 3] = 3/(2√π), by both routes.
    @Test func closedFormsAtTwoAndThree() throws {
        let pi = BigFloat.pi(precision: Self.bits)
        let expected = [(2, BigFloat(1, precision: Self.bits) / pi.squareRoot()),
                        (3, BigFloat(3, precision: Self.bits) / (BigFloat(2, precision: Self.bits) * pi.squareRoot()))]
        for (n, value) in expected {
            let density = try GaussianMaximum.expectedMaximum(n: BigFloat(n, precision: Self.bits), bits: Self.bits)
            let cdf = try GaussianMaximum.expectedMaximumByCDF(n: BigFloat(n, precision: Self.bits), bits: Self.bits)
            #expect(agreementDigits(.scalar(density), .scalar(value), capBits: Self.bits) >= 35, "n = \(n): \(density)")
            #expect(agreementDigits(.scalar(cdf), .scalar(value), capBits: Self.bits) >= 35, "n = \(n): \(cdf)")
        }
    }

    /// Density route (split at the Laplace mode) = CDF route (split at nQ(z₀) = 1) for random n
    /// up to 10³⁰, including non-integer n.
    @Test(arguments: randomInputs(6, seed: 11390) { rng in Foundation.exp(Foundation.log(2) + rng.nextUnit() * Foundation.log(5e29)) })
    func densityAndCDFRoutesAgree(n: Double) throws {
        let bits = 96
        let a = try GaussianMaximum.expectedMaximum(n: BigFloat(n, precision: bits), bits: bits)
        let b = try GaussianMaximum.expectedMaximumByCDF(n: BigFloat(n, precision: bits), bits: bits)
        #expect(agreementDigits(.scalar(a), .scalar(b), capBits: bits) >= 25, "n = \(n): \(a) vs \(b)")
    }

    /// The log-space integrand equals log(n Φ^{n-1} φ) computed directly where that is safe.
    @Test(arguments: randomInputs(20, seed: 7) { rng in rng.nextUnit() })
    func logDensityMatchesDirectForm(u: Double) throws {
        let bits = 160
        let n = BigFloat(2 + Int(u * 500), precision: bits)
        let z = BigFloat(-3 + 9 * u.squareRoot(), precision: bits)
        let size = try GaussianMaximum.Size(n, bits: bits, node: "test")
        let direct = (n * NormalDistribution.cdf(z).pow(n - BigFloat(1, precision: bits)) * NormalDistribution.pdf(z)).log()
        #expect(agreementDigits(.scalar(size.logDensity(z)), .scalar(direct), capBits: bits) >= 40)
    }

    /// The mode solves eq:z and Φ⁻¹(n/(n+1)) in tail form matches the plain quantile.
    @Test(arguments: [2, 5, 50, 4096, 1_000_000])
    func modeAndQuantile(n: Int) throws {
        let bits = 160
        let nn = BigFloat(n, precision: bits)
        let z = try GaussianMaximum.mode(n: nn, bits: bits)
        let one = BigFloat(1, precision: bits)
        let rhs = ((nn - one) / (z * NormalDistribution.cdf(z) * (BigFloat.pi(precision: bits).timesPowerOfTwo(1)).squareRoot())).log()
            .timesPowerOfTwo(1).squareRoot()
        #expect(agreementDigits(.scalar(z), .scalar(rhs), capBits: bits) >= 40)
        let tail = try GaussianMaximum.upperQuantile(one / (nn + one), bits: bits)
        let plain = try NormalDistribution.quantile(nn / (nn + one))
        #expect(agreementDigits(.scalar(tail), .scalar(plain), capBits: bits) >= 35)
    }

    /// 11390.6 at every n = 3…100: the refined estimate is closer.
    @Test func refinedEstimateIsCloserForSmallN() throws {
        let bits = 64
        for n in 3...100 {
            let nn = BigFloat(n, precision: bits)
            let e = try GaussianMaximum.expectedMaximum(n: nn, bits: bits)
            let plain = nn.log().timesPowerOfTwo(1).squareRoot()
            let refined = (nn.log() - GaussianMaximum.halfLogTwoPi(bits)).timesPowerOfTwo(1).squareRoot()
            #expect((e - refined).magnitude < (e - plain).magnitude, "n = \(n)")
        }
    }

    /// Seeded rows of 10 normals against the quadrature mean.
    @Test func monteCarloAgreesAtTen() throws {
        let exact = try GaussianMaximum.expectedMaximum(n: BigFloat(10, precision: 64), bits: 64).doubleValue
        let statistics = MonteCarlo.run(replicates: 40_000, seed: 5, jobs: 2, MaximumSimulations.rowMaximum(n: 10).replicate)
        let estimate = try #require(statistics.first)
        #expect(abs(estimate.mean - exact) < 4 * estimate.standardError, "exact \(exact), simulated \(estimate.mean)")
    }

    /// The exact bf16 duplicate probability against the script's simulation at n = 128, and its
    /// invariance under σ → 2σ (the bf16 grid is scale-invariant by powers of two).
    @Test func duplicateProbability() throws {
        let bits = 64
        let n = BigFloat(128, precision: bits)
        let exact = try DuplicateMaximum.bf16Probability(n: n, mu: BigFloat(0), sigma: BigFloat(1), bits: bits)
        let doubled = try DuplicateMaximum.bf16Probability(n: n, mu: BigFloat(0), sigma: BigFloat(2), bits: bits)
        #expect(agreementDigits(.scalar(exact), .scalar(doubled), capBits: bits) >= 15)
        let statistics = MonteCarlo.run(replicates: 300, seed: 9, jobs: 2,
                                        MaximumSimulations.duplicateMaximum(n: 128, rowsPerReplicate: 100).replicate)
        let estimate = try #require(statistics.first)
        #expect(abs(estimate.mean - exact.doubleValue) < 4 * estimate.standardError)
    }

    /// The reusable tanh-sinh rule on a known integral and on a piece worth 10⁻⁴⁰ of a total.
    @Test func tanhSinhRule() {
        let bits = 128
        var rule = TanhSinhRule(precision: bits)
        let one = BigFloat(1, precision: bits)
        let epsilon = one.timesPowerOfTwo(-bits + 4)
        let r = rule.integrate(from: BigFloat(0, precision: bits), to: one, absoluteTolerance: BigFloat(0), relativeTolerance: epsilon) { $0.exp() }
        #expect(r.converged)
        #expect(agreementDigits(.scalar(r.value), .scalar(one.exp() - one), capBits: bits) >= 35)
        let tiny = rule.integrate(from: BigFloat(10, precision: bits), to: BigFloat(12, precision: bits),
                                  absoluteTolerance: epsilon, relativeTolerance: epsilon) { x in (-(x * x)).exp() }
        #expect(tiny.converged && tiny.levels <= 4)
    }
}
