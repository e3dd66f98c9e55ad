/// A local search for a violation of an inequality, started from the sampled point where the
/// bound is tightest. Sampled points find where a bound is nearly tight; a violation confined
/// to a thin region next to it (a bound edited in one term, tight at one corner) is found by
/// walking from there. The search is deterministic: no draw, only the worst point and the box.
extension Checker {
    /// The outcome of a margin search: the point where lhs > rhs was found, with both sides, or
    /// nil when every step kept the bound.
    struct MarginViolation {
        let point: Point
        let lhs: BigFloat
        let rhs: BigFloat
    }

    /// Coordinate steps of a quarter, a tenth, 3 % and 1 % of each ranged coordinate's range,
    /// both ways, clamped to the box, swept again while they improve (a pattern search of at
    /// most 3 sweeps per step size); a step is kept when it lowers the relative margin
    /// (rhs - lhs)/(|lhs| + |rhs|). A violation counts only beyond four times the certified
    /// error of the two sides plus 2^-(bits-16) of their size, so a tie (a bound attained at
    /// n = m) that rounds to a hair below zero is no counterexample.
    func searchMargin(_ inequality: Inequality, from start: Point, margin startMargin: BigFloat) throws -> MarginViolation? {
        let ranged = inequality.space.parameters.filter(\.isRanged)
        guard !ranged.isEmpty else { return nil }
        func relativeMargin(_ point: Point) throws -> (BigFloat, MarginViolation?) {
            let lhs = try CertifiedValue.evaluate(inequality.lhs, at: point, options: options)
            let rhs = try CertifiedValue.evaluate(inequality.rhs, at: point, options: options)
            guard let l = lhs.value.scalar, let r = rhs.value.scalar else { throw EvaluationError.shapeMismatch(node: inequality.lhs.latex) }
            let margin = r - l
            let scale = l.magnitude + r.magnitude
            // Four times the certified error, and never less than 2^-(bits-16) of the sides: both
            // evaluations can agree to the last bit and still round a tie a few ulps apart.
            let floor = scale * BigFloat(2, precision: 64).pow(-(options.workingBits - 16))
            let tolerance = BigFloat(4, precision: 64) * (lhs.uncertainty + rhs.uncertainty) + floor
            // Strict or not, only a margin below zero beyond rounding is a counterexample here: a
            // margin of exactly 0 may be a tie that rounding decided (the sampled points judge
            // strictness exactly).
            let violated = margin < BigFloat.zero && margin.magnitude > tolerance
            return (Checker.relativeMargin(lhs: l, rhs: r), violated ? MarginViolation(point: point, lhs: l, rhs: r) : nil)
        }
        var point = start
        var best = startMargin
        for fraction in [0.25, 0.1, 0.03, 0.01] {
            // At each step size, sweep the coordinates again while a sweep improves (at most 3).
            var sweeps = 0, improved = true
            while improved, sweeps < 3 {
                improved = false
                sweeps += 1
                for parameter in ranged {
                    for direction in [1.0, -1.0] {
                        // Only points of the claim's space: its constraints (n > m) hold there too.
                        guard let moved = point.stepped(parameter, by: direction * fraction),
                              (try? inequality.space.satisfiesConstraints(moved)) == true else { continue }
                        // A step outside where the expressions are defined is no evidence either way.
                        guard let (margin, violation) = try? relativeMargin(moved) else { continue }
                        if let violation { return violation }
                        if margin < best { (best, point, improved) = (margin, moved, true) }
                    }
                }
            }
        }
        return nil
    }
}

extension Checker {
    /// (rhs - lhs)/(|lhs| + |rhs|), or rhs - lhs when both are 0: how tight a bound is.
    static func relativeMargin(lhs: BigFloat, rhs: BigFloat) -> BigFloat {
        let scale = lhs.magnitude + rhs.magnitude
        return scale.isZero ? rhs - lhs : (rhs - lhs) / scale
    }
}

extension Point {
    /// The point with one ranged coordinate moved by `fraction` of its range (integers by at
    /// least one), clamped to the range; nil when the coordinate is not sampled or cannot move.
    func stepped(_ parameter: Parameter, by fraction: Double) -> Point? {
        guard let index = entries.firstIndex(where: { $0.0 == parameter.symbol }) else { return nil }
        switch (parameter.domain, entries[index].1) {
        case let (.uniform(a, b), .sampled(x)):
            let moved = Swift.min(b, Swift.max(a, x + fraction * (b - a)))
            return moved == x ? nil : replacing(index, .sampled(moved))
        case let (.logUniform(a, b), .sampled(x)) where a > 0 && x > 0:
            let moved = Swift.min(b, Swift.max(a, (x.logarithm + fraction * (b / a).logarithm).exponential))
            return moved == x ? nil : replacing(index, .sampled(moved))
        case let (.integers(range), .integer(n)):
            let span = Double(range.upperBound - range.lowerBound)
            let step = Int((fraction * span).rounded(.towardZero))
            let moved = Swift.min(range.upperBound, Swift.max(range.lowerBound, n + (step == 0 ? (fraction > 0 ? 1 : -1) : step)))
            return moved == n ? nil : replacing(index, .integer(moved))
        default:
            return nil
        }
    }

    /// The point with entry `index` replaced in place: derived entries after it see the new value.
    private func replacing(_ index: Int, _ entry: Entry) -> Point {
        var copy = self
        copy.entries[index].1 = entry
        return copy
    }
}
