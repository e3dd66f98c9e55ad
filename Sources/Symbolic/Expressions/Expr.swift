/// An expression of a derivation, as a tree.
///
/// Subtraction and division are not nodes: a - b is `sum([a, -1·b])` and a/b is
/// `product([a, b^-1])`; the LaTeX renderer turns them back into minus signs and fractions.
public indirect enum Expr: Hashable, Sendable {
    /// An exact rational constant.
    case number(Rational)
    /// π, e, Euler's γ.
    case constant(NamedConstant)
    case symbol(Symbol)
    /// A member of a family indexed by integers: g_j, m_{t-1}.
    case indexed(Symbol, [Expr])
    case sum([Expr])
    case product([Expr])
    case power(Expr, Expr)
    case call(Function, [Expr])
    /// A function implemented natively (a special function or an exact expectation that would
    /// be too slow as a tree), rendered under its own LaTeX name.
    case external(ExternalFunction, [Expr])
    /// Σ_{index=lower}^{upper} body (integer bounds, inclusive; empty when upper < lower).
    case boundSum(BoundIndex, Expr)
    /// Π_{index=lower}^{upper} body.
    case boundProduct(BoundIndex, Expr)
    /// ∫_{lower}^{upper} body d(variable); bounds may be ±∞ (`.constant(.infinity)`).
    /// Evaluated by double-exponential quadrature at the evaluator's precision.
    case integral(BoundIndex, Expr)
    /// The first branch whose condition holds, else `otherwise`.
    case piecewise([Branch], otherwise: Expr)
    /// x_n of x_0 = initial, x_s = step(x_{s-1}, s): an optimizer's state after n steps.
    case recurrence(Recurrence)
    /// A quantity shown under its own name (𝒖̄_t) and evaluated through its definition.
    case named(Symbol, Expr)
    /// d/d(variable) of the body, rendered as a derivative, evaluated symbolically.
    case derivative(Expr, Symbol)
    /// E[x] over the derivation's random model; needs statistical machinery to evaluate.
    case expectation(Expr)
    /// Var[x] over the derivation's random model.
    case variance(Expr)
}

public enum NamedConstant: String, Hashable, Sendable, CaseIterable {
    case pi, e, eulerGamma
    /// +∞, for integration bounds (−∞ is its negation).
    case infinity
}

/// Functions an expression may call. Vector arguments are mapped element-wise except by
/// the reductions (norms, inner product, component mean).
public enum Function: String, Hashable, Sendable, CaseIterable {
    case sqrt, exp, expm1, log, log1p, sin, cos, tan, atan, asin, erf, erfc, abs
    case gamma, lgamma, digamma
    case sign
    case normalPDF, normalCDF, normalQuantile
    /// ceil / floor of a real, for step counts such as t = ⌈ln q / ln β₃⌉.
    case ceil, floor
    /// Reductions of vectors: ‖x‖, ‖x‖_RMS, x·y, mean of components.
    case norm, rmsNorm, dot, componentMean
    case min, max
    /// Matrices: transpose, trace, matrix sign U Vᵀ, norms, the identity of a given size.
    case transpose, trace, msign, nuclearNorm, spectralNorm, frobeniusNorm, identityMatrix

    public var arity: Int {
        switch self {
        case .dot, .min, .max: return 2
        default: return 1
        }
    }
}

public struct BoundIndex: Hashable, Sendable {
    public let index: Symbol
    public let lower: Expr
    public let upper: Expr

    public init(_ index: Symbol, from lower: Expr, to upper: Expr) {
        self.index = index
        self.lower = lower
        self.upper = upper
    }
}

public struct Branch: Hashable, Sendable {
    public let condition: Condition
    public let value: Expr
    public init(_ condition: Condition, _ value: Expr) {
        self.condition = condition
        self.value = value
    }
}

public struct Condition: Hashable, Sendable {
    public enum Relation: String, Hashable, Sendable { case less = "<", lessOrEqual = "<=", equal = "==", greaterOrEqual = ">=", greater = ">", notEqual = "!=" }
    public let lhs: Expr
    public let relation: Relation
    public let rhs: Expr
    public init(_ lhs: Expr, _ relation: Relation, _ rhs: Expr) {
        self.lhs = lhs
        self.relation = relation
        self.rhs = rhs
    }
}

/// x_0 = initial; x_s = step for s = 1…count, where `step` may mention `previous` (x_{s-1})
/// and `index` (s). Renders as `name` subscripted by `count`.
public struct Recurrence: Hashable, Sendable {
    public let name: Symbol
    public let previous: Symbol
    public let index: Symbol
    public let initial: Expr
    public let step: Expr
    public let count: Expr

    public init(_ name: Symbol, previous: Symbol, index: Symbol, initial: Expr, step: Expr, count: Expr) {
        self.name = name
        self.previous = previous
        self.index = index
        self.initial = initial
        self.step = step
        self.count = count
    }

    /// The same recurrence stopped after another number of steps.
    public func after(_ steps: Expr) -> Recurrence {
        Recurrence(name, previous: previous, index: index, initial: initial, step: step, count: steps)
    }
}
