/// The tree as positions: each node's children in a fixed order, and rebuilding a node from
/// new children without simplification (so a position names the same node before and after
/// an edit). Mutation testing and its equivalence check walk trees through these.
extension Expr {
    /// The direct subexpressions, in a fixed order per case.
    public var children: [Expr] {
        switch self {
        case .number, .constant, .symbol: return []
        case let .indexed(_, indices): return indices
        case let .sum(terms): return terms
        case let .product(factors): return factors
        case let .power(base, exponent): return [base, exponent]
        case let .call(_, arguments), let .external(_, arguments): return arguments
        case let .boundSum(bound, body), let .boundProduct(bound, body), let .integral(bound, body):
            return [bound.lower, bound.upper, body]
        case let .piecewise(branches, otherwise):
            return branches.flatMap { [$0.condition.lhs, $0.condition.rhs, $0.value] } + [otherwise]
        case let .recurrence(r): return [r.initial, r.step, r.count]
        case let .named(_, definition): return [definition]
        case let .derivative(body, _): return [body]
        case let .expectation(x), let .variance(x): return [x]
        }
    }

    /// The same node with its children replaced (as many as `children` has, in its order).
    public func withChildren(_ c: [Expr]) -> Expr {
        precondition(c.count == children.count, "withChildren: \(c.count) children for a node with \(children.count)")
        switch self {
        case .number, .constant, .symbol: return self
        case let .indexed(s, _): return .indexed(s, c)
        case .sum: return .sum(c)
        case .product: return .product(c)
        case .power: return .power(c[0], c[1])
        case let .call(f, _): return .call(f, c)
        case let .external(f, _): return .external(f, c)
        case let .boundSum(bound, _): return .boundSum(BoundIndex(bound.index, from: c[0], to: c[1]), c[2])
        case let .boundProduct(bound, _): return .boundProduct(BoundIndex(bound.index, from: c[0], to: c[1]), c[2])
        case let .integral(bound, _): return .integral(BoundIndex(bound.index, from: c[0], to: c[1]), c[2])
        case let .piecewise(branches, _):
            let rebuilt = branches.indices.map { k in
                Branch(Condition(c[3 * k], branches[k].condition.relation, c[3 * k + 1]), c[3 * k + 2])
            }
            return .piecewise(rebuilt, otherwise: c[c.count - 1])
        case let .recurrence(r):
            return .recurrence(Recurrence(r.name, previous: r.previous, index: r.index, initial: c[0], step: c[1], count: c[2]))
        case let .named(s, _): return .named(s, c[0])
        case let .derivative(_, variable): return .derivative(c[0], variable)
        case .expectation: return .expectation(c[0])
        case .variance: return .variance(c[0])
        }
    }

    /// The subexpression at a position (child indices from the root); nil past a leaf.
    public func subexpression(at position: [Int]) -> Expr? {
        var node = self
        for k in position {
            let c = node.children
            guard c.indices.contains(k) else { return nil }
            node = c[k]
        }
        return node
    }

    /// The tree with the subexpression at `position` replaced (unsimplified).
    public func replacing(at position: ArraySlice<Int>, with replacement: Expr) -> Expr {
        guard let k = position.first else { return replacement }
        var c = children
        guard c.indices.contains(k) else { return self }
        c[k] = c[k].replacing(at: position.dropFirst(), with: replacement)
        return withChildren(c)
    }

    /// Symbols bound inside this node for its children (sum and integral indices, recurrence
    /// variables, a derivative's variable): a subtree below them is not a function of the
    /// point alone.
    public var bindsSymbols: Bool {
        switch self {
        case .boundSum, .boundProduct, .integral, .recurrence, .derivative: return true
        default: return false
        }
    }
}
