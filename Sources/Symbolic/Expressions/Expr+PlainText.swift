extension Expr {
    /// A compact plain-text form for reports and error messages (LaTeX is for documents).
    public var plainText: String {
        switch self {
        case let .number(r): return r.readable
        case let .constant(c): return c.rawValue
        case let .symbol(s): return s.name
        case let .indexed(s, i): return "\(s.name)_[\(i.map(\.plainText).joined(separator: ","))]"
        case let .sum(ts): return "(" + ts.map(\.plainText).joined(separator: " + ") + ")"
        case let .product(fs): return fs.map(\.plainText).joined(separator: "*")
        case let .power(b, x): return "\(b.plainText)^\(x.plainText)"
        case let .call(f, args): return "\(f.rawValue)(\(args.map(\.plainText).joined(separator: ", ")))"
        case let .external(f, args): return "\(f.name)(\(args.map(\.plainText).joined(separator: ", ")))"
        case let .boundSum(b, body): return "sum_{\(b.index.name)=\(b.lower.plainText)..\(b.upper.plainText)} \(body.plainText)"
        case let .integral(b, body): return "int_{\(b.index.name)=\(b.lower.plainText)..\(b.upper.plainText)} \(body.plainText)"
        case let .boundProduct(b, body): return "prod_{\(b.index.name)=\(b.lower.plainText)..\(b.upper.plainText)} \(body.plainText)"
        case .piecewise: return "piecewise"
        case let .recurrence(r): return "\(r.name.name)_\(r.count.plainText)"
        case let .named(s, _): return s.name
        case let .derivative(b, x): return "d/d\(x.name)(\(b.plainText))"
        case let .expectation(x): return "E[\(x.plainText)]"
        case let .variance(x): return "Var[\(x.plainText)]"
        }
    }
}
