/// Monte Carlo claims and mean-field heuristics.
extension Checker {
    /// Passes when the quote lies within 3 σ of the simulated value, σ combining the spread the
    /// quote carries (one run's spread, or the standard error), our standard error, and half a
    /// unit of the quote's last digit.
    func checkMonteCarlo(_ claim: MonteCarloClaim, _ rng: inout SplitMix64) throws -> Verdict {
        guard let quote = Double(claim.quote) else {
            throw EvaluationError.unsupported("quote '\(claim.quote)' is not a number")
        }
        let seed = rng.next()
        // Runs are shared within a checking run (mutants of a quote reuse the simulation).
        let simulate = { (replicates: Int) throws -> RunningStatistics in
            let key = "monteCarlo/\(claim.simulation.name)/\(seed)/\(replicates)"
            let statistics = options.cache.value(key) {
                MonteCarlo.run(replicates: replicates, seed: seed, jobs: options.jobs, claim.simulation.replicate)
            }
            guard let s = statistics.first, s.count > 1 else {
                throw EvaluationError.unsupported("simulation \(claim.simulation.name) returned no observable")
            }
            return s
        }
        let requested = Swift.max(claim.replicates, options.samples ?? 0)
        // A quote of exactly 0 (an identity's difference) has no scale to be relative to: it
        // gets the most replicates the rule below allows, and its resolution is stated in
        // absolute terms.
        let zeroQuote = quote == 0
        var s = try simulate(zeroQuote && claim.quoted == .expectation ? 16 * requested : requested)
        // Power: an expectation's standard error shrinks with replicates; raise them until the
        // stated deviation sits at 5 standard errors. One run's spread does not shrink: it is
        // reported as the resolution instead.
        let target = claim.relativeDeviation * Swift.max(Swift.abs(s.mean), Swift.abs(quote))
        if claim.quoted == .expectation, !zeroQuote, target > 0, s.standardDeviation > 0 {
            let needed = (5 * s.standardDeviation / target) * (5 * s.standardDeviation / target)
            let replicates = Int(Swift.min(needed.rounded(.up), Double(16 * requested)))
            if replicates > requested { s = try simulate(replicates) }
        }
        guard let decimals = Checker.lastDecimalPlace(of: claim.quote) else {
            throw EvaluationError.unsupported("quote '\(claim.quote)' has an exponent beyond range")
        }
        let halfUnit = claim.quoteIsExact ? 0 : 0.5 * pow10(-decimals)
        let quotedSpread = claim.quoted == .singleRun ? s.standardDeviation : 0
        let sigma = (quotedSpread * quotedSpread + s.standardError * s.standardError + halfUnit * halfUnit).squareRoot()
        let z = (quote - s.mean) / sigma
        var outcome: Verdict.Outcome = Swift.abs(z) <= 3 ? .holds : .fails
        var referenceText: String? = nil
        var referenceZ: Double? = nil
        var note = ""
        if let reference = claim.reference {
            let point = try claim.referenceSpace.sample(&rng)
            let value = try CertifiedValue.evaluate(reference, at: point, options: options)
            guard let exact = value.value.scalar else { throw EvaluationError.shapeMismatch(node: reference.latex) }
            referenceText = exact.decimalString(digits: Swift.min(20, Int(value.digits)))
            let rz = (s.mean - exact.doubleValue) / s.standardError
            referenceZ = rz
            note = ", exact \(exact.decimalString(digits: 8)) (estimate at \(format3(rz)) se)"
            // A simulation that disagrees with the exact value means our simulation or our
            // exact formula is wrong: no verdict on the article can rest on it.
            if Swift.abs(rz) > 4 { outcome = .inconclusive; note += " — simulation and exact value disagree" }
        }
        // |z| ≤ 3 passes: a quote 3σ from the estimate is the least deviation surely caught.
        let resolution = 3 * sigma / Swift.max(Swift.abs(s.mean), .leastNormalMagnitude)
        let evidence = MonteCarloEvidence(
            simulation: claim.simulation.name, replicates: s.count, seed: seed, mean: s.mean, standardError: s.standardError,
            runSpread: s.standardDeviation, quote: claim.quote, quoted: claim.quoted, zScore: z,
            reference: referenceText, referenceZ: referenceZ, detectableRelativeDeviation: zeroQuote ? nil : resolution)
        let detects = zeroQuote ? "detects a deviation of \(format3(3 * sigma)) from 0" : "detects a \(format3(100 * resolution))% deviation"
        let summary = "quote \(claim.quote) vs \(formatSignificant(s.mean)) ± \(format3(s.standardError)) (run spread \(format3(s.standardDeviation)), \(s.count) runs), z = \(format3(z)); \(detects)" + note
        return Verdict(outcome, summary, .monteCarlo(evidence))
    }

    func checkMeanField(_ claim: MeanFieldClaim, _ rng: inout SplitMix64) throws -> Verdict {
        let points = try claim.space.grid(&rng)
        var rows: [MeanFieldEvidence.Row] = []
        var worst = 0.0
        var worstPoint = ""
        for point in points {
            let exact = try CertifiedValue.evaluate(claim.exact, at: point, options: options)
            let heuristic = try CertifiedValue.evaluate(claim.heuristic, at: point, options: options)
            guard let e = exact.value.scalar, let h = heuristic.value.scalar else {
                throw EvaluationError.shapeMismatch(node: claim.exact.latex)
            }
            let gap = e.isZero ? (h - e).doubleValue : ((h - e) / e).doubleValue
            if Swift.abs(gap) >= worst { (worst, worstPoint) = (Swift.abs(gap), point.description) }
            rows.append(.init(point: point.description, exact: e.decimalString(digits: 12), heuristic: h.decimalString(digits: 12),
                              relativeGap: gap, certifiedDigits: Swift.min(exact.digits, heuristic.digits)))
        }
        let digits = rows.map(\.certifiedDigits).min() ?? 0
        let gaps = rows.map { format3(100 * $0.relativeGap) + "%" }
        let shown = gaps.count > 4 ? gaps.prefix(4).joined(separator: ", ") + ", …" : gaps.joined(separator: ", ")
        switch claim.criterion {
        case let .within(tolerance):
            let outcome: Verdict.Outcome = digits < 6 ? .inconclusive : (worst <= tolerance ? .holds : .fails)
            let summary = "mean-field gap \(shown) (largest \(format3(100 * worst))%, allowed \(format3(100 * tolerance))%)"
            return Verdict(outcome, summary, .meanField(MeanFieldEvidence(rows: rows, tolerance: tolerance, regime: nil)))
        case let .exactInRegime(path, order, regimeSpace):
            let regime = try checkSequence(exact: claim.exact, approximation: claim.heuristic, path: path, order: order,
                                           measure: .relative, space: regimeSpace, extrapolate: false, &rng)
            guard case let .sequence(sequence) = regime.evidence else { return regime }
            // The grid is a map of the gap outside the regime; it decides nothing, but a grid the
            // engine cannot evaluate to 6 digits makes the whole claim inconclusive.
            let outcome = digits < 6 ? Checker.combined([regime.outcome, .inconclusive]) : regime.outcome
            let arrow = "\(path.variable.name) → \(path.direction == .toZero ? "0" : "∞")"
            let summary = "in its regime (\(arrow)): \(regime.summary); on the grid the gap is \(shown) (largest \(format3(100 * worst))% at \(worstPoint))"
            return Verdict(outcome, summary, .meanField(MeanFieldEvidence(rows: rows, tolerance: nil, regime: sequence)))
        }
    }
}

/// 10^k as a double (0 or infinity beyond its range), without a loop of k steps.
func pow10(_ k: Int) -> Double {
    Double("1e\(k)") ?? (k < 0 ? 0 : .infinity)
}

func formatSignificant(_ x: Double) -> String { BigFloat(x).decimalString(digits: 6) }
