extension Expr {
    /// Replaces every free occurrence of `symbol` by `replacement`. Bound indices of sums,
    /// products and recurrences shadow the symbol inside their bodies.
    public func substituting(_ symbol: Symbol, with replacement: Expr) -> Expr {
        func go(_ e: Expr) -> Expr { e.substituting(symbol, with: replacement) }
        switch self {
        case .number, .constant: return self
        case let .symbol(s): return s.name == symbol.name ? replacement : self
        case let .indexed(s, indices): return .indexed(s, indices.map(go))
        case let .sum(terms): return Expr.add(terms.map(go))
        case let .product(factors): return Expr.multiply(factors.map(go))
        case let .power(b, x): return Expr.raise(go(b), go(x))
        case let .call(f, args): return .call(f, args.map(go))
        case let .external(f, args): return .external(f, args.map(go))
        case let .boundSum(bound, body):
            let newBound = BoundIndex(bound.index, from: go(bound.lower), to: go(bound.upper))
            return .boundSum(newBound, bound.index.name == symbol.name ? body : go(body))
        case let .integral(bound, body):
            let newBound = BoundIndex(bound.index, from: go(bound.lower), to: go(bound.upper))
            return .integral(newBound, bound.index.name == symbol.name ? body : go(body))
        case let .boundProduct(bound, body):
            let newBound = BoundIndex(bound.index, from: go(bound.lower), to: go(bound.upper))
            return .boundProduct(newBound, bound.index.name == symbol.name ? body : go(body))
        case let .piecewise(branches, otherwise):
            return .piecewise(branches.map { Branch(Condition(go($0.condition.lhs), $0.condition.relation, go($0.condition.rhs)), go($0.value)) },
                              otherwise: go(otherwise))
        case let .recurrence(r):
            let shadowed = r.previous.name == symbol.name || r.index.name == symbol.name
            return .recurrence(Recurrence(r.name, previous: r.previous, index: r.index, initial: go(r.initial),
                                          step: shadowed ? r.step : go(r.step), count: go(r.count)))
        case let .named(s, definition): return .named(s, go(definition))
        case let .derivative(body, variable):
            return variable.name == symbol.name ? self : .derivative(go(body), variable)
        case let .expectation(x): return .expectation(go(x))
        case let .variance(x): return .variance(go(x))
        }
    }

    /// Substitutes several symbols, one after another.
    public func substituting(_ pairs: [(Symbol, Expr)]) -> Expr {
        pairs.reduce(self) { $0.substituting($1.0, with: $1.1) }
    }

    /// Whether `symbol` occurs free in the expression.
    public func mentions(_ symbol: Symbol) -> Bool {
        substituting(symbol, with: .symbol(Symbol("\u{1}probe"))) != self
    }
}

extension Expr {
    /// Whether the expression is built from a matrix (a matrix symbol or a matrix function).
    public var involvesMatrix: Bool {
        switch self {
        case let .symbol(s), let .indexed(s, _): return s.kind == .matrix
        case let .named(s, definition): return s.kind == .matrix || definition.involvesMatrix
        case let .call(f, args):
            switch f {
            case .transpose, .msign, .identityMatrix: return true
            case .trace, .nuclearNorm, .spectralNorm, .frobeniusNorm: return false
            default: return args.contains(where: \.involvesMatrix)
            }
        case let .sum(terms): return terms.contains(where: \.involvesMatrix)
        case let .product(factors): return factors.contains(where: \.involvesMatrix)
        case let .power(base, _): return base.involvesMatrix
        default: return false
        }
    }
}
