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
                let env = try point.environment(precision: bits)
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
        // Observed order (or rate) between consecutive path points.
        var observed: [Double?] = [nil]
        for k in 1..<errors.count {
            observed.append(observedOrder(errors[k - 1], errors[k], steps[k - 1], steps[k], path.direction, order))
        }
        let rows = errors.indices.map { k in
            SequenceEvidence.Row(step: steps[k].decimalString(digits: 8), error: errors[k].decimalString(digits: 4),
                                 observedOrder: observed[k].map(format3), certifiedDigits: certified[k])
        }
        let allZero = errors.allSatisfy(\.isZero)
        let monotone = allZero || zip(errors, errors.dropFirst()).allSatisfy { $1 < $0 || ($1.isZero && $0.isZero) }
        let lastOrder = observed.last ?? nil
        var expected: Double? = nil
        if let bits = Optional(options.certifyingBits) {
            switch order {
            case let .power(p): expected = p
            case let .geometric(rate):
                let env = try configuration.with(path.variable, .exact(path.values.last!)).environment(precision: bits)
                expected = try Evaluator(precision: bits, environment: env).scalar(rate).doubleValue
            case .unspecified: expected = nil
            }
        }
        // Extrapolated limit (limits only), certified by doing it at both precisions.
        var extrapolatedText: String? = nil
        var extrapolatedDigits: Double? = nil
        if extrapolate, let target = limitValue {
            let high = extrapolation(values, steps, path.direction, order)
            let low = extrapolation(lowValues, steps, path.direction, order)
            if let high, let low {
                let certifiedDigits = agreementDigits(.scalar(low), .scalar(high), capBits: options.workingBits)
                let agreement = agreementDigits(.scalar(high), .scalar(target), capBits: options.workingBits)
                extrapolatedText = high.decimalString(digits: 25)
                extrapolatedDigits = min(certifiedDigits, agreement)
            }
        }
        // Verdict for this configuration.
        var outcome = Verdict.Outcome.holds
        var problem: String? = nil
        let minimumCertified = zip(certified, errors).filter { !$0.1.isZero }.map(\.0).min() ?? Double.infinity
        if allZero {
            outcome = .holds
        } else if minimumCertified < 2 {
            outcome = .inconclusive
            problem = "errors lost to cancellation (\(format3(minimumCertified)) certified digits)"
        } else if !monotone {
            outcome = .fails
            problem = "error does not shrink along \(path.variable.name)"
        } else if let last = lastOrder {
            switch order {
            case let .power(p):
                if Swift.abs(last - p) > 0.15 * Swift.max(1, p) {
                    outcome = .inconclusive
                    problem = "error shrinks at order \(format3(last)), expected \(format3(p))"
                }
            case .geometric:
                if let r = expected, r > 0, r < 1, Swift.abs(last.logarithm - r.logarithm) > 0.05 * Swift.abs(r.logarithm) {
                    outcome = .inconclusive
                    problem = "error shrinks at rate \(format3(last)) per step, expected \(format3(r))"
                }
            case .unspecified:
                if path.direction == .toZero || !order.isGeometric, last < 0.2 {
                    outcome = .fails
                    problem = "error stalls (observed order \(format3(last)))"
                }
            }
        }
        if extrapolate, outcome == .holds, !allZero {
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

    /// Wynn's ε toward infinity; Richardson in h (or 1/n) for power-law convergence.
    func extrapolation(_ values: [BigFloat], _ steps: [BigFloat], _ direction: RegimePath.Direction,
                       _ order: ExpectedOrder) -> BigFloat? {
        switch (direction, order) {
        case (.toZero, _):
            return Extrapolation.richardson(values, steps: steps)
        case (.toInfinity, .power):
            let bits = values.map(\.precision).max() ?? 64
            return Extrapolation.richardson(values, steps: steps.map { BigFloat(1, precision: bits) / $0 })
        case (.toInfinity, _):
            return Extrapolation.wynnEpsilon(values)
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
