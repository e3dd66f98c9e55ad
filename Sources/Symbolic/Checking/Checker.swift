/// Checks claims numerically. Stateless: every random choice flows from `options.seed` and a
/// label (the step ID), so a verdict is reproduced exactly by `derive check ID --seed S`.
public struct Checker: Sendable {
    public let options: CheckOptions

    public init(options: CheckOptions = CheckOptions()) { self.options = options }

    public func check(_ claim: Claim, label: String) -> Verdict {
        var rng = SplitMix64.derived(seed: options.seed, label: label)
        return check(claim, &rng)
    }

    func check(_ claim: Claim, _ rng: inout SplitMix64) -> Verdict {
        do {
            switch claim {
            case .definition:
                return Verdict(.definition, "definition", .none)
            case let .pending(p):
                return Verdict(.pending, "pending: \(p.awaiting)", .pending(p.awaiting))
            case let .identity(identity):
                return try checkIdentity(identity, &rng)
            case let .approximation(a):
                return try checkSequence(exact: a.exact, approximation: a.approximation, path: a.path, order: a.order,
                                         measure: a.measure, space: a.space, extrapolate: false, &rng)
            case let .limit(l):
                return try checkSequence(exact: l.expression, approximation: l.value, path: l.path, order: l.order,
                                         measure: .relative, space: l.space, extrapolate: true, &rng)
            case let .inequality(i):
                return try checkInequality(i, &rng)
            case let .numeric(n):
                return try checkNumeric(n, &rng)
            case let .monteCarlo(m):
                return try checkMonteCarlo(m, &rng)
            case let .scaling(s):
                return try checkScaling(s, &rng)
            case let .expectationIdentity(e):
                return try checkExpectationIdentity(e, &rng)
            case let .meanField(m):
                return try checkMeanField(m, &rng)
            case let .withDigits(digits, inner):
                var reduced = options
                reduced.digits = Swift.min(digits, options.digits)
                return Checker(options: reduced).check(inner, &rng)
            case let .all(parts):
                var verdicts: [Verdict] = []
                for part in parts { verdicts.append(check(part, &rng)) }
                return Verdict(Checker.combined(verdicts.map(\.outcome)),
                               verdicts.map(\.summary).joined(separator: "; "), .parts(verdicts))
            }
        } catch let error as EvaluationError {
            return Verdict(.error, "evaluation error: \(error)", .failure(error.description))
        } catch let error as SamplingError {
            return Verdict(.error, "sampling error: \(error)", .failure("\(error)"))
        } catch {
            return Verdict(.error, "error: \(error)", .failure("\(error)"))
        }
    }

    /// A conjunction: any failure fails; then errors, lost digits, pending parts.
    static func combined(_ outcomes: [Verdict.Outcome]) -> Verdict.Outcome {
        for worst in [Verdict.Outcome.fails, .error, .inconclusive, .pending] where outcomes.contains(worst) {
            return worst
        }
        return outcomes.allSatisfy { $0 == .definition } ? .definition : .holds
    }

    /// Whether a space has anything random in it (otherwise one point is all there is).
    static func isRandom(_ space: ParameterSpace) -> Bool {
        space.parameters.contains { p in
            switch p.domain {
            case .uniform, .logUniform, .integers, .values, .family, .gaussianFamily, .gaussianMatrix: return true
            case .fixed, .derived: return false
            }
        }
    }

    // MARK: identities

    func checkIdentity(_ identity: Identity, _ rng: inout SplitMix64) throws -> Verdict {
        let required = Double(options.digits)
        let count = Checker.isRandom(identity.space) ? options.points : 1
        var minimum = Double.infinity
        var worst = ""
        for k in 0..<count {
            // An identity claimed on a box holds on its boundary too: every other point is a
            // corner or a face, where an edit that only differs at an end (a removable 0/0, a
            // term that vanishes inside) shows.
            let point = try identity.space.searchPoint(k, of: count, &rng, boundary: options.searchEdges ? .always : .everyOther)
            let lhs = try CertifiedValue.evaluate(identity.lhs, at: point, options: options)
            let rhs = try CertifiedValue.evaluate(identity.rhs, at: point, options: options)
            guard var difference = relativeDifference(lhs.value, rhs.value) else {
                throw EvaluationError.shapeMismatch(node: "\(identity.lhs.latex) = \(identity.rhs.latex)")
            }
            var scaleValue: BigFloat? = nil
            if let scaleExpr = identity.scale {
                // Absolute differences against the stated scale (a side may be exactly zero).
                let scale = try CertifiedValue.evaluate(scaleExpr, at: point, options: options).value.maximumMagnitude
                scaleValue = scale
                let sides = BigFloat.max(lhs.value.maximumMagnitude, rhs.value.maximumMagnitude)
                let absolute = zip(lhs.value.components, rhs.value.components).map { ($0 - $1).magnitude }.max() ?? BigFloat.zero
                let denominator = BigFloat.max(sides, scale)
                difference = denominator.isZero ? absolute : absolute / denominator
            }
            let cap = Double(Precision.digits(forBits: options.workingBits))
            let differenceDigits = difference.isZero ? cap : min(cap, -difference.log10Magnitude)
            var sideDigits = min(lhs.digits, rhs.digits)
            if let scaleValue {
                sideDigits = min(lhs.digits(relativeTo: scaleValue, capBits: options.workingBits),
                                 rhs.digits(relativeTo: scaleValue, capBits: options.workingBits))
            }
            let agreed = min(differenceDigits, sideDigits)
            // A discrepancy counts only when both sides are known well beyond it.
            if differenceDigits < required && differenceDigits + 3 < sideDigits {
                let counterexample = Counterexample(point: point.description, lhs: lhs.value.description,
                                                    rhs: rhs.value.description,
                                                    relativeDifference: difference.decimalString(digits: 6))
                let evidence = IdentityEvidence(points: count, precisionBits: options.workingBits, requiredDigits: options.digits,
                                                minimumDigits: agreed, worstPoint: point.description, counterexample: counterexample)
                return Verdict(.fails, "sides differ by \(difference.decimalString(digits: 3)) (relative) at \(point)", .identity(evidence))
            }
            if agreed < minimum {
                minimum = agreed
                worst = point.description
            }
        }
        let evidence = IdentityEvidence(points: count, precisionBits: options.workingBits, requiredDigits: options.digits,
                                        minimumDigits: minimum, worstPoint: worst, counterexample: nil)
        if minimum >= required {
            return Verdict(.holds, "\(Int(minimum)) digits at \(count) point\(count == 1 ? "" : "s")", .identity(evidence))
        }
        return Verdict(.inconclusive, "only \(String(format1(minimum))) certified digits (need \(options.digits)) at \(worst)", .identity(evidence))
    }

    // MARK: inequalities

    func checkInequality(_ inequality: Inequality, _ rng: inout SplitMix64) throws -> Verdict {
        let count = Checker.isRandom(inequality.space) ? options.points : 1
        var smallest: BigFloat? = nil
        var worst = ""
        var tightest: BigFloat? = nil
        var worstPoint: Point? = nil
        for k in 0..<count {
            // Every other point searches the corners and faces of the box, where a bound that is
            // tight in a limit (β → 1, a dimension at its smallest) is most often violated.
            let point = try inequality.space.searchPoint(k, of: count, &rng, boundary: options.searchEdges ? .always : .everyOther)
            let lhs = try CertifiedValue.evaluate(inequality.lhs, at: point, options: options)
            let rhs = try CertifiedValue.evaluate(inequality.rhs, at: point, options: options)
            guard let l = lhs.value.scalar, let r = rhs.value.scalar else {
                throw EvaluationError.shapeMismatch(node: inequality.lhs.latex)
            }
            let margin = r - l
            let violated = inequality.strict ? !(margin > BigFloat.zero) : margin < BigFloat.zero
            if violated {
                let ce = Counterexample(point: point.description, lhs: l.decimalString(digits: 20), rhs: r.decimalString(digits: 20),
                                        relativeDifference: margin.decimalString(digits: 6))
                let at = point.description.isEmpty ? "" : " at \(point)"
                return Verdict(.fails, "violated: \(l.decimalString(digits: 8)) vs \(r.decimalString(digits: 8))\(at)", .inequality(InequalityEvidence(
                    points: count, smallestMargin: margin.decimalString(digits: 6), worstPoint: point.description, counterexample: ce)))
            }
            if smallest == nil || margin < smallest! {
                smallest = margin
                worst = point.description
            }
            let relative = Checker.relativeMargin(lhs: l, rhs: r)
            if tightest == nil || relative < tightest! { (tightest, worstPoint) = (relative, point) }
        }
        // From the tightest point, a short deterministic walk in the box (Checker+MarginSearch).
        if count > 1, let start = worstPoint, let margin = tightest, let found = try searchMargin(inequality, from: start, margin: margin) {
            let margin = found.rhs - found.lhs
            let ce = Counterexample(point: found.point.description, lhs: found.lhs.decimalString(digits: 20), rhs: found.rhs.decimalString(digits: 20),
                                    relativeDifference: margin.decimalString(digits: 6))
            return Verdict(.fails, "violated: \(found.lhs.decimalString(digits: 8)) vs \(found.rhs.decimalString(digits: 8)) at \(found.point) (found by a local search from the tightest of \(count) points)",
                           .inequality(InequalityEvidence(points: count, smallestMargin: margin.decimalString(digits: 6),
                                                          worstPoint: found.point.description, counterexample: ce)))
        }
        let m = smallest?.decimalString(digits: 6) ?? "n/a"
        let summary = count == 1 ? "holds with margin \(m)" : "holds at \(count) points, smallest margin \(m)"
        return Verdict(.holds, summary,
                       .inequality(InequalityEvidence(points: count, smallestMargin: m, worstPoint: worst, counterexample: nil)))
    }

    // MARK: quoted numbers

    func checkNumeric(_ claim: NumericClaim, _ rng: inout SplitMix64) throws -> Verdict {
        let point = try claim.space.sample(&rng)
        let certified = try CertifiedValue.evaluate(claim.value, at: point, options: options)
        guard let value = certified.value.scalar else { throw EvaluationError.shapeMismatch(node: claim.value.latex) }
        let bits = options.certifyingBits
        let shown = value.decimalString(digits: min(40, Int(certified.digits)))
        var styleName = ""
        let ok: Bool
        func quotedValue() throws -> Expr {
            guard let quoted = Expr.decimal(claim.quote) else {
                throw EvaluationError.unsupported("quote '\(claim.quote)' is not a decimal number")
            }
            return quoted
        }
        // An interval claim: given outright, or built around the quote (so the quote is judged).
        func contains(_ lower: Expr, _ upper: Expr, around: Bool) throws -> Bool {
            let evaluator = Evaluator(precision: bits, environment: try point.environment(precision: bits, cache: options.cache))
            let (low, high) = (try evaluator.scalar(lower), try evaluator.scalar(upper))
            styleName = around ? "within [\(low.decimalString(digits: 8)), \(high.decimalString(digits: 8))] around the quote"
                : "within [\(lower.plainText), \(upper.plainText)]"
            return low <= value && value <= high
        }
        switch claim.style {
        case .leadingDigits, .rounded:
            guard let quoted = BigFloat(claim.quote, precision: bits), quoted.isFinite,
                  let decimals = Checker.lastDecimalPlace(of: claim.quote) else {
                throw EvaluationError.unsupported("quote '\(claim.quote)' is not a decimal number")
            }
            let unit = BigFloat(10, precision: bits).pow(-decimals)
            if case .leadingDigits = claim.style {
                styleName = "leading digits"
                // Truncation toward zero at the quote's last decimal must give the quote.
                let truncated = (value.magnitude / unit).flooring() * unit
                ok = (truncated - quoted.magnitude).magnitude < unit / BigFloat(1000, precision: bits)
                    && value.sign * quoted.sign >= 0
            } else {
                styleName = "rounded to \(decimals) decimals"
                ok = (value - quoted).magnitude <= unit / BigFloat(2, precision: bits)
            }
        case let .within(lower, upper):
            ok = try contains(lower, upper, around: false)
        case let .around(below, above):
            let quoted = try quotedValue()
            ok = try contains(quoted - below, quoted + above, around: true)
        case let .withinFactor(factor):
            let quoted = try quotedValue()
            ok = try contains(quoted / factor, quoted * factor, around: true)
        }
        let evidence = NumericEvidence(point: point.description, value: shown, certifiedDigits: certified.digits,
                                       quote: claim.quote, style: styleName)
        return Verdict(ok ? .holds : .fails, "\(shown) vs quoted \(claim.quote) (\(styleName))", .numeric(evidence))
    }
}

extension Checker {
    /// The place of a quote's last written digit as a power of ten, negated: 2 for "0.02", 0 for
    /// "7", -2 for "1.5e3" (hundreds). `nil` when the exponent is too large for that to be an Int.
    static func lastDecimalPlace(of quote: String) -> Int? {
        let parts = quote.lowercased().split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        guard parts.count == 2 else { return fraction }
        guard let exponent = Int(parts[1]) else { return nil }
        let (place, overflow) = fraction.subtractingReportingOverflow(exponent)
        return overflow ? nil : place
    }
}

func format1(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    let scaled = (x * 10).rounded() / 10
    return "\(scaled)"
}
