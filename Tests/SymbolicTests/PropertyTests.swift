import Foundation
import PropertyBased
import Testing
@testable import Symbolic

/// Laws the engine must obey on random inputs.
struct PropertyTests {
    static let seeds = Gen.int(in: 0...Int.max)

    func environment(_ x: Double, _ y: Double) -> Environment {
        Environment(values: ["x": .scalar(BigFloat(x)), "y": .scalar(BigFloat(y))])
    }

    @Test func derivativeMatchesCentralDifference() async {
        await propertyCheck(count: 60, input: Self.seeds, Gen.double(in: -1...1), Gen.double(in: -1...1)) { seed, x, y in
            let f = RandomExpressions.tree(seed: UInt64(seed), depth: 3)
            let bits = 320
            let symbolic = try? Evaluator(precision: bits, environment: environment(x, y))
                .scalar(f.differentiated(with: RandomExpressions.x))
            // Central difference with h = 10^-30: truncation O(h²) and rounding O(2^-320/h) both ≈ 10^-60.
            let h = BigFloat("1e-30", precision: bits)!
            let X = BigFloat(x, precision: bits)
            func value(at point: BigFloat) -> BigFloat? {
                var env = environment(x, y)
                env["x"] = .scalar(point)
                return try? Evaluator(precision: bits, environment: env).scalar(f)
            }
            guard let d = symbolic, let plus = value(at: X + h), let minus = value(at: X - h) else {
                Issue.record("evaluation failed for \(f.plainText)")
                return
            }
            let difference = (plus - minus) / (BigFloat(2, precision: bits) * h)
            let scale = BigFloat.max(d.magnitude, BigFloat(1, precision: bits))
            let error = (difference - d).magnitude / scale
            #expect(error.log10Magnitude < -45, "f = \(f.plainText), d/dx = \(d), difference quotient = \(difference)")
        }
    }

    @Test func sumIndexSwap() async {
        // Σ_{i=1}^{t} Σ_{j=1}^{i} a_{ij} = Σ_{j=1}^{t} Σ_{i=j}^{t} a_{ij} on random families a.
        await propertyCheck(count: 40, input: Self.seeds, Gen.int(in: 1...25)) { seed, t in
            let a = Family(Symbol("a"))
            let T: Expr = .number(Rational(t))
            let rowsFirst = sum("i", 1, T) { i in sum("j", 1, i) { j in a[i, j] } }
            let columnsFirst = sum("j", 1, T) { j in sum("i", j, T) { i in a[i, j] } }
            let env = Environment(families: ["a": .random(seed: UInt64(seed), dimension: nil, lower: -1, upper: 1)])
            let evaluator = Evaluator(precision: 256, environment: env)
            guard let left = try? evaluator.scalar(rowsFirst), let right = try? evaluator.scalar(columnsFirst) else {
                Issue.record("evaluation failed")
                return
            }
            let digits = agreementDigits(.scalar(left), .scalar(right), capBits: 256)
            #expect(digits > 70, "\(left) vs \(right)")
        }
    }

    @Test func precisionIncreaseAgreesOnWellConditionedTrees() async {
        await propertyCheck(count: 60, input: Self.seeds, Gen.double(in: -2...2), Gen.double(in: -2...2),
                            Gen.int(in: 64...600)) { seed, x, y, bits in
            let f = RandomExpressions.tree(seed: UInt64(seed), depth: 4)
            guard let low = try? Evaluator(precision: bits, environment: environment(x, y)).evaluate(f),
                  let high = try? Evaluator(precision: bits + 64, environment: environment(x, y)).evaluate(f) else {
                Issue.record("evaluation failed for \(f.plainText)")
                return
            }
            // Depth-4 positive trees lose at most a few bits to rounding: agree to p bits minus 3 digits.
            let digits = agreementDigits(low, high, capBits: bits)
            #expect(digits >= Double(Precision.digits(forBits: bits)) - 3, "\(f.plainText) at \(bits) bits: \(digits) digits")
        }
    }

    @Test func latexIsStableAndBalanced() async {
        await propertyCheck(count: 80, input: Self.seeds) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let f = RandomExpressions.positive(&rng, depth: 4) - sum("i", 1, .symbol(Symbol("t"))) { i in
                Family(Symbol.vector("g"))[i] ** 2 / (1 - .symbol(Symbol("beta2")))
            }
            let latex = f.latex
            #expect(latex == f.latex)
            #expect(balanced(latex), "unbalanced: \(latex)")
            #expect(latex.components(separatedBy: "\\left").count == latex.components(separatedBy: "\\right").count)
        }
    }

    func balanced(_ text: String) -> Bool {
        var depth = 0
        var previous: Character = " "
        for ch in text {
            if previous != "\\" {
                if ch == "{" { depth += 1 }
                if ch == "}" { depth -= 1 }
            }
            if depth < 0 { return false }
            previous = ch
        }
        return depth == 0
    }
}
