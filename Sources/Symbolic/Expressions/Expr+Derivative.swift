extension Expr {
    /// ∂/∂variable, formed symbolically with the usual rules; the result is lightly simplified.
    /// Nodes without a closed-form rule (sign, ceil, indexed families) differentiate to 0 when
    /// they do not mention the variable; otherwise they stay as an unevaluated `.derivative`,
    /// which the evaluator rejects rather than guessing.
    public func differentiated(with x: Symbol) -> Expr {
        // An unevaluated inner derivative is still a function of its variable: form it first.
        if case let .derivative(body, inner) = self {
            let formed = body.differentiated(with: inner)
            if case .derivative = formed { return .derivative(self, x) }
            return formed.differentiated(with: x)
        }
        if !mentions(x) { return 0 }
        func d(_ e: Expr) -> Expr { e.differentiated(with: x) }
        switch self {
        case .number, .constant, .indexed: return 0
        case let .symbol(s): return s.name == x.name ? 1 : 0
        case let .sum(terms): return Expr.add(terms.map(d))
        case let .product(factors):
            var terms: [Expr] = []
            for k in factors.indices {
                var copy = factors
                copy[k] = d(factors[k])
                terms.append(Expr.multiply(copy))
            }
            return Expr.add(terms)
        case let .power(base, exponent):
            if !exponent.mentions(x) {
                // d(b^c) = c b^(c-1) b'
                return Expr.multiply([exponent, Expr.raise(base, exponent - 1), d(base)])
            }
            // d(b^c) = b^c (c' log b + c b'/b)
            return Expr.multiply([self, Expr.add([Expr.multiply([d(exponent), log(base)]),
                                                  Expr.multiply([exponent, d(base), Expr.reciprocal(base)])])])
        case let .call(f, args):
            let u = args[0]
            let du = d(u)
            switch f {
            case .sqrt: return Expr.multiply([du, Expr.reciprocal(Expr.multiply([2, self]))])
            case .exp: return Expr.multiply([self, du])
            case .expm1: return Expr.multiply([exp(u), du])
            case .log: return Expr.multiply([du, Expr.reciprocal(u)])
            case .log1p: return Expr.multiply([du, Expr.reciprocal(1 + u)])
            case .sin: return Expr.multiply([cos(u), du])
            case .cos: return Expr.multiply([-1, sin(u), du])
            case .tan: return Expr.multiply([Expr.raise(cos(u), -2), du])
            case .atan: return Expr.multiply([du, Expr.reciprocal(1 + Expr.raise(u, 2))])
            case .asin: return Expr.multiply([du, Expr.raise(1 - Expr.raise(u, 2), Expr.number(Rational(-1, 2)!))])
            case .erf: return Expr.multiply([2, Expr.raise(.pi, Expr.number(Rational(-1, 2)!)), exp(-Expr.raise(u, 2)), du])
            case .erfc: return Expr.multiply([-2, Expr.raise(.pi, Expr.number(Rational(-1, 2)!)), exp(-Expr.raise(u, 2)), du])
            case .abs: return Expr.multiply([sign(u), du])
            case .normalCDF: return Expr.multiply([.call(.normalPDF, [u]), du])
            case .normalPDF: return Expr.multiply([-1, u, self, du])
            case .lgamma: return Expr.multiply([.call(.digamma, [u]), du])
            case .gamma: return Expr.multiply([self, .call(.digamma, [u]), du])
            default: return .derivative(self, x)
            }
        case let .boundSum(bound, body) where !bound.lower.mentions(x) && !bound.upper.mentions(x):
            return .boundSum(bound, d(body))
        case let .integral(bound, body):
            // Leibniz: d/dx ∫_a^b f ds = f(b)·b' - f(a)·a' + ∫_a^b ∂f/∂x ds (the bound index
            // shadows x inside f, so x must not be the integration variable itself).
            guard bound.index.name != x.name else { return .derivative(self, x) }
            var terms: [Expr] = [body.mentions(x) ? .integral(bound, d(body)) : 0]
            if bound.upper.mentions(x) { terms.append(Expr.multiply([body.substituting(bound.index, with: bound.upper), d(bound.upper)])) }
            if bound.lower.mentions(x) { terms.append(Expr.multiply([-1, body.substituting(bound.index, with: bound.lower), d(bound.lower)])) }
            return Expr.add(terms)
        case let .named(_, definition): return d(definition)
        case let .piecewise(branches, otherwise):
            return .piecewise(branches.map { Branch($0.condition, d($0.value)) }, otherwise: d(otherwise))
        default:
            return .derivative(self, x)
        }
    }
}
