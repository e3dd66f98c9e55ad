extension Evaluator {
    /// A definite integral by double-exponential quadrature at this evaluator's precision.
    /// Non-convergence is an error, never a silently inaccurate value.
    func integrate(_ bound: BoundIndex, _ body: Expr, _ node: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> BigFloat {
        let lower = try boundValue(bound.lower, node, &locals)
        let upper = try boundValue(bound.upper, node, &locals)
        if lower == upper { return BigFloat(0, precision: precision) }
        // ∫_a^b = -∫_b^a: integrate over increasing bounds.
        let flipped = lower > upper
        let (a, b) = flipped ? (upper, lower) : (lower, upper)
        let interval: Quadrature.Interval
        switch (a.isInfinite, b.isInfinite) {
        case (false, false): interval = .finite(a, b)
        case (false, true): interval = .upperInfinite(from: a)
        case (true, false): interval = .lowerInfinite(to: b)
        case (true, true): interval = .whole
        }
        let name = bound.index.name
        let saved = locals[name]
        defer { locals[name] = saved }
        let result = try Quadrature.integrate(interval, precision: precision) { (x: BigFloat) throws(EvaluationError) -> BigFloat in
            locals[name] = .scalar(x)
            guard case let .scalar(y) = try eval(body, &locals) else { throw .shapeMismatch(node: node.latex) }
            guard y.isFinite else { throw .nonFinite(node: body.latex + " at \(bound.index.name) = \(x.decimalString(digits: 12))") }
            return y
        }
        guard result.converged else {
            throw .quadratureFailed(node: node.latex, detail: "no convergence after \(result.levels) levels (change \(result.errorEstimate.decimalString(digits: 3)))")
        }
        return flipped ? -result.value : result.value
    }

    private func boundValue(_ e: Expr, _ node: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> BigFloat {
        if case .constant(.infinity) = e { return BigFloat.infinity(precision: precision) }
        if case let .product(factors) = e, factors.count == 2, factors[0].rationalValue == Rational(-1),
           case .constant(.infinity) = factors[1] {
            return BigFloat.infinity(precision: precision, negative: true)
        }
        guard case let .scalar(x) = try eval(e, &locals), !x.isNaN else { throw .shapeMismatch(node: node.latex) }
        return x
    }
}
