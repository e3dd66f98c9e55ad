import Foundation
import PropertyBased
import Symbolic
import Testing
@testable import Derivations

/// Native pieces of 11301: optima by root finding against the closed forms, the Surge curve,
/// and the seeded simulations.
struct EMABatchSizeTests {
    typealias L = EMABatchSizeLaws

    /// |root − closed form| relative, at 256 bits: the root finder and the closed form agree
    /// far beyond Double precision, at a random β₁ > 1/3.
    @Test func optimalBetaByRootFindingMatchesClosedForm() async {
        await propertyCheck(count: 20, input: Gen.double(in: 0.34...0.99)) { b1 in
            let bits = 256
            do {
                let beta1 = BigFloat(b1, precision: bits)
                let root = try L.optimalBetaRoot.evaluate([beta1, BigFloat(1e-4, precision: bits), BigFloat(100, precision: bits)],
                                                           precision: bits, cache: nil)
                let one = BigFloat(1, precision: bits)
                let closed = ((one - beta1) / (beta1 + beta1)).squareRoot()
                #expect(((root - closed) / closed).magnitude.doubleValue < 1e-60)
            } catch {
                Issue.record("root finding failed at β₁ = \(b1): \(error)")
            }
        }
    }

    /// The Surge turning point B* = (1−β₁)/(3β₁−1)·B_simple by root finding of ∂η*/∂B.
    @Test func turningPointByRootFindingMatchesClosedForm() async {
        await propertyCheck(count: 20, input: Gen.double(in: 0.34...0.99), Gen.double(in: 0.5...50)) { b1, bs in
            let bits = 192
            do {
                let beta1 = BigFloat(b1, precision: bits), bSimple = BigFloat(bs, precision: bits)
                let root = try L.turningPointRoot.evaluate(
                    [beta1, bSimple, bSimple / BigFloat(1000, precision: bits), bSimple * BigFloat(1000, precision: bits)],
                    precision: bits, cache: nil)
                let one = BigFloat(1, precision: bits), three = BigFloat(3, precision: bits)
                let closed = (one - beta1) / (three * beta1 - one) * bSimple
                #expect(((root - closed) / closed).magnitude.doubleValue < 1e-45)
            } catch {
                Issue.record("root finding failed at β₁ = \(b1), B_simple = \(bs): \(error)")
            }
        }
    }

    /// The Double law of the tables: maximal at the threshold, rising before, falling after.
    @Test func surgeCurveTurnsAtTheThreshold() async {
        await propertyCheck(count: 30, input: Gen.double(in: 0.35...0.99), Gen.double(in: 1.05...20)) { b1, factor in
            let threshold = L.surgeThreshold(beta1: b1)
            let peak = L.adamDiagonalEta(beta1: b1, ratio: threshold)
            #expect(L.adamDiagonalEta(beta1: b1, ratio: threshold / factor) < peak)
            #expect(L.adamDiagonalEta(beta1: b1, ratio: threshold * factor) < peak)
            #expect(abs(L.beta(ratio: threshold) - L.optimalBeta(beta1: b1)) < 1e-12)
            // SignSGDM/Muon: no turning point.
            #expect(L.signMomentumEta(beta1: b1, ratio: threshold) < L.signMomentumEta(beta1: b1, ratio: threshold * factor))
        }
    }

    /// Below β₁ = 1/3 the Adam law rises in B everywhere (no Surge).
    @Test func noSurgeBelowOneThird() async {
        await propertyCheck(count: 30, input: Gen.double(in: 0.01...0.33), Gen.double(in: 1e-3...1e3)) { b1, ratio in
            #expect(L.adamDiagonalEta(beta1: b1, ratio: ratio) < L.adamDiagonalEta(beta1: b1, ratio: ratio * 1.1))
        }
    }

    @Test func rootHelpersAgreeWithClosedForms() throws {
        #expect(abs(try L.rootOptimalBeta(beta1: 0.9) - 1 / 18.0.squareRoot()) < 1e-14)
        #expect(abs(try L.rootTurningPoint(beta1: 0.9) - 1 / 17.0) < 1e-14)
    }

    /// Seeded simulations reproduce bit for bit; SignSGDM by simulation agrees with erf.
    @Test func simulationsAreReproducibleAndMatchExactValues() throws {
        let a = EMABatchSizeSimulation.adamMoments(beta1: 0.9, beta2: 0.95, snr: 1, seed: 5, cache: nil)
        let b = EMABatchSizeSimulation.adamMoments(beta1: 0.9, beta2: 0.95, snr: 1, seed: 5, cache: nil)
        #expect(a == b)
        let k = 0.1 / 1.9
        let s = try #require(EMABatchSizeSimulation.signMomentum(beta1: 0.9, snr: 0.2, steps: 200, replicates: 20_000, seed: 7))
        let exact = Foundation.erf(0.2 / (2 * k).squareRoot())
        #expect(abs(s.mean - exact) / s.standardError < 4)
        // The Adam chain at r = 1 lands near the mean field r/√(r²+1) (gap ≈ 0.1 %, 11301.26).
        #expect(abs(a[0] - 0.7071) < 0.05)
    }
}
