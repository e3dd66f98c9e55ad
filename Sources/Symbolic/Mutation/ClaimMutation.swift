/// A wrong version of a claim: the article's side edited once, the reference side untouched.
public struct ClaimMutant: Sendable {
    public let claim: Claim
    /// The kind of the claim part that was edited (a step of several parts has several kinds).
    public let kind: String
    public let op: ExprMutation.Operator
    public let description: String
    /// For edits of a tree: the original and edited claimed expression, the edit's position,
    /// and the points at which exact equality may be decided. nil for edits of quotes and orders.
    public let edit: Edit?
    /// The edited part is checked exactly at its one point (no free parameter; an identity,
    /// inequality or quoted number): if the mutant holds there, the exact check certifies it is a
    /// true statement, not a survivor. Set where the mutant is made, for tree and quote edits alike.
    public var exactAtOnePoint = false

    public init(claim: Claim, kind: String, op: ExprMutation.Operator, description: String, edit: Edit?, exactAtOnePoint: Bool = false) {
        self.claim = claim
        self.kind = kind
        self.op = op
        self.description = description
        self.edit = edit
        self.exactAtOnePoint = exactAtOnePoint
    }

    public struct Edit: Sendable {
        public let original: Expr
        public let mutated: Expr
        public let position: [Int]
        public let space: ParameterSpace
        /// Values of a regime path variable, crossed with the sampled points.
        public let path: RegimePath?
        /// For a bound (a side of an inequality, an end of a quoted interval): the direction in
        /// which the edit weakens the claim. A surviving mutant weaker at every point is implied
        /// by the claim itself, so no check can refute it.
        public var weakerWhen: Weakening? = nil
        /// For a claim judged by how fast its error shrinks along a regime: that regime.
        public var regime: Regime? = nil
        /// The regime the derivation works in, when the claim states it (`NeglectedOrder`).
        public var neglected: Regime? = nil
        /// The same edit of the same formula in the claim's other parts (another configuration,
        /// another space): a mutant edits the article's formula wherever the step states it.
        public var siblings: [Edit] = []
    }

    /// The regime a claim is judged in: an approximation's or a limit's path and order, or a
    /// mean-field claim read as exact in its regime; or the regime its derivation works in. An
    /// edit that changes the claimed side only at that order along the path leaves a claim
    /// exactly as true as the original.
    public struct Regime: Sendable {
        public let path: RegimePath
        public let order: ExpectedOrder
        public let measure: Approximation.Measure
        public let space: ParameterSpace
    }


    public enum Weakening: String, Sendable { case larger, smaller }
}

extension Claim {
    /// Every mutant of the claimed side: for an identity its right side, for an approximation
    /// the approximating formula, for a limit its value (or the right side of lhs ~ rhs), for an
    /// inequality either side and the reversed inequality, for a mean-field claim the heuristic,
    /// for quotes (numbers, simulations) the quote ±1 in its last digit, for a concentration
    /// claim its order ±1. Definitions and pending claims have none.
    public var mutants: [ClaimMutant] {
        switch self {
        case .definition, .pending:
            return []
        case let .identity(i):
            return Claim.treeMutants(i.rhs, kind: kind, space: i.space, path: nil) {
                .identity(Identity(i.lhs, equals: $0, over: i.space, scale: i.scale))
            }
        case let .expectationIdentity(e):
            return Claim.treeMutants(e.rhs, kind: kind, space: e.space, path: nil) {
                .expectationIdentity(ExpectationIdentity(e.lhs, equals: $0, over: e.space, rules: e.rules, batches: e.batches,
                                                         samplesPerBatch: e.samplesPerBatch, points: e.points))
            }
        case let .approximation(a):
            return Claim.treeMutants(a.approximation, kind: kind, space: a.space, path: a.path,
                                     regime: .init(path: a.path, order: a.order, measure: a.measure, space: a.space),
                                     neglected: a.neglecting.map(ClaimMutant.Regime.init)) {
                .approximation(Approximation(a.exact, approximatedBy: $0, along: a.path, order: a.order, measure: a.measure,
                                             over: a.space, display: a.display, neglecting: a.neglecting))
            }
        case let .limit(l):
            if let sides = l.asymptoticSides {
                return Claim.treeMutants(sides.rhs, kind: kind, space: l.space, path: l.path,
                                         regime: .init(path: l.path, order: l.order, measure: .relative, space: l.space)) {
                    .limit(Limit(asymptotic: sides.lhs, to: $0, along: l.path, order: l.order, over: l.space))
                }
            }
            return Claim.treeMutants(l.value, kind: kind, space: l.space, path: l.path,
                                     regime: .init(path: l.path, order: l.order, measure: .relative, space: l.space)) {
                .limit(Limit(l.expression, tendsTo: $0, along: l.path, order: l.order, over: l.space, display: l.display))
            }
        case let .inequality(i):
            let reversed = ClaimMutant(claim: .inequality(Inequality(i.rhs, lessThan: i.lhs, strict: i.strict, over: i.space)),
                                       kind: kind, op: .inequalityReversed, description: "inequality reversed", edit: nil)
            let right = Claim.treeMutants(i.rhs, kind: kind, space: i.space, path: nil, weakerWhen: .larger) {
                .inequality(Inequality(i.lhs, lessThan: $0, strict: i.strict, over: i.space))
            }
            let left = Claim.treeMutants(i.lhs, kind: kind, space: i.space, path: nil, weakerWhen: .smaller) {
                .inequality(Inequality($0, lessThan: i.rhs, strict: i.strict, over: i.space))
            }
            return [reversed] + right + left
        case let .numeric(n):
            // A quoted interval is judged by its ends alone: its quote text has no digit to edit.
            var out = n.style.judgesTheQuote ? Quote.neighbours(n.quote).map { q in
                ClaimMutant(claim: .numeric(NumericClaim(n.value, quote: q, style: n.style, at: n.space)), kind: kind,
                            op: .quoteDigit, description: "quote \(n.quote) → \(q)", edit: nil,
                            exactAtOnePoint: MutationTargets.isExactAtOnePoint(kind: kind, space: n.space, path: nil))
            } : []
            // Margins around the quote: wider is weaker.
            if case let .around(below, above) = n.style {
                out += Claim.treeMutants(below, kind: kind, space: n.space, path: nil, weakerWhen: .larger) {
                    .numeric(NumericClaim(n.value, quote: n.quote, style: .around(below: $0, above: above), at: n.space))
                }
                out += Claim.treeMutants(above, kind: kind, space: n.space, path: nil, weakerWhen: .larger) {
                    .numeric(NumericClaim(n.value, quote: n.quote, style: .around(below: below, above: $0), at: n.space))
                }
            }
            if case let .withinFactor(factor) = n.style {
                out += Claim.treeMutants(factor, kind: kind, space: n.space, path: nil, weakerWhen: .larger) {
                    .numeric(NumericClaim(n.value, quote: n.quote, style: .withinFactor($0), at: n.space))
                }
            }
            if case let .within(lower, upper) = n.style {
                out += Claim.treeMutants(lower, kind: kind, space: n.space, path: nil, weakerWhen: .smaller) {
                    .numeric(NumericClaim(n.value, quote: n.quote, style: .within($0, upper), at: n.space))
                }
                out += Claim.treeMutants(upper, kind: kind, space: n.space, path: nil, weakerWhen: .larger) {
                    .numeric(NumericClaim(n.value, quote: n.quote, style: .within(lower, $0), at: n.space))
                }
            }
            return out
        case let .monteCarlo(m):
            return Quote.neighbours(m.quote).map { q in
                ClaimMutant(claim: .monteCarlo(MonteCarloClaim(m.display, simulation: m.simulation, quote: q, quoted: m.quoted,
                                                               replicates: m.replicates, reference: m.reference, at: m.referenceSpace,
                                                               relativeDeviation: m.relativeDeviation, quoteIsExact: m.quoteIsExact)),
                            kind: kind, op: .quoteDigit, description: "quote \(m.quote) → \(q)", edit: nil)
            }
        case let .scaling(s):
            let orders = [1.0, -1.0].map { delta in
                ClaimMutant(claim: .scaling(ScalingClaim(s.display, sizes: s.sizes, replicates: s.replicates,
                                                         expectedOrder: s.expectedOrder + delta, error: s.error)),
                            kind: kind, op: .orderChanged,
                            description: "order \(format3(s.expectedOrder)) → \(format3(s.expectedOrder + delta))", edit: nil)
            }
            // An evaluated right side is mutated like any formula.
            guard let sample = s.sample else { return orders }
            return orders + Claim.treeMutants(s.display.rhs, kind: kind, space: .empty, path: nil) { mutated in
                .scaling(ScalingClaim(Display(s.display.lhs, s.display.relation, mutated, regime: s.display.regime), sizes: s.sizes,
                                      replicates: s.replicates, expectedOrder: s.expectedOrder, sample: sample))
            }
        case let .meanField(m):
            var regime: ClaimMutant.Regime? = nil
            if case let .exactInRegime(path, order, space) = m.criterion {
                regime = .init(path: path, order: order, measure: .relative, space: space)
            }
            return Claim.treeMutants(m.heuristic, kind: kind, space: m.space, path: nil, regime: regime,
                                     neglected: m.neglecting.map(ClaimMutant.Regime.init)) {
                .meanField(m.with(heuristic: $0))
            }
        case let .withDigits(digits, inner):
            return inner.mutants.map { m in
                ClaimMutant(claim: .withDigits(digits, m.claim), kind: m.kind, op: m.op, description: m.description, edit: m.edit,
                            exactAtOnePoint: m.exactAtOnePoint)
            }
        case let .all(parts):
            // An edit of a formula that several parts state (one display checked at several
            // configurations) is made in all of them at once, as a slip in the article would be:
            // edited part by part, a configuration where the edited term is negligible would
            // keep the mutant alive although another configuration refutes it.
            let partMutants = parts.map(\.mutants)
            var groups: [(key: SharedEdit?, members: [(part: Int, mutant: ClaimMutant)])] = []
            var groupOfKey: [SharedEdit: Int] = [:]
            for (k, mutants) in partMutants.enumerated() {
                for m in mutants {
                    guard let edit = m.edit else { groups.append((nil, [(k, m)])); continue }
                    let key = SharedEdit(original: edit.original, mutated: edit.mutated)
                    if let g = groupOfKey[key], !groups[g].members.contains(where: { $0.part == k }) {
                        groups[g].members.append((k, m))
                    } else {
                        groupOfKey[key] = groups.count
                        groups.append((key, [(k, m)]))
                    }
                }
            }
            return groups.map { group in
                var edited = parts
                for member in group.members { edited[member.part] = member.mutant.claim }
                let first = group.members[0].mutant
                let names = group.members.map { String(Character(UnicodeScalar(97 + $0.part)!)) }
                let label = parts.count == 1 ? "" : names.count == 1 ? "part (\(names[0])): " : "parts (\(names.joined(separator: ", "))): "
                var edit = first.edit
                edit?.siblings += group.members.dropFirst().compactMap(\.mutant.edit).flatMap { sibling -> [ClaimMutant.Edit] in
                    var alone = sibling
                    alone.siblings = []
                    return [alone] + sibling.siblings
                }
                return ClaimMutant(claim: .all(edited), kind: first.kind, op: first.op, description: label + first.description, edit: edit,
                                   exactAtOnePoint: group.members.allSatisfy(\.mutant.exactAtOnePoint))
            }
        }
    }

    /// Mutants of one claimed expression, with the symbol swaps its space allows.
    static func treeMutants(_ expression: Expr, kind: String, space: ParameterSpace, path: RegimePath?,
                            weakerWhen: ClaimMutant.Weakening? = nil, regime: ClaimMutant.Regime? = nil,
                            neglected: ClaimMutant.Regime? = nil, rebuild: (Expr) -> Claim) -> [ClaimMutant] {
        // Integer variables a slip could shift by one (t, n, k); a seed ranging over billions is none.
        var integers = space.parameters.filter { p in
            if case let .integers(range) = p.domain { return p.symbol.kind == .scalar && range.count <= 1_000_000 }
            return false
        }.map(\.symbol)
        if let path, path.direction == .toInfinity { integers.append(path.variable) }
        return expression.mutations(swaps: space.swappableSymbols(writtenIn: expression), integerSymbols: integers).map { m in
            ClaimMutant(claim: rebuild(m.mutated), kind: kind, op: m.op, description: m.description,
                        edit: .init(original: expression, mutated: m.mutated, position: m.position, space: space, path: path,
                                    weakerWhen: weakerWhen, regime: regime, neglected: neglected),
                        exactAtOnePoint: MutationTargets.isExactAtOnePoint(kind: kind, space: space, path: path))
        }
    }
}

/// The identity of an edit across the parts of a claim: the same formula edited the same way.
private struct SharedEdit: Hashable {
    let original: Expr
    let mutated: Expr
}

extension ParameterSpace {
    /// Pairs of scalar parameters with the same kind of domain (two reals drawn from ranges,
    /// two integers of comparable ranges, two grid axes): the symbols a slip could exchange.
    /// A seed (0…2·10⁹) and a dimension (1…7) are both integers but no slip confuses them.
    /// A parameter `expression` does not write and that only feeds the space's derived
    /// parameters (a tilt, a shift, a growth ratio the check draws a schedule by) is a sampling
    /// coordinate, not a symbol of the article: no slip writes it into the formula.
    func swappableSymbols(writtenIn expression: Expr) -> [SymbolSwap] {
        let feedsDerived = Set(parameters.flatMap { p -> [String] in
            guard case let .derived(definition) = p.domain else { return [] }
            return parameters.map(\.symbol).filter { definition.mentions($0) }.map(\.name)
        })
        return swappableSymbols.filter { swap in
            let (first, second) = (expression.mentions(swap.first), expression.mentions(swap.second))
            return (first && second) || (first && !feedsDerived.contains(swap.second.name)) || (second && !feedsDerived.contains(swap.first.name))
        }
    }

    /// Every pair of parameters of one kind of domain, whatever the formula writes.
    var swappableSymbols: [SymbolSwap] {
        func comparable(_ x: Domain, _ y: Domain) -> Bool {
            guard case let .integers(r) = x, case let .integers(q) = y else { return true }
            let (small, large) = (Swift.min(r.upperBound, q.upperBound), Swift.max(r.upperBound, q.upperBound))
            return small > 0 && large <= 10 * small
        }
        func group(_ domain: Domain) -> Int? {
            switch domain {
            case .uniform, .logUniform: return 0
            case .integers: return 1
            case .values: return 2
            default: return nil
            }
        }
        let scalars = parameters.filter { $0.symbol.kind == .scalar && group($0.domain) != nil }
        var swaps: [SymbolSwap] = []
        for a in scalars.indices {
            for b in scalars.indices where b > a && group(scalars[a].domain) == group(scalars[b].domain)
                && comparable(scalars[a].domain, scalars[b].domain) {
                swaps.append(SymbolSwap(first: scalars[a].symbol, second: scalars[b].symbol))
            }
        }
        return swaps
    }
}

/// Quoted numbers as the article prints them.
enum Quote {
    /// The quote with its last printed digit one up and one down ("0.2294" → "0.2293",
    /// "0.2295"; "7" → "6", "8"; "1.5e-3" → "1.4e-3", "1.6e-3"). Empty if it is no decimal.
    static func neighbours(_ quote: String) -> [String] {
        var mantissa = quote
        var suffix = ""
        if let e = quote.lowercased().firstIndex(of: "e") {
            mantissa = String(quote[..<e])
            suffix = String(quote[e...])
        }
        var sign = ""
        if mantissa.hasPrefix("-") || mantissa.hasPrefix("+") {
            sign = String(mantissa.removeFirst())
        }
        let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        let digits = mantissa.replacingOccurrences(of: ".", with: "")
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), digits.count <= 18, let n = Int(digits) else { return [] }
        return [n - 1, n + 1].filter { $0 >= 0 }.map { value in
            var text = String(value)
            if text.count < digits.count { text = String(repeating: "0", count: digits.count - text.count) + text }
            if decimals > 0 {
                let cut = text.index(text.endIndex, offsetBy: -decimals)
                text = String(text[..<cut]) + "." + String(text[cut...])
            }
            return sign + text + suffix
        }
    }
}

extension ClaimMutant.Regime {
    /// The regime a derivation states it works in, its neglected order compared relatively.
    init(_ neglected: NeglectedOrder) {
        self.init(path: neglected.path, order: neglected.order, measure: .relative, space: neglected.space)
    }
}
