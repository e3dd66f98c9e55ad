import Foundation
import PropertyBased
import Symbolic
import Testing
@testable import Derivations

/// Schedules as values: closed-form κ and ν against quadrature, the discrete sums against the
/// integrals as the step count grows, and reproducible simulations.
struct ScheduleTests {
    typealias S = Schedule
    static let bits = 128

    /// Relative difference of two expressions at a point given as (symbol, value) pairs; an
    /// evaluation error counts as an infinite difference (so the expectation fails).
    static func gap(_ a: Expr, _ b: Expr, _ values: [(Expr, Double)]) -> Double {
        let point = Point(values.map { ($0.0.asSymbol, Point.Entry.sampled($0.1)) })
        do {
            let evaluator = Evaluator(precision: bits, environment: try point.environment(precision: bits))
            let x = try evaluator.scalar(a), y = try evaluator.scalar(b)
            return ((x - y) / y).magnitude.doubleValue
        } catch {
            return .infinity
        }
    }

    @Test func cosineClosedFormsMatchQuadrature() async {
        let c = ContinuousSchedule.cosine()
        await propertyCheck(count: 12, input: Gen.double(in: 1e-3...1e-2), Gen.double(in: 0...1e-3), Gen.double(in: 10...1000),
                            Gen.double(in: 0.01...0.5)) { hi, lo, t, lam in
            let values: [(Expr, Double)] = [(S.etaMax, hi), (S.etaMin, lo), (S.total, t), (Notation.lambda, lam)]
            #expect(Self.gap(c.kappaQuadrature, Notation.lambda * (S.etaMin + S.etaMax) * S.total / 2, values) < 1e-30)
            #expect(Self.gap(c.nuQuadrature, (3 * S.etaMin ** 2 + 2 * S.etaMin * S.etaMax + 3 * S.etaMax ** 2) * S.total / 8, values) < 1e-30)
            // κ_s in closed form at an interior s against the quadrature up to s.
            let s = 0.37 * t
            #expect(Self.gap(c.kappa(.number(Rational(decimal: "\(s)") ?? Rational(0))),
                                 integral("s", 0, .number(Rational(decimal: "\(s)") ?? Rational(0))) { x in c.lambda(x) * c.eta(x) }, values) < 1e-30)
        }
    }

    @Test func wsdAndLinearClosedFormsMatchQuadrature() async {
        let w = ContinuousSchedule.warmupStableDecay(), l = ContinuousSchedule.linear()
        await propertyCheck(count: 10, input: Gen.double(in: 1e-3...1e-2), Gen.double(in: 0.01...0.3), Gen.double(in: 0.4...0.95),
                            Gen.double(in: 10...1000)) { hi, f1, f2, t in
            let values: [(Expr, Double)] = [(S.etaMax, hi), (S.t1, f1 * t), (S.t2, f2 * t), (S.total, t), (Notation.lambda, 0.2),
                                            (S.etaA, hi), (S.etaB, hi * f1)]
            #expect(Self.gap(w.kappaQuadrature, Notation.lambda * S.etaMax * (S.total + S.t2 - S.t1) / 2, values) < 1e-30)
            #expect(Self.gap(w.nuQuadrature, S.etaMax ** 2 * (S.total + 2 * S.t2 - 2 * S.t1) / 3, values) < 1e-30)
            #expect(Self.gap(w.kappa(S.total), w.kappaQuadrature, values) < 1e-30)
            #expect(Self.gap(l.kappa(S.total), l.kappaQuadrature, values) < 1e-30)
            #expect(Self.gap(l.nuQuadrature, (S.etaA ** 2 + S.etaA * S.etaB + S.etaB ** 2) * S.total / 3, values) < 1e-30)
        }
    }

    @Test func optimalSchedulesClosedFormsMatchQuadrature() async {
        let c = ContinuousSchedule.optimalConstantDecay(), p = ContinuousSchedule.optimalProportionalDecay()
        await propertyCheck(count: 10, input: Gen.double(in: 1e-4...1e-2), Gen.double(in: 0.01...0.3), Gen.double(in: 10...10_000)) { hi, lam, t in
            let values: [(Expr, Double)] = [(S.etaMax, hi), (Notation.lambda, lam), (S.lambdaMax, lam), (S.total, t)]
            #expect(Self.gap(c.kappa(S.total), c.kappaQuadrature, values) < 1e-30)
            #expect(Self.gap(p.kappa(S.total), p.kappaQuadrature, values) < 1e-30)
        }
    }

    /// e^{-2κ}Σe^{2κ_j}η_j² against e^{-2κ}∫e^{2κ_s}η_s²ds: relative error ∝ 1/t as the shape is stretched.
    @Test func discreteSumApproachesIntegral() async {
        await propertyCheck(count: 4, input: Gen.int(in: 1...5)) { shape in
            let errors = [500, 5000].map { steps -> Double in
                let a = [Double(shape), 0.002, 0.0002, 1000 / Double(steps), Double(steps)]
                let sum = DynamicAdamW.discrete(a, bits: 64)[6].doubleValue
                let integral = DynamicAdamW.dataIntegral(NumericSchedule(a)).data
                return abs(sum / integral - 1)
            }
            #expect(errors[1] < errors[0] / 5, "shape \(shape): \(errors)")
        }
    }

    @Test func simulationIsReproducible() {
        let a: [Double] = [2, 0.002, 0.0002, 0.2, 300, 0, 0.1, 200, 7]
        let first = DynamicAdamW.simulate(a), second = DynamicAdamW.simulate(a)
        #expect(first == second)
        var other = a
        other[8] = 8
        #expect(DynamicAdamW.simulate(other) != first)
    }
}
