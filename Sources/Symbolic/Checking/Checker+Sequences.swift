/// Approximations and limits: the error along a path toward the regime, its observed order,
/// and (for limits) the extrapolated limit.
extension Checker {
    func checkSequence(exact: Expr, approximation: Expr, path: RegimePath, order: ExpectedOrder,
                       measure: Approximation.Measure, space: ParameterSpace, extrapolate: Bool,
                       _ rng: inout SplitMix64) throws -> Verdict {
        guard path.values.count >= 2 else { throw EvaluationError.unsupported("a regime path needs two or more values") }
        let configurations = try space.grid(&rng)
        guard !configurations.isEmpty else { throw SamplingError.emptyDomain("no admissible configuration") }
        var results: [SequenceEvidence.Configuration] = []
        var outcome = Verdict.Outcome.holds
        var problems: [String] = []
        for configuration in configurations {
            let (result, verdict, problem) = try run(exact: exact, approximation: approximation, path: path, order: order,
                                                     measure: measure, configuration: configuration, extrapolate: extrapolate)
            results.append(result)
            outcome = Checker.combined([outcome, verdict])
            if let problem { problems.append("\(problem) at \(configuration)") }
        }
        let evidence = SequenceEvidence(variable: path.variable.name, direction: path.direction,
                                        orderKind: order.name, configurations: results)
        let first = results[0]
        var summary: String
        if extrapolate {
            let digits = results.compactMap(\.extrapolatedDigits).min()
            summary = "error \(first.rows.first?.error ?? "?") → \(first.rows.last?.error ?? "?")"
            if let digits { summary += ", extrapolated limit agrees to \(Int(digits)) digits" }
        } else {
            summary = "error \(first.rows.first?.error ?? "?") → \(first.rows.last?.error ?? "?")"
        }
        let orders = results.compactMap(\.lastOrder)
        if let lo = orders.min(), let hi = orders.max() {
            let label = order.isGeometric ? "rate" : "order"
            summary += lo == hi || (hi - lo) < 0.005 ? ", \(label) \(format3(lo))" : ", \(label) \(format3(lo))…\(format3(hi))"
            if let expected = results.compactMap(\.expectedOrder).first, !order.isGeometric {
                summary += " (expected \(format3(expected)))"
            }
        }
        if results.count > 1 { summary += " over \(results.count) configurations" }
        if !problems.isEmpty { summary = problems.prefix(2).joined(separator: "; ") + "; " + summary }
        return Verdict(outcome, summary, .sequence(evidence))
    }

    private func run(exact: Expr, approximation: Expr, path: RegimePath, order: ExpectedOrder,
                     measure: Approximation.Measure, configuration: Point, extrapolate: Bool) throws
        -> (SequenceEvidence.Configuration, Verdict.Outcome, String?) {
        var errors: [BigFloat] = []
        var lowErrors: [BigFloat] = []
        var steps: [BigFloat] = []
        var values: [BigFloat] = []
        var lowValues: [BigFloat] = []
        var limitValue: BigFloat? = nil
        var certified: [Double] = []
        for h in path.values {
            let point = configuration.with(path.variable, .exact(h))
            var pair: [(BigFloat, BigFloat, BigFloat)] = []  // (exact, approximation, step) per precision
            for bits in [options.workingBits, options.certifyingBits] {
                let env = try point.environment(precision: bits, cache: options.cache)
                let evaluator = Evaluator(precision: bits, environment: env)
                pair.append((try evaluator.scalar(exact), try evaluator.scalar(approximation), try evaluator.scalar(h)))
            }
            func error(_ e: BigFloat, _ a: BigFloat) -> BigFloat {
                let difference = (e - a).magnitude
                guard measure == .relative else { return difference }
                let scale = a.isZero ? e.magnitude : a.magnitude
                return scale.isZero ? difference : difference / scale
            }
            let low = error(pair[0].0, pair[0].1)
            let high = error(pair[1].0, pair[1].1)
            errors.append(high)
            lowErrors.append(low)
            steps.append(pair[1].2)
            values.append(pair[1].0)
            lowValues.append(pair[0].0)
            limitValue = pair[1].1
            certified.append(agreementDigits(.scalar(low), .scalar(high), capBits: options.workingBits))
        }
        // Errors below what the working precision can resolve count as converged: they are
        // excluded from the order and monotonicity tests (but may only come after the others).
        let cap = Double(Precision.digits(forBits: options.workingBits))
        let floorDigits = cap - 4
        func atFloor(_ k: Int) -> Bool {
            let scale = measure == .relative ? 0 : Swift.max(values[k].magnitude.log10Magnitude, 0)
            return errors[k].isZero || -errors[k].log10Magnitude + scale > floorDigits
        }
        let active = errors.indices.filter { !atFloor($0) }
        // Observed order (or rate) between consecutive resolvable path points.
        var observed = [Double?](repeating: nil, count: errors.count)
        for (a, b) in zip(active, active.dropFirst()) {
            observed[b] = observedOrder(errors[a], errors[b], steps[a], steps[b], path.direction, order)
        }
        let rows = errors.indices.map { k in
            SequenceEvidence.Row(step: path.values[k].plainText, error: errors[k].decimalString(digits: 4),
                                 observedOrder: observed[k].map(format3), certifiedDigits: certified[k])
        }
        let allZero = active.isEmpty
        let floorsLast = active.allSatisfy { k in (0..<k).allSatisfy { !atFloor($0) } }
        let monotone = allZero || (floorsLast && zip(active, active.dropFirst()).allSatisfy { errors[$1] < errors[$0] })
        let lastOrder = active.count >= 2 ? observed[active.last!] : nil
        var expected: Double? = nil
        switch order {
        case let .power(p): expected = p
        case let .geometric(rate):
            let bits = options.certifyingBits
            let env = try configuration.with(path.variable, .exact(path.values.last!)).environment(precision: bits, cache: options.cache)
            expected = try Evaluator(precision: bits, environment: env).scalar(rate).doubleValue
        case .unspecified: expected = nil
        }
        // Extrapolated limit (limits only), certified by doing it at both precisions.
        var extrapolatedText: String? = nil
        var extrapolatedDigits: Double? = nil
        var extrapolationCertified = 0.0
        // How far the claim is from the extrapolated limit, and how far the extrapolation itself
        // may be off (its change when the last point is left out), both relative to the limit.
        var deviation: BigFloat? = nil
        var extrapolationError: BigFloat? = nil
        if extrapolate, let target = limitValue {
            if atFloor(errors.count - 1) {
                extrapolatedText = values.last!.decimalString(digits: 25)
                extrapolatedDigits = cap
            } else {
                let (high, low, previous) = try extrapolated(exact, path: path, order: order, configuration: configuration,
                                                             values: values, lowValues: lowValues, steps: steps)
                if let high, let low {
                    // Relative to the limit; absolute when the claimed limit is 0.
                    let scale = target.isZero ? BigFloat(1, precision: high.precision) : target.magnitude
                    deviation = (high - target).magnitude / scale
                    extrapolationError = previous.map { ($0 - high).magnitude / scale }
                    let certifiedDigits = agreementDigits(.scalar(low), .scalar(high), capBits: options.workingBits)
                    let agreement = agreementDigits(.scalar(high), .scalar(target), capBits: options.workingBits)
                    extrapolatedText = high.decimalString(digits: 25)
                    extrapolatedDigits = Swift.min(certifiedDigits, agreement)
                    extrapolationCertified = certifiedDigits
                }
            }
        }
        // Verdict for this configuration.
        var outcome = Verdict.Outcome.holds
        var problem: String? = nil
        let minimumCertified = active.map { certified[$0] }.min() ?? Double.infinity
        if allZero {
            outcome = .holds
        } else if minimumCertified < 2 {
            outcome = .inconclusive
            problem = "errors lost to cancellation (\(format3(minimumCertified)) certified digits)"
        } else if !monotone {
            // A wobbling error decides nothing by itself. A limit is decided by its extrapolated
            // value (below); an approximation fails only if the error has not shrunk at all.
            let first = active.first.map { errors[$0] }, final = active.last.map { errors[$0] }
            if extrapolate {
                problem = "error not monotone along \(path.variable.name); decided by the extrapolated limit"
            } else if let first, let final, final >= first {
                outcome = .fails
                problem = "error does not shrink along \(path.variable.name)"
            } else {
                outcome = .inconclusive
                problem = "error not monotone along \(path.variable.name)"
            }
        } else if let last = lastOrder {
            switch order {
            case let .power(p):
                // An error that has stopped shrinking (a wrong constant, a wrong limit) refutes a
                // claim that it vanishes at order p; one merely off the stated order decides nothing.
                if p > 0, last < Swift.min(0.2, p / 2) {
                    outcome = .fails
                    problem = "error stalls (observed order \(format3(last)), expected \(format3(p)))"
                } else if Swift.abs(last - p) > 0.15 * Swift.max(1, p) {
                    outcome = .inconclusive
                    problem = "error shrinks at order \(format3(last)), expected \(format3(p))"
                }
            case .geometric:
                if let r = expected, r > 0, r < 1, Swift.abs(last.logarithm - r.logarithm) > 0.05 * Swift.abs(r.logarithm) {
                    outcome = .inconclusive
                    problem = "error shrinks at rate \(format3(last)) per step, expected \(format3(r))"
                }
            case .unspecified:
                if last < 0.2 {
                    outcome = .fails
                    problem = "error stalls (observed order \(format3(last)))"
                }
            }
        }
        if extrapolate, outcome != .fails, !allZero, extrapolationCertified >= 10, let digits = extrapolatedDigits, digits < 6 {
            // A certified extrapolated limit that differs from the claim refutes the claim, even
            // when the error's rate looked odd (a wrong limit approached geometrically).
            outcome = .fails
            problem = "the sequence tends to \(extrapolatedText ?? "?"), not to the claimed value"
        } else if extrapolate, outcome == .holds, !allZero, extrapolationCertified >= 10, let deviation, let extrapolationError,
                  deviation > 3 * BigFloat.max(extrapolationError, BigFloat(10, precision: 64).pow(-Int(extrapolationCertified) + 2)) {
            // Agreeing to six digits is not enough when the limit is known far better: the claim
            // must lie within three times the extrapolation's own error estimate.
            outcome = .fails
            problem = "the sequence tends to \(extrapolatedText ?? "?") (±\(extrapolationError.decimalString(digits: 2)) relative), not to the claimed value"
        } else if extrapolate, outcome == .holds, !allZero {
            if let digits = extrapolatedDigits, digits < 6 {
                outcome = .fails
                problem = "extrapolated limit \(extrapolatedText ?? "?") differs from the claimed value"
            } else if extrapolatedDigits == nil {
                outcome = .inconclusive
                problem = "could not extrapolate"
            }
        }
        let configurationEvidence = SequenceEvidence.Configuration(
            point: configuration.description, rows: rows, monotone: monotone, lastOrder: lastOrder,
            extrapolatedLimit: extrapolatedText, extrapolatedDigits: extrapolatedDigits, expectedOrder: expected)
        return (configurationEvidence, outcome, problem)
    }

    /// Power order p (error ∝ h^p or n^-p), or for geometric paths the rate r per unit step.
    func observedOrder(_ e0: BigFloat, _ e1: BigFloat, _ h0: BigFloat, _ h1: BigFloat,
                       _ direction: RegimePath.Direction, _ order: ExpectedOrder) -> Double? {
        guard !e0.isZero, !e1.isZero else { return nil }
        let logRatio = (e1 / e0).log().doubleValue
        if order.isGeometric {
            let dn = (h1 - h0).doubleValue
            guard dn != 0 else { return nil }
            return (logRatio / dn).exponential
        }
        let logSteps = (h1 / h0).log().doubleValue
        guard logSteps != 0 else { return nil }
        return direction == .toZero ? logRatio / logSteps : -logRatio / logSteps
    }

    /// The limit extrapolated at both precisions, and at the higher one from one point fewer
    /// (their difference estimates the extrapolation's error). Toward zero (or for power laws
    /// toward infinity, in h = 1/n): Richardson on the path itself. Otherwise Wynn's ε on seven
    /// equally spaced points continuing the path, since ε (like Aitken's Δ²) needs equal spacing.
    func extrapolated(_ e: Expr, path: RegimePath, order: ExpectedOrder, configuration: Point,
                      values: [BigFloat], lowValues: [BigFloat], steps: [BigFloat]) throws
        -> (high: BigFloat?, low: BigFloat?, previous: BigFloat?) {
        switch (path.direction, order) {
        case (.toZero, _), (.toInfinity, .power):
            // Toward infinity a power law is extrapolated in h = 1/n.
            let bits = options.certifyingBits
            let h = path.direction == .toZero ? steps : steps.map { BigFloat(1, precision: bits) / $0 }
            return (Extrapolation.richardson(values, steps: h), Extrapolation.richardson(lowValues, steps: h),
                    Extrapolation.richardson(Array(values.dropLast()), steps: Array(h.dropLast())))
        case (.toInfinity, _):
            let last = path.values[path.values.count - 1]
            let spacing = last - path.values[path.values.count - 2]
            var high: [BigFloat] = []
            var low: [BigFloat] = []
            for k in 0..<7 {
                let point = configuration.with(path.variable, .exact(last + Expr.number(Rational(k)) * spacing))
                for (bits, into) in [(options.certifyingBits, 0), (options.workingBits, 1)] {
                    let value = try Evaluator(precision: bits, environment: try point.environment(precision: bits, cache: options.cache)).scalar(e)
                    if into == 0 { high.append(value) } else { low.append(value) }
                }
            }
            return (Extrapolation.wynnEpsilon(high), Extrapolation.wynnEpsilon(low), Extrapolation.wynnEpsilon(Array(high.prefix(5))))
        }
    }
}

extension ExpectedOrder {
    var isGeometric: Bool {
        if case .geometric = self { return true }
        return false
    }
    var name: String {
        switch self {
        case let .power(p): return "power \(format3(p))"
        case .geometric: return "geometric"
        case .unspecified: return "unspecified"
        }
    }
}

func format3(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    if x != 0 && (Swift.abs(x) < 1e-3 || Swift.abs(x) >= 1e6) { return BigFloat(x).decimalString(digits: 3) }
    let scaled = (x * 1000).rounded() / 1000
    return "\(scaled)"
}
