/// Mutation testing of a step's check: the claim is edited once at a time and each mutant is
/// checked exactly as the step is (same options, same seed and label). A check is worth its
/// "holds" only if the mutants fail it.
public struct MutantResult: Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// The check no longer reports "holds" (it fails, is inconclusive, or cannot evaluate).
        case killed
        /// The check still reports "holds": a defect of the check unless the mutant is true.
        case survived
        /// The mutant is the same claim: same canonical tree, or exactly equal at every point.
        case equivalent
        /// A true claim: a bound loosened (weaker than the claim at every point checked, so
        /// implied by it); a claim with no free parameter whose exact check holds at its one
        /// point (the mutant is itself true there, to the certified digits); or an edit of an
        /// approximation, limit or regime heuristic that moves it only at the claim's own order
        /// along its regime (the mutant differs from the original by less than the claim allows).
        case implied
        /// A claim that is itself true: a tighter bound, or an identity whose edit leaves it
        /// true (a shift inside a variance, a symmetric swap), that held again at every point of
        /// a search ten times denser than the check, half of the coordinates at the ends of their
        /// ranges, on another seed. A check of the original claim has nothing to refute in it.
        case alsoTrue
        /// The step's own claim does not hold in this run, so its mutants tell nothing.
        case notApplicable
    }
    public let step: String
    public let kind: String
    public let mutation: String
    public let `operator`: String
    public let outcome: Outcome
    public let reason: String
    /// For survivors: the smallest relative deviation the step's check can detect, when the
    /// check has one (a mean-field tolerance, a Monte Carlo resolution).
    public let detectable: Double?
    /// The edited expression, for reading the mutant (absent for quote and order edits).
    public let expression: String?
}

extension Checker {
    /// The mutants of a step, each decided. A step expected to hold is mutated in its claim; a
    /// slip in its corrected claim (the one asserted to hold). Definitions have no mutants.
    public func mutationTest(_ step: Step, limit: Int? = nil) -> [MutantResult] {
        let target: Claim
        let label: String
        switch step.expected {
        case .holds:
            target = step.claim
            label = step.id
        case .failsAsPrinted:
            guard let correction = step.correction else { return [] }
            target = correction.claim
            label = step.id + "/corrected"
        case .definition, .pending:
            return []
        }
        var mutants = target.mutants
        if let limit, mutants.count > limit { mutants = MutationSample.spread(mutants, limit: limit) }
        guard !mutants.isEmpty else { return [] }
        let original = check(target, label: label)
        guard original.outcome == .holds else {
            return mutants.map { m in
                MutantResult(step: step.id, kind: m.kind, mutation: m.description, operator: m.op.rawValue, outcome: .notApplicable,
                             reason: "the step's claim is \(original.outcome.rawValue) in this run", detectable: nil,
                             expression: m.edit.map { String($0.mutated.plainText.prefix(300)) })
            }
        }
        return mutants.map { m in
            let expression = m.edit.map { String($0.mutated.plainText.prefix(300)) }
            func result(_ outcome: MutantResult.Outcome, _ reason: String, detectable: Double? = nil) -> MutantResult {
                MutantResult(step: step.id, kind: m.kind, mutation: m.description, operator: m.op.rawValue, outcome: outcome,
                             reason: reason, detectable: detectable, expression: expression)
            }
            if let reason = equivalence(m, label: label) { return result(.equivalent, reason) }
            let verdict = check(m.claim, label: label)
            if verdict.outcome != .holds {
                return result(.killed, "\(verdict.outcome.rawValue): \(verdict.summary.prefix(240))")
            }
            switch regimeJudgement(m, label: label) {
            case let .identical(reason)?: return result(.equivalent, reason)
            case let .sameToOrder(reason)?: return result(.implied, reason)
            case nil: break
            }
            if let reason = implication(m, label: label) { return result(.implied, reason) }
            if let reason = holdsUnderSearch(m, label: label) { return result(.alsoTrue, reason) }
            return result(.survived, "holds: \(verdict.summary.prefix(240))", detectable: original.evidence.detectableRelativeDeviation)
        }
    }

    /// Why a surviving mutant of a bound is implied by the claim: the edited side is looser
    /// (larger for an upper bound, smaller for a lower one) at every point the check draws.
    func implication(_ mutant: ClaimMutant, label: String) -> String? {
        if mutant.exactAtOnePoint {
            return "no free parameter: the mutant is a true statement at the claim's only point, certified by the exact check"
        }
        guard let edit = mutant.edit else { return nil }
        // The same formula edited in several parts: implied only if implied in every one.
        var reason: String? = nil
        for part in [edit] + edit.siblings {
            guard let why = implication(part, label: label) else { return nil }
            reason = reason ?? why
        }
        return edit.siblings.isEmpty ? reason : reason.map { "in each of the \(edit.siblings.count + 1) parts that state it: " + $0 }
    }

    /// What a mutant judged along a regime is, when every part that states the edited formula
    /// has a regime (its claim's, or the one its derivation states) and says the same.
    enum RegimeJudgement {
        /// The original's value at every point of every regime path, both precisions giving a
        /// difference of exactly 0: the edit changes nothing there (a branch of a piecewise
        /// schedule its integrals never reach). Numerical, not rational arithmetic, and like it
        /// blind to an instance too special to tell the two apart (‖σ‖ = 1).
        case identical(String)
        /// Different from the original only at the regime's order or beyond, in every part
        /// (a part whose values are identical counts as such): the same claim to that order.
        case sameToOrder(String)
    }

    /// The mutant against the original along each part's regimes, each sequence evaluated once.
    func regimeJudgement(_ mutant: ClaimMutant, label: String) -> RegimeJudgement? {
        guard let edit = mutant.edit else { return nil }
        var allIdentical = true
        var points = 0
        var reason: String? = nil
        for part in [edit] + edit.siblings {
            var judged = false
            for (regime, whose) in [(part.regime, "the claim's"), (part.neglected, "its derivation's")] {
                guard let regime else { continue }
                switch judge(part, along: regime, whose: whose, label: label) {
                case let .identical(count)?:
                    points += count
                    judged = true
                case let .sameToOrder(why)?:
                    (allIdentical, reason, judged) = (false, reason ?? why, true)
                case nil:
                    continue
                }
                break
            }
            if !judged { return nil }
        }
        if allIdentical {
            return .identical("the same value as the original at all \(points) points of its regime path (difference exactly 0 at both precisions; numerical, not rational arithmetic)")
        }
        let why = reason ?? ""
        return .sameToOrder(edit.siblings.isEmpty ? why : "in each of the \(edit.siblings.count + 1) parts that state it: " + why)
    }

    private enum PartJudgement { case identical(Int), sameToOrder(String) }

    /// One part along one regime: the original side approximated by the mutant. Identical when
    /// the difference is exactly 0 at every point; the same claim to order when the two differ
    /// only at the regime's order or beyond (a power order read as "at least p", with the
    /// check's own 15 % allowance; others as stated).
    private func judge(_ edit: ClaimMutant.Edit, along regime: ClaimMutant.Regime, whose: String, label: String) -> PartJudgement? {
        var order = regime.order
        var least: Double? = nil
        if case let .power(p) = regime.order { (order, least) = (.unspecified, p - 0.15 * Swift.max(1, p)) }
        let sameToOrder = Claim.approximation(Approximation(edit.original, approximatedBy: edit.mutated, along: regime.path,
                                                            order: order, measure: regime.measure, over: regime.space))
        let verdict = check(sameToOrder, label: label + "/regime")
        guard case let .sequence(evidence) = verdict.evidence else { return nil }
        if evidence.configurations.allSatisfy({ $0.rows.allSatisfy { Double($0.error) == 0 } }) {
            return .identical(evidence.configurations.reduce(0) { $0 + $1.rows.count })
        }
        guard verdict.outcome == .holds else { return nil }
        if let least, !evidence.configurations.allSatisfy({ ($0.lastOrder ?? .infinity) >= least }) { return nil }
        return .sameToOrder("the edit moves the claimed side only at the order \(whose) regime neglects, or beyond (mutant against the original along \(regime.path.variable.name): \(verdict.summary.prefix(160))): the same claim to that order")
    }

    /// Why one edit of a claimed bound is implied by the claim, or nil: it is looser at every
    /// point the check draws. (Edits judged along a regime are `regimeJudgement`'s.)
    private func implication(_ edit: ClaimMutant.Edit, label: String) -> String? {
        guard edit.regime == nil, edit.neglected == nil, let direction = edit.weakerWhen else { return nil }
        guard let points = try? samplePoints(edit, label: label), !points.isEmpty else { return nil }
        let bits = options.workingBits
        for point in points {
            guard let env = try? point.environment(precision: bits, cache: options.cache) else { return nil }
            let evaluator = Evaluator(precision: bits, environment: env)
            guard let before = try? evaluator.scalar(edit.original), let after = try? evaluator.scalar(edit.mutated) else { return nil }
            let looser = direction == .larger ? after >= before : after <= before
            if !looser { return nil }
        }
        return "the edited bound is \(direction == .larger ? "larger" : "smaller") at all \(points.count) points: a weaker claim the original implies"
    }

    /// Why a surviving tighter bound or identity is a true claim rather than a wrong one the
    /// check missed: the whole mutant checked again at ten times the points, half of each ranged
    /// coordinate drawn at an end of its range, on an independent seed. A failure found there
    /// leaves the mutant a survivor (the check's points missed it).
    func holdsUnderSearch(_ mutant: ClaimMutant, label: String) -> String? {
        guard let edit = mutant.edit, Checker.isRandom(edit.space),
              edit.weakerWhen != nil || mutant.kind == "identity" else { return nil }
        var searching = options
        searching.points = options.points * 10
        searching.searchEdges = true
        let verdict = Checker(options: searching).check(mutant.claim, label: label + "/edge search")
        guard verdict.outcome == .holds else { return nil }
        let what = edit.weakerWhen != nil ? "a tighter bound" : "an identity the edit leaves true"
        return "\(what), itself true: it holds again at \(searching.points) points per part, ends of the ranges included (\(verdict.summary.prefix(160)))"
    }

    /// The points an edit is judged at: the claim's space sampled as its check samples it,
    /// crossed with the regime path's values.
    func samplePoints(_ edit: ClaimMutant.Edit, label: String) throws -> [Point] {
        var rng = SplitMix64.derived(seed: options.seed, label: label + "/equivalence")
        var points: [Point] = []
        let count = Checker.isRandom(edit.space) ? options.points : 1
        for _ in 0..<count {
            let point = try edit.space.sample(&rng)
            if let path = edit.path {
                points += path.values.map { point.with(path.variable, .exact($0)) }
            } else {
                points.append(point)
            }
        }
        return points
    }

    /// Why a mutant is the same claim, or nil when that is not shown. Shown by the canonical
    /// tree, or by exact rational evaluation: walking up from the edited node, some enclosing
    /// subexpression evaluates exactly and equal to the original's at every sampled point.
    func equivalence(_ mutant: ClaimMutant, label: String) -> String? {
        guard let edit = mutant.edit else { return nil }
        if edit.original.canonical == edit.mutated.canonical { return "same canonical tree" }
        var reason: String? = nil
        for part in [edit] + edit.siblings {
            guard let why = exactEquality(part, label: label) ?? zeroBoundaryTerms(part, label: label) else { return nil }
            reason = reason ?? why
        }
        return reason
    }

    /// Why an edit of a sum's range leaves the sum unchanged, or nil: every term it adds or
    /// drops is exactly 0 at every sampled point, at both precisions (Σ from i = 0 where the
    /// i = 0 term is an empty inner sum, or a recursion's zero start v₀). Each term is evaluated
    /// by itself, so no cancellation between terms can pass for a zero.
    private func zeroBoundaryTerms(_ edit: ClaimMutant.Edit, label: String) -> String? {
        guard let k = edit.position.last, k < 2 else { return nil }
        let parentPosition = Array(edit.position.dropLast())
        guard case let .boundSum(bound, body)? = edit.original.subexpression(at: parentPosition),
              case let .boundSum(edited, _)? = edit.mutated.subexpression(at: parentPosition),
              let points = try? samplePoints(edit, label: label), !points.isEmpty else { return nil }
        var terms = 0
        for point in points {
            for bits in [options.workingBits, options.certifyingBits] {
                guard let env = try? point.environment(precision: bits, cache: options.cache) else { return nil }
                let evaluator = Evaluator(precision: bits, environment: env)
                // The evaluator's own range rule: integer bounds (1 → 1/2 is no range).
                var locals: [String: Value] = [:]
                guard let (lower, upper) = try? evaluator.range(bound, edit.original, &locals),
                      let (newLower, newUpper) = try? evaluator.range(edited, edit.mutated, &locals) else { return nil }
                // One bound moved by at most 3: the indices between its two positions, inside the other.
                let (from, to) = k == 0 ? (lower, newLower) : (upper, newUpper)
                let (shift, overflow) = from.subtractingReportingOverflow(to)
                guard shift != 0, !overflow, shift.magnitude <= 3 else { return nil }
                let changed = k == 0
                    ? Array(Swift.min(from, to)..<Swift.max(from, to)).filter { $0 <= upper }
                    : Array((Swift.min(from, to) + 1)...Swift.max(from, to)).filter { $0 >= lower }
                guard !changed.isEmpty else { return nil }
                for index in changed {
                    var termEnvironment = env
                    termEnvironment[bound.index.name] = .scalar(BigFloat(index, precision: 64))
                    guard let term = try? Evaluator(precision: bits, environment: termEnvironment).scalar(body), term.isZero else { return nil }
                    terms += 1
                }
            }
        }
        return "the sum's range edit adds or drops only terms that are exactly 0 (\(terms / 2) term evaluations at \(points.count) points, both precisions)"
    }

    /// Why one edit leaves its claimed expression exactly equal at every sampled point, or nil.
    private func exactEquality(_ edit: ClaimMutant.Edit, label: String) -> String? {
        guard let points = try? samplePoints(edit, label: label) else { return nil }
        let evaluators = points.map(ExactEvaluator.init(point:))
        var position = edit.position
        while true {
            guard let before = edit.original.subexpression(at: position), let after = edit.mutated.subexpression(at: position) else { return nil }
            var equal = true
            for evaluator in evaluators {
                // A node with no exact value makes every node above it undecidable too.
                guard let a = evaluator.evaluate(before), let b = evaluator.evaluate(after) else { return nil }
                if a != b { equal = false; break }
            }
            if equal {
                let depth = position.count == edit.position.count ? "the edited node" : "its enclosing subexpression \(after.plainText.prefix(60))"
                return "exactly equal in rational arithmetic at \(points.count) point\(points.count == 1 ? "" : "s") (\(depth))"
            }
            guard !position.isEmpty else { return nil }
            position.removeLast()
            // Above a binder the subexpression depends on the bound variable as well.
            if let parent = edit.original.subexpression(at: position), parent.bindsSymbols { return nil }
        }
    }
}

/// The claim kinds mutation testing sets targets for, in one place.
public enum MutationTargets {
    /// Exact checks: a survivor there is a defect, whatever its size.
    public static let exactKinds: Set<String> = ["identity", "limit", "asymptotic", "approximation", "numeric", "inequality"]
    /// Statistical checks: at least `statisticalKillRate` of the decided mutants must be killed.
    public static let statisticalKinds: Set<String> = ["mean-field", "monte-carlo-claim"]
    public static let statisticalKillRate = 0.95
    /// Kinds whose check at a single point is an exact evaluation (not a tolerance or a sample).
    static let exactAtAPoint: Set<String> = ["identity", "inequality", "numeric"]

    /// Whether a claim part of this kind, space and path is checked exactly at one point.
    static func isExactAtOnePoint(kind: String, space: ParameterSpace, path: RegimePath?) -> Bool {
        path == nil && !Checker.isRandom(space) && exactAtAPoint.contains(kind)
    }
}

/// A deterministic spread over a long list of mutants: operators in turn, and within an
/// operator an order fixed by a hash of the edit, so a cap keeps every kind of edit and
/// reaches every part of the tree rather than its first few nodes.
enum MutationSample {
    static func spread(_ mutants: [ClaimMutant], limit: Int) -> [ClaimMutant] {
        var order: [ExprMutation.Operator] = []
        var byOperator: [ExprMutation.Operator: [ClaimMutant]] = [:]
        for m in mutants {
            if byOperator[m.op] == nil { order.append(m.op) }
            byOperator[m.op, default: []].append(m)
        }
        let queues = order.map { op in
            (byOperator[op] ?? []).sorted { SplitMix64.labelHash($0.description) < SplitMix64.labelHash($1.description) }
        }
        var picked: [ClaimMutant] = []
        var round = 0
        while picked.count < limit, queues.contains(where: { round < $0.count }) {
            for q in queues where round < q.count && picked.count < limit { picked.append(q[round]) }
            round += 1
        }
        return picked
    }
}
