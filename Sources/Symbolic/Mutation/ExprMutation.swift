/// One small edit of an expression, as a mutation tester makes it: where, what, and the
/// edited tree. The tree is left unsimplified so `position` names the edited node in both.
public struct ExprMutation: Sendable {
    public enum Operator: String, Sendable, Codable, CaseIterable {
        case constantDigit, constantDouble, constantHalf, exponent, sign, symbolSwap, indexShift,
             termDropped, functionNeighbour, quoteDigit, inequalityReversed, orderChanged
    }

    public let op: Operator
    /// What was changed, readably: "0.9 → 1", "√ → identity", "β₁ ↔ β₂".
    public let description: String
    public let position: [Int]
    public let mutated: Expr
}

/// Symbols that may stand for one another: the same kind of domain in one parameter space.
public struct SymbolSwap: Sendable {
    public let first: Symbol
    public let second: Symbol
}

extension Expr {
    /// Every single edit of the mutation operators: constants in their last digit, ×2 and ×½;
    /// exponents ±1; the sign of every term; each term of a sum dropped and the first or last
    /// term of a bound sum; a function by its neighbour; the given symbol swaps (simultaneous);
    /// integer parameters shifted by one (t → t-1).
    public func mutations(swaps: [SymbolSwap] = [], integerSymbols: [Symbol] = []) -> [ExprMutation] {
        var local: [ExprMutation] = []
        collectMutations(at: [], inExponent: false, into: &local)
        var found = local.map { m in
            ExprMutation(op: m.op, description: m.description, position: m.position,
                         mutated: replacing(at: m.position[...], with: m.mutated))
        }
        for swap in swaps where mentions(swap.first) || mentions(swap.second) {
            let placeholder = Symbol("\u{1}swap")
            let swapped = substituting(swap.first, with: .symbol(placeholder))
                .substituting(swap.second, with: .symbol(swap.first))
                .substituting(placeholder, with: .symbol(swap.second))
            found.append(ExprMutation(op: .symbolSwap, description: "\(swap.first.name) ↔ \(swap.second.name)",
                                      position: [], mutated: swapped))
        }
        for symbol in integerSymbols where mentions(symbol) {
            found.append(ExprMutation(op: .indexShift, description: "\(symbol.name) → \(symbol.name)-1",
                                      position: [], mutated: substituting(symbol, with: .symbol(symbol) - 1)))
        }
        // Each distinct edit once. An edit that leaves the canonical tree unchanged stays in:
        // it is reported as an equivalent mutant, with that reason.
        var seen: Set<Expr> = []
        return found.filter { m in seen.insert(m.mutated.canonical).inserted }
    }

    private func collectMutations(at position: [Int], inExponent: Bool, into found: inout [ExprMutation]) {
        // `mutated` holds the replacement node here; `mutations` puts it into the whole tree.
        func add(_ op: ExprMutation.Operator, _ description: String, _ replacement: Expr) {
            found.append(ExprMutation(op: op, description: description, position: position, mutated: replacement))
        }
        switch self {
        case let .number(r) where !inExponent:
            for (op, text, value) in r.mutatedConstants() {
                add(op, text, .number(value))
            }
        case let .power(base, exponent):
            if let e = exponent.rationalValue {
                for delta in [1, -1] {
                    if let shifted = e.adding(Rational(delta)) {
                        add(.exponent, "exponent \(e.readable) → \(shifted.readable)", .power(base, .number(shifted)))
                    }
                }
            } else {
                add(.exponent, "exponent +1", .power(base, exponent + 1))
                add(.exponent, "exponent -1", .power(base, exponent - 1))
            }
        case let .sum(terms) where terms.count >= 2:
            for k in terms.indices {
                var dropped = terms
                dropped.remove(at: k)
                add(.termDropped, "term \(k + 1) of \(terms.count) dropped", dropped.count == 1 ? dropped[0] : .sum(dropped))
                var flipped = terms
                flipped[k] = Expr.negate(terms[k])
                add(.sign, "sign of term \(k + 1) flipped", .sum(flipped))
            }
        case .boundSum, .boundProduct:
            // Children are (lower, upper, body): dropping the first or last term moves a bound.
            let (lower, upper, body) = (children[0], children[1], children[2])
            let name: String
            if case .boundSum = self { name = "term of Σ" } else { name = "factor of Π" }
            add(.termDropped, "first \(name) dropped", withChildren([lower + 1, upper, body]))
            add(.termDropped, "last \(name) dropped", withChildren([lower, upper - 1, body]))
        case let .call(f, arguments):
            for (neighbour, text) in f.neighbours(arguments) {
                add(.functionNeighbour, text, neighbour)
            }
        default:
            break
        }
        for (k, child) in children.enumerated() where displaysChild(k) {
            let childInExponent: Bool
            if case .power = self { childInExponent = k == 1 } else { childInExponent = false }
            child.collectMutations(at: position + [k], inExponent: childInExponent, into: &found)
        }
    }
}

extension Expr {
    /// Whether a child is part of the displayed formula. A named quantity shows its name, not
    /// its definition, and a recurrence shows x_n, not its step: their insides belong to the
    /// step that defines them, so a mutant of this step does not edit them.
    fileprivate func displaysChild(_ k: Int) -> Bool {
        switch self {
        case .named: return false
        case .recurrence: return k == 2
        // g_0, g_1 of a family are draws alike: an index names a member, it is no constant.
        case .indexed: return false
        // -∞ is written (-1)·∞: scaling it changes nothing, and it is no constant of the formula.
        case let .product(factors) where factors.contains(where: { if case .constant(.infinity) = $0 { return true } else { return false } }):
            return false
        // Constant arguments of a model function are the configuration it is evaluated at (step
        // counts, sizes, seeds, which output to return, the run's η, λ, β), the same on both sides
        // of the claim, not the article's formula: editing one side's copy only breaks the model
        // or describes another experiment. Arguments that are formulas are edited as formulas,
        // except a simulation's, all of which are its configuration.
        case let .external(function, arguments):
            if function.argumentsAreConfiguration { return false }
            guard arguments.indices.contains(k) else { return true }
            return arguments[k].rationalValue == nil
        default: return true
        }
    }
}

extension Rational {
    /// The constant changed in its last printed digit (±1 there), doubled and halved.
    func mutatedConstants() -> [(ExprMutation.Operator, String, Rational)] {
        var out: [(ExprMutation.Operator, String, Rational)] = []
        let unit = lastDigitUnit
        for delta in [unit, unit.negated].compactMap({ $0 }) {
            if let v = adding(delta) { out.append((.constantDigit, "\(readable) → \(v.readable)", v)) }
        }
        if !isZero {
            if let v = multiplying(Rational(2)) { out.append((.constantDouble, "\(readable) → \(v.readable) (×2)", v)) }
            if let half = Rational(1, 2), let v = multiplying(half) { out.append((.constantHalf, "\(readable) → \(v.readable) (×½)", v)) }
        }
        return out
    }

    /// One unit in the last digit the constant would be printed with: 1 for integers, 10^-k
    /// for a decimal with k places, 1/denominator otherwise (1/3 → 2/3 and 0).
    var lastDigitUnit: Rational {
        if isInteger { return .one }
        if let decimal = terminatingDecimal, let places = decimal.split(separator: ".").last?.count,
           let unit = Rational(1, powerOfTen(places)) {
            return unit
        }
        return Rational(1, denominator) ?? .one
    }
}

extension Function {
    /// The function's neighbours: the replacements a slip of the pen would make.
    func neighbours(_ arguments: [Expr]) -> [(Expr, String)] {
        let x = arguments.first ?? 0
        func call(_ g: Function) -> (Expr, String) { (.call(g, arguments), "\(rawValue) → \(g.rawValue)") }
        switch self {
        case .sqrt: return [(x, "√ → identity")]
        case .exp: return [call(.expm1)]
        case .expm1: return [call(.exp)]
        case .log: return [call(.log1p)]
        case .log1p: return [call(.log)]
        case .sin: return [call(.cos)]
        case .cos: return [call(.sin)]
        case .erf: return [call(.erfc)]
        case .erfc: return [call(.erf)]
        case .abs: return [(x, "|·| → identity")]
        case .sign: return [(x, "sign → identity")]
        case .min: return [call(.max)]
        case .max: return [call(.min)]
        case .ceil: return [call(.floor)]
        case .floor: return [call(.ceil)]
        // On a scalar both are |x|: the edit would be no edit at all.
        case .norm where x.isScalarSymbolOrNumber, .rmsNorm where x.isScalarSymbolOrNumber: return []
        case .norm: return [call(.rmsNorm)]
        case .rmsNorm: return [call(.norm)]
        case .normalPDF: return [call(.normalCDF)]
        case .normalCDF: return [call(.normalPDF)]
        case .nuclearNorm: return [call(.frobeniusNorm)]
        case .frobeniusNorm: return [call(.spectralNorm)]
        case .spectralNorm: return [call(.frobeniusNorm)]
        case .gamma: return [call(.lgamma)]
        case .lgamma: return [call(.gamma)]
        case .atan, .asin, .tan, .digamma, .normalQuantile, .dot, .componentMean,
             .transpose, .trace, .msign, .identityMatrix:
            return []
        }
    }
}

extension Expr {
    /// A number or a symbol declared scalar (no vector, matrix or family behind it).
    fileprivate var isScalarSymbolOrNumber: Bool {
        switch self {
        case .number: return true
        case let .symbol(s): return s.kind == .scalar
        default: return false
        }
    }
}
