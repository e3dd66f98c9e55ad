import Foundation
import Symbolic
import Testing
@testable import Derivations

/// Properties of 11459's equal-weight schedules at seeded random parameters. The
/// DerivationsTests target does not link swift-property-based (Package.swift is outside this
/// encoding), so each property draws its own seeded cases with SplitMix64.
struct EqualWeightScheduleTests {
    static let cases = 25

    /// Seeded cases: each gets its own generator, reproducible from the property's seed.
    static func forEachCase(seed: UInt64, _ body: (inout SplitMix64) throws -> Void) rethrows {
        for k in 0..<cases {
            var rng = SplitMix64(seed: SplitMix64.mix(seed &+ UInt64(k)))
            try body(&rng)
        }
    }

    static func uniform(_ rng: inout SplitMix64, _ a: Double, _ b: Double) -> Double { a + (b - a) * rng.nextUnit() }

    static func evaluator(_ values: [String: Double], bits: Int) -> Evaluator {
        var env = Environment()
        for (name, value) in values { env[name] = .scalar(BigFloat(value, precision: 53)) }
        return Evaluator(precision: bits, environment: env)
    }

    /// Both optimal schedules solve λ_sη_s + η̇_s/η_s = 0 (the derivative formed symbolically).
    @Test func optimalSchedulesSolveTheODE() throws {
        let s: Expr = .symbol(Symbol("s"))
        for schedule in [Article11459.constantDecay, Article11459.proportionalDecay] {
            try Self.forEachCase(seed: 11_459_001) { rng in
                let values = ["etaMax": Self.uniform(&rng, 1e-3, 1e-2), "lambda": Self.uniform(&rng, 0.01, 0.5),
                              "lambdaMax": Self.uniform(&rng, 0.01, 0.5), "s": Self.uniform(&rng, 0, 1e6)]
                let e = Self.evaluator(values, bits: 256)
                let residual = try e.scalar(.derivative(schedule.eta(s), s.asSymbol) / schedule.eta(s) + schedule.lambda(s) * schedule.eta(s))
                let scale = try e.scalar(schedule.lambda(s) * schedule.eta(s))
                #expect((residual / scale).magnitude.doubleValue < 1e-60, "\(schedule.name) at \(values)")
            }
        }
    }

    /// The continuous weights e^{κ_s}η_s (κ_s by quadrature) are the same at any two times.
    @Test func continuousWeightsAreConstant() throws {
        let s: Expr = .symbol(Symbol("s"))
        for schedule in [Article11459.constantDecay, Article11459.proportionalDecay] {
            try Self.forEachCase(seed: 11_459_002) { rng in
                var values = ["etaMax": Self.uniform(&rng, 1e-3, 1e-2), "lambda": Self.uniform(&rng, 0.01, 0.5),
                              "lambdaMax": Self.uniform(&rng, 0.01, 0.5)]
                let weight = exp(schedule.kappaIntegral(s)) * schedule.eta(s)
                values["s"] = Self.uniform(&rng, 0, 1000)
                let early = try Self.evaluator(values, bits: 128).scalar(weight)
                values["s"] = Self.uniform(&rng, 1000, 5000)
                let late = try Self.evaluator(values, bits: 128).scalar(weight)
                #expect(((early - late) / late).magnitude.doubleValue < 1e-25, "\(schedule.name) at \(values)")
            }
        }
    }

    /// Sampled at integer steps, the weights approach a constant as the step count grows at a
    /// fixed decay progress xt: the largest deviation of t·e^{κ_j}η_j/z_t from 1 halves when t doubles.
    @Test func discreteWeightsApproachConstant() {
        Self.forEachCase(seed: 11_459_003) { rng in
            let mode = Int(rng.next() % 2)
            // x = xt/t ≤ 10⁻²: the asymptotic regime of the order; tolerance as the checker's (0.15).
            let progress = Self.uniform(&rng, 1, 10)
            let steps = 1000 + Int(rng.next() % 2000)
            let deviation = { (t: Int) in
                EqualWeightNumerics.proportionalWeights(mode: mode, x: BigFloat(progress / Double(t), precision: 128), steps: t,
                                                        precision: 128)[1].doubleValue
            }
            let (coarse, fine) = (deviation(steps), deviation(2 * steps))
            #expect(fine < coarse, "mode \(mode), xt = \(progress), t = \(steps)")
            let order = Foundation.log(coarse / fine) / Foundation.log(2.0)
            #expect(abs(order - 1) < 0.15, "order \(order) at mode \(mode), xt = \(progress), t = \(steps)")
        }
    }

    /// Degree-0 homogeneity of Muon's update: msign(c·m) = msign(m) entry by entry.
    @Test func muonUpdateIsHomogeneous() throws {
        try Self.forEachCase(seed: 11_459_004) { rng in
            let c = Foundation.exp(Self.uniform(&rng, Foundation.log(0.01), Foundation.log(100)))
            let beta1 = Self.uniform(&rng, 0.5, 0.99)
            let seed = Double(rng.next() % 1_000_000), k = Double(rng.next() % 9)
            let f = EqualWeightNumerics.muonUpdateEntry
            let scaled = try f.evaluate([BigFloat(c), BigFloat(beta1), BigFloat(seed), BigFloat(k)], precision: 192, cache: nil)
            let plain = try f.evaluate([BigFloat(1), BigFloat(beta1), BigFloat(seed), BigFloat(k)], precision: 192, cache: nil)
            #expect((scaled - plain).magnitude.doubleValue < 1e-45)
        }
    }
}
