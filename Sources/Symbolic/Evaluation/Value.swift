/// What an expression evaluates to: a scalar, a vector or a matrix of MPFR numbers.
/// Arithmetic between a scalar and a vector or matrix broadcasts; vector with vector is
/// element-wise; matrix with matrix is element-wise for + and - (products are matrix products,
/// handled by the evaluator).
public enum Value: Sendable, CustomStringConvertible {
    case scalar(BigFloat)
    case vector([BigFloat])
    case matrix(Matrix)

    public var scalar: BigFloat? {
        if case let .scalar(x) = self { return x }
        return nil
    }

    public var components: [BigFloat] {
        switch self {
        case let .scalar(x): return [x]
        case let .vector(xs): return xs
        case let .matrix(m): return m.entries
        }
    }

    public var dimension: Int? {
        if case let .vector(xs) = self { return xs.count }
        return nil
    }

    /// Largest |component| (the ∞-norm), used for relative comparisons.
    public var maximumMagnitude: BigFloat {
        components.map(\.magnitude).max() ?? BigFloat.zero
    }

    public var isFinite: Bool { components.allSatisfy(\.isFinite) }

    public var description: String {
        switch self {
        case let .scalar(x): return x.decimalString(digits: 20)
        case let .vector(xs): return "[" + xs.map { $0.decimalString(digits: 12) }.joined(separator: ", ") + "]"
        case let .matrix(m): return "\(m.rows)×\(m.columns) matrix, max |entry| \(m.maxAbsEntry.decimalString(digits: 8))"
        }
    }

    /// Applies `op` component-wise, broadcasting a scalar against a vector.
    func combined(with other: Value, _ op: (BigFloat, BigFloat) -> BigFloat) -> Value? {
        switch (self, other) {
        case let (.scalar(a), .scalar(b)): return .scalar(op(a, b))
        case let (.scalar(a), .vector(bs)): return .vector(bs.map { op(a, $0) })
        case let (.vector(as_), .scalar(b)): return .vector(as_.map { op($0, b) })
        case let (.vector(as_), .vector(bs)):
            guard as_.count == bs.count else { return nil }
            return .vector(zip(as_, bs).map(op))
        case let (.scalar(a), .matrix(m)): return try? .matrix(m.mappingEntries { op(a, $0) })
        case let (.matrix(m), .scalar(b)): return try? .matrix(m.mappingEntries { op($0, b) })
        case let (.matrix(a), .matrix(b)):
            guard a.rows == b.rows, a.columns == b.columns else { return nil }
            return try? .matrix(Matrix(rows: a.rows, columns: a.columns, precision: Swift.max(a.precision, b.precision),
                                       entries: zip(a.entries, b.entries).map(op)))
        case (.vector, .matrix), (.matrix, .vector):
            return nil
        }
    }

    func mapped(_ op: (BigFloat) -> BigFloat) -> Value {
        switch self {
        case let .scalar(a): return .scalar(op(a))
        case let .vector(xs): return .vector(xs.map(op))
        case let .matrix(m): return (try? m.mappingEntries(op)).map(Value.matrix) ?? .matrix(m)
        }
    }
}
