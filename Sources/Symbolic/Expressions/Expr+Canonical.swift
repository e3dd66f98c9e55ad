extension Expr {
    /// A normal form for comparing trees: rebuilt bottom-up through the folding builders
    /// (constants folded, sums and products flattened) with the operands of commutative sums
    /// and scalar products in a fixed order. Two trees with the same canonical form are the
    /// same expression; different forms prove nothing.
    public var canonical: Expr {
        let c = children.map(\.canonical)
        switch self {
        case .sum:
            let folded = Expr.add(c)
            guard case let .sum(terms) = folded else { return folded }
            return .sum(terms.sorted { $0.sortKey < $1.sortKey })
        case .product:
            let folded = Expr.multiply(c)
            // Matrix products do not commute: keep their order.
            guard case let .product(factors) = folded, !factors.contains(where: \.involvesMatrix) else { return folded }
            return .product(factors.sorted { $0.sortKey < $1.sortKey })
        case .power:
            return Expr.raise(c[0], c[1])
        default:
            return c.isEmpty ? self : withChildren(c)
        }
    }

    private var sortKey: String { String(describing: self) }
}
