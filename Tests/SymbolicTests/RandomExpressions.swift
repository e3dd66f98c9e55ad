@testable import Symbolic

/// Random expression trees for property tests, built deterministically from a seed.
/// `positive` trees only combine positive quantities (no subtraction), so they are well
/// conditioned: no cancellation can eat digits, whatever the shape.
enum RandomExpressions {
    static let x = Symbol("x")
    static let y = Symbol("y")

    static func tree(seed: UInt64, depth: Int) -> Expr {
        var rng = SplitMix64(seed: seed)
        return positive(&rng, depth: depth)
    }

    static func positive(_ rng: inout SplitMix64, depth: Int) -> Expr {
        let X: Expr = .symbol(x), Y: Expr = .symbol(y)
        if depth == 0 {
            switch rng.next() % 4 {
            case 0: return X ** 2 + 1
            case 1: return Y ** 2 + Expr.rational(1, 2)
            case 2: return exp(X)
            default: return Expr.rational(Int(rng.next() % 9) + 1, Int(rng.next() % 5) + 1)
            }
        }
        let a = positive(&rng, depth: depth - 1)
        switch rng.next() % 9 {
        case 0: return a + positive(&rng, depth: depth - 1)
        case 1: return a * positive(&rng, depth: depth - 1)
        case 2: return a / positive(&rng, depth: depth - 1)
        case 3: return sqrt(a)
        case 4: return log1p(a)
        case 5: return atan(a)
        case 6: return a ** 3
        case 7: return exp(-a) + a
        default: return a ** Expr.rational(2, 3)
        }
    }
}
