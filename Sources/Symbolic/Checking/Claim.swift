/// How the two sides of a displayed claim are related, for rendering.
public enum Relation: String, Sendable, Codable {
    case equals, approximately, tendsTo, asymptoticTo, lessOrEqual, less, defines

    public var latex: String {
        switch self {
        case .equals: return "="
        case .approximately: return "\\approx"
        case .tendsTo: return "\\to"
        case .asymptoticTo: return "\\sim"
        case .lessOrEqual: return "\\le"
        case .less: return "<"
        case .defines: return "\\triangleq"
        }
    }
}

/// What a step asserts, and how the checker tests it.
public indirect enum Claim: Sendable {
    /// Nothing to check: a definition or modelling assumption, rendered for the listing.
    case definition(Definition)
    case identity(Identity)
    case approximation(Approximation)
    case limit(Limit)
    case inequality(Inequality)
    case numeric(NumericClaim)
    case monteCarlo(MonteCarloClaim)
    /// A random error that must shrink at a power of a size (concentration as d → ∞).
    case scaling(ScalingClaim)
    /// An identity of expectations, checked with sample moments (see ExpectationIdentity).
    case expectationIdentity(ExpectationIdentity)
    case meanField(MeanFieldClaim)
    /// Encoded but needing machinery the engine does not have yet (statistics, simulation).
    case pending(Pending)
    /// The inner claim checked to fewer certified digits: for statistical comparisons where a
    /// percent-level gap is the point and 50 digits of an expensive exact value are not.
    case withDigits(Int, Claim)
    /// Every part must hold (a step whose check has parts (a), (b), …).
    case all([Claim])

    /// The inventory's name for the kind of check.
    public var kind: String {
        switch self {
        case .definition: return "definition"
        case .identity: return "identity"
        case .approximation: return "approximation"
        case let .limit(l): return l.isAsymptotic ? "asymptotic" : "limit"
        case .inequality: return "inequality"
        case .numeric: return "numeric"
        case .monteCarlo: return "monte-carlo-claim"
        case .expectationIdentity: return "identity"
        case .scaling: return "approximation"
        case .meanField: return "mean-field"
        case let .pending(p): return p.kind
        case let .withDigits(_, inner): return inner.kind
        case let .all(parts): return parts.first?.kind ?? "empty"
        }
    }

    /// Whether some part awaits machinery the engine lacks (the step is then pending).
    public var hasPendingPart: Bool {
        switch self {
        case .pending: return true
        case let .withDigits(_, inner): return inner.hasPendingPart
        case let .all(parts): return parts.contains(where: \.hasPendingPart)
        default: return false
        }
    }

    /// Whether there is nothing to check at all.
    public var isDefinitionOnly: Bool {
        switch self {
        case .definition: return true
        case let .all(parts): return parts.allSatisfy(\.isDefinitionOnly)
        default: return false
        }
    }

    /// The claim as displayed mathematics.
    public var latex: String {
        switch self {
        case let .definition(d): return d.display.latex
        case let .identity(i): return Display(i.lhs, .equals, i.rhs).latex
        case let .approximation(a): return (a.display ?? Display(a.exact, .approximately, a.approximation)).latex
        case let .limit(l): return l.display.latex
        case let .inequality(i): return Display(i.lhs, i.strict ? .less : .lessOrEqual, i.rhs).latex
        case let .numeric(n): return Display(n.value, .approximately, .symbol(Symbol("quote", latex: n.quote))).latex
        case let .monteCarlo(m): return m.display.latex
        case let .expectationIdentity(e): return Display(e.lhs, .equals, e.rhs).latex
        case let .scaling(s): return s.display.latex
        case let .meanField(m): return m.display.latex
        case let .pending(p): return p.display.latex
        case let .withDigits(_, inner): return inner.latex
        case let .all(parts): return parts.map(\.latex).joined(separator: " \\\\ ")
        }
    }
}

/// lhs (relation) rhs, with an optional regime written after it.
public struct Display: Sendable {
    public let lhs: Expr
    public let relation: Relation
    public let rhs: Expr
    public let regime: String?

    public init(_ lhs: Expr, _ relation: Relation, _ rhs: Expr, regime: String? = nil) {
        self.lhs = lhs
        self.relation = relation
        self.rhs = rhs
        self.regime = regime
    }

    public var latex: String {
        let core = "\(lhs.latex) \(relation.latex) \(rhs.latex)"
        return regime.map { "\(core) \\qquad (\($0))" } ?? core
    }
}

public struct Definition: Sendable {
    public let display: Display
    public init(_ lhs: Expr, _ rhs: Expr, relation: Relation = .defines) {
        display = Display(lhs, relation, rhs)
    }
    public init(_ display: Display) { self.display = display }
}

/// lhs = rhs at every admissible point: checked at seeded random points to D certified digits.
public struct Identity: Sendable {
    public let lhs: Expr
    public let rhs: Expr
    public let space: ParameterSpace
    /// The size differences are measured against when a side may be exactly 0 (f'(x*) = 0):
    /// |lhs - rhs| / max(|lhs|, |rhs|, |scale|). Without it the measure is relative.
    public let scale: Expr?
    public init(_ lhs: Expr, equals rhs: Expr, over space: ParameterSpace, scale: Expr? = nil) {
        self.lhs = lhs
        self.rhs = rhs
        self.space = space
        self.scale = scale
    }
}

/// How an error is expected to shrink toward the regime.
public enum ExpectedOrder: Sendable {
    /// error ∝ h^p as h → 0, or ∝ n^-p as n → ∞.
    case power(Double)
    /// error ∝ r^n as n → ∞ (n the path variable); `rate` evaluates to r at each configuration.
    case geometric(rate: Expr)
    /// Only that the error shrinks; no order is stated or predicted.
    case unspecified
}

/// A sequence of values of one variable heading toward the regime of an approximation.
public struct RegimePath: Sendable {
    public enum Direction: String, Sendable, Codable { case toZero, toInfinity }
    public let variable: Symbol
    public let values: [Expr]
    public let direction: Direction

    public init(_ variable: Symbol, _ values: [Expr], _ direction: Direction) {
        self.variable = variable
        self.values = values
        self.direction = direction
    }

    public init(_ variable: Expr, _ values: [Expr], _ direction: Direction) {
        self.init(variable.asSymbol, values, direction)
    }

    /// h = 10^-from … 10^-to (exact: a decimal while 10^k fits in an Int, the power 10^-k beyond).
    public static func decades(_ variable: Expr, from: Int, to: Int) -> RegimePath {
        let exponents = from <= to ? Array(from...to) : []
        return RegimePath(variable.asSymbol, exponents.map { k in
            if (0...18).contains(k), let tenth = Rational(1, powerOfTen(k)) { return Expr.number(tenth) }
            return Expr.number(Rational(10)) ** Expr.number(Rational(-k))
        }, .toZero)
    }

    /// n = values, heading to infinity.
    public static func increasing(_ variable: Expr, _ values: [Int]) -> RegimePath {
        RegimePath(variable.asSymbol, values.map { Expr.number(Rational($0)) }, .toInfinity)
    }
}

func powerOfTen(_ k: Int) -> Int { (0..<k).reduce(1) { acc, _ in acc * 10 } }

/// The regime a derivation works in and the order of what it drops there (11307: β₃ = 1 - ηλ → 1
/// at fixed ηλt, terms of relative order ηλ). It never enters a verdict. It says which edits of a
/// claimed formula are the same claim: one that moves the formula only at that order along that
/// regime, as trading β₃^{t+1} for β₃^t does, is as true as the original wherever the derivation is.
public struct NeglectedOrder: Sendable {
    public let path: RegimePath
    public let order: ExpectedOrder
    public let space: ParameterSpace
    public init(along path: RegimePath, order: ExpectedOrder, over space: ParameterSpace) {
        self.path = path
        self.order = order
        self.space = space
    }
}

/// exact ≈ approximation in a regime: the error along the path must shrink, at the expected order.
public struct Approximation: Sendable {
    public enum Measure: String, Sendable, Codable { case relative, absolute }
    public let exact: Expr
    public let approximation: Expr
    public let path: RegimePath
    public let order: ExpectedOrder
    public let measure: Measure
    /// Fixed and grid parameters; `.values` axes are crossed, random domains drawn once per cell.
    public let space: ParameterSpace
    /// How the claim is shown when that differs from "exact ≈ approximation" (e.g. a
    /// derived error quantity is checked for a display the article prints).
    public let display: Display?
    /// The derivation's own regime and neglected order, when it differs from `path` (an
    /// approximation in ‖μ‖ → ∞ inside an article that works at ηλ → 0): judges edits only.
    public let neglecting: NeglectedOrder?

    public init(_ exact: Expr, approximatedBy approximation: Expr, along path: RegimePath,
                order: ExpectedOrder = .unspecified, measure: Measure = .relative, over space: ParameterSpace,
                display: Display? = nil, neglecting: NeglectedOrder? = nil) {
        self.display = display
        self.neglecting = neglecting
        self.exact = exact
        self.approximation = approximation
        self.path = path
        self.order = order
        self.measure = measure
        self.space = space
    }
}

/// expr → value along the path (or lhs ~ rhs: lhs/rhs → 1), with the limit extrapolated.
public struct Limit: Sendable {
    public let expression: Expr
    public let value: Expr
    public let path: RegimePath
    public let order: ExpectedOrder
    public let space: ParameterSpace
    public let display: Display
    public let isAsymptotic: Bool
    /// lhs and rhs of an asymptotic claim lhs ~ rhs (the checked expression is their ratio).
    public let asymptoticSides: (lhs: Expr, rhs: Expr)?

    public init(_ expression: Expr, tendsTo value: Expr, along path: RegimePath, order: ExpectedOrder = .unspecified,
                over space: ParameterSpace, display: Display? = nil) {
        self.expression = expression
        self.value = value
        self.path = path
        self.order = order
        self.space = space
        self.isAsymptotic = false
        self.asymptoticSides = nil
        let regime = "\(path.variable.latex)\\to \(path.direction == .toZero ? "0" : "\\infty")"
        self.display = display ?? Display(expression, .tendsTo, value, regime: regime)
    }

    /// lhs ~ rhs: the ratio tends to 1.
    public init(asymptotic lhs: Expr, to rhs: Expr, along path: RegimePath, order: ExpectedOrder = .unspecified,
                over space: ParameterSpace) {
        self.expression = lhs / rhs
        self.value = 1
        self.path = path
        self.order = order
        self.space = space
        self.isAsymptotic = true
        self.asymptoticSides = (lhs, rhs)
        let regime = "\(path.variable.latex)\\to \(path.direction == .toZero ? "0" : "\\infty")"
        self.display = Display(lhs, .asymptoticTo, rhs, regime: regime)
    }
}

/// lhs ≤ rhs (or <) at seeded random points, every other one with its ranged coordinates drawn
/// at the ends of their ranges half of the time; the smallest margin is reported.
public struct Inequality: Sendable {
    public let lhs: Expr
    public let rhs: Expr
    public let strict: Bool
    public let space: ParameterSpace
    public init(_ lhs: Expr, lessThan rhs: Expr, strict: Bool = false, over space: ParameterSpace) {
        self.lhs = lhs
        self.rhs = rhs
        self.strict = strict
        self.space = space
    }
}

/// A number the article quotes, against the value computed to many digits.
public struct NumericClaim: Sendable {
    public enum Style: Sendable {
        /// "0.2294⋯": the quote is the value's leading digits (truncated).
        case leadingDigits
        /// "about 0.225": the value rounds to the quote at the quote's last digit.
        case rounded
        /// The value lies in [lower, upper] (a quoted interval such as "[0.2, 0.3]").
        case within(Expr, Expr)
        /// The value lies in [q - below, q + above] around the quote q: an uncertainty the
        /// claim states (a script's standard error, "at most q"), so the quote itself is judged.
        case around(below: Expr, above: Expr)
        /// The value lies within a factor f of the quote q: in [q/f, q·f] ("of the order of q").
        case withinFactor(Expr)

        /// Whether the quote's digits enter the check (all but a quoted interval's ends).
        public var judgesTheQuote: Bool {
            if case .within = self { return false }
            return true
        }
    }
    public let value: Expr
    public let quote: String
    public let style: Style
    public let space: ParameterSpace

    public init(_ value: Expr, quote: String, style: Style, at space: ParameterSpace = .empty) {
        self.value = value
        self.quote = quote
        self.style = style
        self.space = space
    }
}

/// A claim the engine cannot check yet; it is encoded and rendered, and reported as pending.
public struct Pending: Sendable {
    public let kind: String
    public let display: Display
    public let awaiting: String
    public init(_ kind: String, _ display: Display, awaiting: String) {
        self.kind = kind
        self.display = display
        self.awaiting = awaiting
    }
}
