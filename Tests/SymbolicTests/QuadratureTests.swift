import PropertyBased
import Testing
@testable import Symbolic

struct QuadratureTests {
    let bits = 232  // ≈ 70 digits

    func digits(_ a: BigFloat, _ b: BigFloat) -> Double { agreementDigits(.scalar(a), .scalar(b), capBits: bits) }

    @Test func knownClosedForms() throws {
        let one = BigFloat(1, precision: bits)
        let zero = BigFloat(0, precision: bits)
        let pi = BigFloat.pi(precision: bits)
        let cases: [(String, Quadrature.Interval, (BigFloat) -> BigFloat, BigFloat)] = [
            ("√x on [0,1]", .finite(zero, one), { $0.squareRoot() }, BigFloat(2, precision: bits) / BigFloat(3, precision: bits)),
            ("log x on [0,1]", .finite(zero, one), { $0.log() }, -one),
            ("1/√(1-x²) on [-1,1]", .finite(-one, one), { (one - $0 * $0).squareRoot().reciprocal ?? zero }, pi),
            ("e^{-x} on [0,∞)", .upperInfinite(from: zero), { (-$0).exp() }, one),
            ("1/(1+x²) on [0,∞)", .upperInfinite(from: zero), { one / (one + $0 * $0) }, pi.timesPowerOfTwo(-1)),
            ("e^{x} on (-∞,0]", .lowerInfinite(to: zero), { $0.exp() }, one),
            ("e^{-x²} on ℝ", .whole, { (-($0 * $0)).exp() }, pi.squareRoot()),
        ]
        for (name, interval, f, exact) in cases {
            let result = Quadrature.integrate(interval, precision: bits, f)
            #expect(digits(result.value, exact) > 55, "\(name): \(result.value) vs \(exact), \(result.levels) levels, est \(result.errorEstimate)")
        }
    }

    @Test func gaussianMomentsOnRandomScales() async {
        // ∫ x² e^{-x²/(2s²)} dx = s³√(2π) for random s.
        await propertyCheck(count: 20, input: Gen.double(in: 0.2...5)) { s in
            let scale = BigFloat(s, precision: bits)
            let result = Quadrature.integrate(.whole, precision: bits) { x in
                x * x * (-(x * x) / (BigFloat(2, precision: bits) * scale * scale)).exp()
            }
            let exact = scale.pow(3) * (BigFloat(2, precision: bits) * BigFloat.pi(precision: bits)).squareRoot()
            #expect(digits(result.value, exact) > 55, "s = \(s)")
        }
    }
}
