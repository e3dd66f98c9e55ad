/// What an expression evaluates to: a scalar or a vector of MPFR numbers.
/// Arithmetic between a scalar and a vector broadcasts; vector with vector is element-wise.
public enum Value: Sendable, CustomStringConvertible {
    case scalar(BigFloat)
    case vector([BigFloat])

    public var scalar: BigFloat? {
        if case let .scalar(x) = self { return x }
        return nil
    }

    public var components: [BigFloat] {
        switch self {
        case let .scalar(x): return [x]
        case let .vector(xs): return xs
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
        }
    }

    func mapped(_ op: (BigFloat) -> BigFloat) -> Value {
        switch self {
        case let .scalar(a): return .scalar(op(a))
        case let .vector(xs): return .vector(xs.map(op))
        }
    }
}
