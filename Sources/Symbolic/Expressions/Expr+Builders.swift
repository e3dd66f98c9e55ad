/// Operators and builders so that an encoding reads like the article:
/// `(1 - beta2) * sum("i", 1, t) { i in beta2 ** (t - i) * g[i] ** 2 }`.
precedencegroup ExponentiationPrecedence {
    higherThan: MultiplicationPrecedence
    associativity: right
}

infix operator ** : ExponentiationPrecedence

extension Expr: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int) { self = .number(Rational(value)) }

    /// A float literal means the decimal the author wrote: 0.9 is exactly 9/10. Literals whose
    /// decimal exceeds a machine rational (1.5e-30) become mantissa · 10^exponent, still exact.
    public init(floatLiteral value: Double) {
        let text = "\(value)"
        if let exact = Rational(decimal: text) {
            self = .number(exact)
            return
        }
        let parts = text.lowercased().split(separator: "e")
        if parts.count == 2, let mantissa = Rational(decimal: String(parts[0])), let exponent = Int(parts[1]) {
            self = Expr.multiply([.number(mantissa), .power(10, .number(Rational(exponent)))])
        } else {
            // Only non-finite doubles reach here; they are no number an author writes.
            self = .power(0, -1)
        }
    }

    public static func symbol(_ name: String) -> Expr { .symbol(Symbol(name)) }

    /// An exact decimal such as "0.2294" or "1e-4"; `nil` if it is not one.
    public static func decimal(_ text: String) -> Expr? { Rational(decimal: text).map(Expr.number) }

    public static func rational(_ numerator: Int, _ denominator: Int) -> Expr {
        Rational(numerator, denominator).map(Expr.number) ?? .product([.number(Rational(numerator)), .power(.number(Rational(denominator)), -1)])
    }

    public static var pi: Expr { .constant(.pi) }
    public static var infinity: Expr { .constant(.infinity) }
    public static var e: Expr { .constant(.e) }
}


// MARK: arithmetic with light simplification (constant folding, flattening, 0 and 1 rules)

extension Expr {
    public var rationalValue: Rational? {
        if case let .number(r) = self { return r }
        return nil
    }

    public static func + (a: Expr, b: Expr) -> Expr { add([a, b]) }
    public static func - (a: Expr, b: Expr) -> Expr { add([a, negate(b)]) }
    public static func * (a: Expr, b: Expr) -> Expr { multiply([a, b]) }
    public static func / (a: Expr, b: Expr) -> Expr { multiply([a, reciprocal(b)]) }
    public static prefix func - (a: Expr) -> Expr { negate(a) }
    public static func ** (a: Expr, b: Expr) -> Expr { raise(a, b) }

    public static func negate(_ a: Expr) -> Expr {
        if let r = a.rationalValue, let n = r.negated { return .number(n) }
        if case let .product(factors) = a, let first = factors.first?.rationalValue, let n = first.negated {
            return multiply([.number(n)] + factors.dropFirst())
        }
        return multiply([-1, a])
    }

    public static func reciprocal(_ a: Expr) -> Expr {
        if let r = a.rationalValue, !r.isZero, let inv = r.reciprocal { return .number(inv) }
        return raise(a, -1)
    }

    /// Sum of terms: nested sums are flattened, rational terms folded, zeros dropped.
    public static func add(_ terms: [Expr]) -> Expr {
        var flat: [Expr] = []
        var constant = Rational.zero
        var foldedConstant = true
        for term in terms {
            switch term {
            case let .sum(inner): flat.append(contentsOf: inner)
            default: flat.append(term)
            }
        }
        var rest: [Expr] = []
        for term in flat {
            if let r = term.rationalValue, foldedConstant, let next = constant.adding(r) {
                constant = next
            } else if term.rationalValue != nil {
                foldedConstant = false
                rest.append(term)
            } else {
                rest.append(term)
            }
        }
        if !constant.isZero { rest.append(.number(constant)) }
        if rest.isEmpty { return 0 }
        if rest.count == 1 { return rest[0] }
        // Keep the constant where the author put it when it came first (1 - β₂, not -β₂ + 1).
        if let firstConstant = flat.first?.rationalValue, !constant.isZero, firstConstant == constant,
           rest.last?.rationalValue == constant {
            rest.removeLast()
            rest.insert(.number(constant), at: 0)
        }
        return .sum(rest)
    }

    /// Product of factors: nested products flattened, rationals folded to the front, 0 and 1 rules.
    public static func multiply(_ factors: [Expr]) -> Expr {
        var flat: [Expr] = []
        for factor in factors {
            if case let .product(inner) = factor { flat.append(contentsOf: inner) } else { flat.append(factor) }
        }
        var coefficient = Rational.one
        var rest: [Expr] = []
        for factor in flat {
            if let r = factor.rationalValue, let next = coefficient.multiplying(r) {
                coefficient = next
            } else {
                rest.append(factor)
            }
        }
        if coefficient.isZero { return 0 }
        if rest.isEmpty { return .number(coefficient) }
        if coefficient == .one { return rest.count == 1 ? rest[0] : .product(rest) }
        return .product([.number(coefficient)] + rest)
    }

    public static func raise(_ base: Expr, _ exponent: Expr) -> Expr {
        if exponent.rationalValue == .one { return base }
        if exponent.rationalValue == .zero { return 1 }
        if let b = base.rationalValue, let e = exponent.rationalValue, e.isInteger,
           e.numerator.magnitude <= 64, !(b.isZero && e.isNegative), let value = b.power(e.numerator) {
            return .number(value)
        }
        return .power(base, exponent)
    }
}

// MARK: function builders

public func sqrt(_ x: Expr) -> Expr { .call(.sqrt, [x]) }
public func exp(_ x: Expr) -> Expr { .call(.exp, [x]) }
public func expm1(_ x: Expr) -> Expr { .call(.expm1, [x]) }
public func log(_ x: Expr) -> Expr { .call(.log, [x]) }
public func log1p(_ x: Expr) -> Expr { .call(.log1p, [x]) }
public func sin(_ x: Expr) -> Expr { .call(.sin, [x]) }
public func cos(_ x: Expr) -> Expr { .call(.cos, [x]) }
public func atan(_ x: Expr) -> Expr { .call(.atan, [x]) }
public func erf(_ x: Expr) -> Expr { .call(.erf, [x]) }
public func erfc(_ x: Expr) -> Expr { .call(.erfc, [x]) }
public func abs(_ x: Expr) -> Expr { .call(.abs, [x]) }
public func sign(_ x: Expr) -> Expr { .call(.sign, [x]) }
public func ceil(_ x: Expr) -> Expr { .call(.ceil, [x]) }
public func floor(_ x: Expr) -> Expr { .call(.floor, [x]) }
public func norm(_ x: Expr) -> Expr { .call(.norm, [x]) }
public func rmsNorm(_ x: Expr) -> Expr { .call(.rmsNorm, [x]) }
public func dot(_ x: Expr, _ y: Expr) -> Expr { .call(.dot, [x, y]) }
public func expectation(_ x: Expr) -> Expr { .expectation(x) }
public func transpose(_ x: Expr) -> Expr { .call(.transpose, [x]) }
public func trace(_ x: Expr) -> Expr { .call(.trace, [x]) }
public func msign(_ x: Expr) -> Expr { .call(.msign, [x]) }
public func nuclearNorm(_ x: Expr) -> Expr { .call(.nuclearNorm, [x]) }
public func spectralNorm(_ x: Expr) -> Expr { .call(.spectralNorm, [x]) }
public func frobeniusNorm(_ x: Expr) -> Expr { .call(.frobeniusNorm, [x]) }
/// The n×n identity.
public func identityMatrix(_ n: Expr) -> Expr { .call(.identityMatrix, [n]) }
public func variance(_ x: Expr) -> Expr { .variance(x) }

/// Σ_{name=lower}^{upper} body(index).
public func sum(_ index: String, _ lower: Expr, _ upper: Expr, _ body: (Expr) -> Expr) -> Expr {
    let symbol = Symbol(index)
    return .boundSum(BoundIndex(symbol, from: lower, to: upper), body(.symbol(symbol)))
}

/// ∫_{lower}^{upper} body(variable) d(variable).
public func integral(_ variable: String, _ lower: Expr, _ upper: Expr, _ body: (Expr) -> Expr) -> Expr {
    let symbol = Symbol(variable)
    return .integral(BoundIndex(symbol, from: lower, to: upper), body(.symbol(symbol)))
}

/// Π_{name=lower}^{upper} body(index).
public func product(_ index: String, _ lower: Expr, _ upper: Expr, _ body: (Expr) -> Expr) -> Expr {
    let symbol = Symbol(index)
    return .boundProduct(BoundIndex(symbol, from: lower, to: upper), body(.symbol(symbol)))
}

/// A family of quantities indexed by integers (g_j, or a vector family 𝒈_j): `g[j]`.
public struct Family: Sendable {
    public let symbol: Symbol
    public init(_ symbol: Symbol) { self.symbol = symbol }
    public subscript(_ indices: Expr...) -> Expr { .indexed(symbol, indices) }
}
