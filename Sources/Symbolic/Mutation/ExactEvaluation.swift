/// Exact evaluation of the rational functions in the expression language: numbers, bound
/// symbols, sums, products and integer powers. Anything else (a square root, a family, a bound
/// index) has no exact value here and yields nil: "undecided", never a guess.
///
/// Piecewise functions (|x|, sign, min, max) are left out on purpose: two rational functions
/// equal at random points are equal (a nonzero one vanishes on a set of measure zero), but
/// min(x, 0.999) and x agree at random points of (0, 1) without being the same claim.
struct ExactEvaluator {
    var bindings: [String: ExactRational]

    /// Sizes beyond this many bits are abandoned (an exponent tower would never finish).
    static let maximumBits = 1 << 16

    /// The exact values a point gives its symbols: sampled doubles and integers exactly,
    /// exact and derived entries where they are themselves rational; the rest stay unbound.
    init(point: Point) {
        bindings = [:]
        for (symbol, entry) in point.entries {
            switch entry {
            case let .sampled(x): bindings[symbol.name] = ExactRational(x)
            case let .integer(n): bindings[symbol.name] = ExactRational(n)
            case let .exact(e), let .derived(e): bindings[symbol.name] = evaluate(e)
            case .family, .gaussianMatrix: break
            }
        }
    }

    func evaluate(_ e: Expr) -> ExactRational? {
        switch e {
        case let .number(r): return ExactRational(r)
        case let .symbol(s): return bindings[s.name]
        case let .named(_, definition): return evaluate(definition)
        case let .sum(terms):
            var total = ExactRational(0)
            for term in terms {
                guard let v = evaluate(term) else { return nil }
                total = total + v
                guard total.sizeInBits < Self.maximumBits else { return nil }
            }
            return total
        case let .product(factors):
            // Scalars only: a matrix symbol is never bound here, so matrices give nil anyway.
            var total = ExactRational(1)
            for factor in factors {
                guard let v = evaluate(factor) else { return nil }
                total = total * v
                guard total.sizeInBits < Self.maximumBits else { return nil }
            }
            return total
        case let .power(base, exponent):
            guard let n = evaluate(exponent)?.integerValue, Swift.abs(n) <= 4096,
                  let b = evaluate(base), b.sizeInBits * Swift.max(Swift.abs(n), 1) < Self.maximumBits else { return nil }
            return b.power(n)
        default:
            return nil
        }
    }
}
