import Foundation
import PropertyBased
import Symbolic
import Testing
@testable import Derivations

/// The native pieces of 11280: the Gaussian E[sign] closed form against seeded Monte Carlo,
/// eq:eta-opt against a direct minimisation of the quadratic model, the Surge critical batch
/// size against a direct maximisation of eq:eta-opt-sign, and the critical-point solver.
struct MeanFieldBatchSizeTests {
    typealias M = MeanFieldOptimizers

    @Test func expectedSignMatchesMonteCarlo() async {
        await propertyCheck(count: 12, input: Gen.double(in: -2...2), Gen.double(in: 0.3...2)) { mean, sd in
            let seed = UInt64(bitPattern: Int64((mean * 1e6).rounded())) ^ UInt64((sd * 1e6).rounded())
            let estimate = M.expectedSignMonteCarlo(mean: mean, sd: sd, draws: 200_000, seed: seed)
            let exact = M.expectedSign(mean: mean, sd: sd)
            // 5 standard errors of the mean of ±1 draws, from the exact variance 1 - E[sign]²: the
            // sample standard error is 0 when a rare sign never occurs (mean 2, sd 0.3).
            let standardError = ((1 - exact * exact) / 200_000).squareRoot()
            #expect(Swift.abs(estimate.mean - exact) < 5 * standardError + 1e-12,
                    "E[sign] at N(\(mean), \(sd)²): MC \(estimate.mean) ± \(estimate.standardError), erf \(exact)")
        }
    }

    /// Seeded random n-vectors and SPD matrices for the quadratic model.
    static func instance(_ seed: UInt64, n: Int) -> (a: [Double], g: [Double], c: [Double], h: [Double]) {
        var normal = GaussianSampler(SplitMix64(seed: seed))
        let a = (0..<n).map { _ in normal.next() }, g = (0..<n).map { _ in normal.next() }
        let m = (0..<(n * n)).map { _ in normal.next() }, k = (0..<(n * n)).map { _ in normal.next() }
        var c = [Double](repeating: 0, count: n * n), h = c
        for i in 0..<n {
            for j in 0..<n {
                var cm = a[i] * a[j], hk = i == j ? 1.0 : 0.0
                for l in 0..<n {
                    cm += m[i * n + l] * m[j * n + l]
                    hk += k[i * n + l] * k[j * n + l]
                }
                c[i * n + j] = cm
                h[i * n + j] = hk
            }
        }
        return (a, g, c, h)
    }

    /// Golden-section minimum of a unimodal f on [lo, hi].
    static func goldenMinimum(_ lo: Double, _ hi: Double, _ f: (Double) -> Double) -> Double {
        let ratio = (5.0.squareRoot() - 1) / 2
        var (a, b) = (lo, hi)
        for _ in 0..<200 {
            let x1 = b - ratio * (b - a), x2 = a + ratio * (b - a)
            if f(x1) < f(x2) { b = x2 } else { a = x1 }
        }
        return (a + b) / 2
    }

    @Test func optimalLearningRateMinimisesTheQuadraticModel() async {
        await propertyCheck(count: 20, input: Gen.double(in: 0...1e9)) { seed in
            let (a, g, c, h) = Self.instance(UInt64(seed), n: 5)
            let closed = M.optimalLearningRate(a: a, g: g, c: c, h: h)
            let width = 10 * Swift.abs(closed) + 1
            let direct = Self.goldenMinimum(-width, width) { M.quadraticModel($0, a: a, g: g, c: c, h: h) }
            #expect(Swift.abs(direct - closed) < 1e-6 * (1 + Swift.abs(closed)), "η*: closed \(closed), direct \(direct)")
        }
    }

    @Test func surgeCriticalBatchMaximisesTheLearningRate() async {
        await propertyCheck(count: 20, input: Gen.double(in: 0.5...5), Gen.double(in: 1.2...10), Gen.double(in: 0.5...50)) { hd, factor, bSimple in
            let sOff = factor * hd  // S_off > H_d, so β* ∈ (0, 1)
            let eta = { (b: Double) in 1 / (hd * (1 + bSimple / b).squareRoot() + sOff / (1 + bSimple / b).squareRoot()) }
            let critical = bSimple * hd / (sOff - hd)
            // Maximise over log B (unimodal in B).
            let logB = Self.goldenMinimum(Foundation.log(critical) - 12, Foundation.log(critical) + 12) { -eta(Foundation.exp($0)) }
            #expect(Swift.abs(Foundation.exp(logB) / critical - 1) < 1e-5, "B_crit \(critical), direct \(Foundation.exp(logB))")
        }
    }

    @Test func criticalPointOfTheTaylorErrorFactor() throws {
        let rho = Expr.symbol(Symbol("rho"))
        let root = try M.criticalPoint(of: rho / (1 + rho) ** 1.5, in: rho.asSymbol, 0.5, 10)
        #expect((root - BigFloat(2, precision: 200)).magnitude.doubleValue < 1e-50)
    }

    @Test func signProductSimulationIsReproducible() {
        let simulation = M.signProduct(0.4, 0.9, -0.3, 0.5, draws: 100)
        var first = SplitMix64(seed: 7), second = SplitMix64(seed: 7)
        #expect(simulation.replicate(&first) == simulation.replicate(&second))
    }
}
