/// Evaluates expressions at a fixed precision in an environment.
///
/// Bound indices of sums, products and recurrences are kept in `locals`, a small stack that
/// shadows the environment, so a sum of t terms costs t body evaluations and no copies.
public struct Evaluator: Sendable {
    public let precision: Int
    public let environment: Environment
    /// Upper limit on the terms of one bound sum or recurrence, against runaway inputs.
    public static let maximumTerms = 50_000_000

    public init(precision: Int, environment: Environment) {
        self.precision = Precision.clamp(precision)
        self.environment = environment
    }

    public func evaluate(_ e: Expr) throws(EvaluationError) -> Value {
        var locals: [String: Value] = [:]
        let value = try eval(e, &locals)
        guard value.isFinite else { throw .nonFinite(node: e.latex) }
        return value
    }

    /// Evaluates an expression that must be a scalar.
    public func scalar(_ e: Expr) throws(EvaluationError) -> BigFloat {
        guard case let .scalar(x) = try evaluate(e) else { throw .shapeMismatch(node: e.latex) }
        return x
    }

    /// Integers are set exactly without the division of the general rational path.
    func constant(_ r: Rational) -> BigFloat {
        r.isInteger ? BigFloat(r.numerator, precision: precision) : BigFloat(r, precision: precision)
    }

    func eval(_ e: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> Value {
        switch e {
        case let .number(r):
            return .scalar(constant(r))
        case let .constant(c):
            switch c {
            case .pi: return .scalar(BigFloat.pi(precision: precision))
            case .e: return .scalar(BigFloat.e(precision: precision))
            case .eulerGamma: return .scalar(BigFloat.eulerGamma(precision: precision))
            case .infinity: return .scalar(BigFloat.infinity(precision: precision))
            }
        case let .symbol(s):
            if let v = locals[s.name] ?? environment.values[s.name] { return rounded(v) }
            throw .unboundSymbol(s.name)
        case let .indexed(s, indexExprs):
            var indices: [Int] = []
            for indexExpr in indexExprs { indices.append(try integer(indexExpr, &locals)) }
            guard let source = environment.families[s.name] else { throw .unboundFamily(s.name) }
            return source.member(indices, precision: precision)
        case let .sum(terms):
            var total = try eval(terms[0], &locals)
            for term in terms.dropFirst() {
                // a - x is stored as a + (-1)·x; subtracting directly saves a multiplication
                // and gives the same bits (negation is exact).
                if case let .product(factors) = term, factors.count == 2, factors[0].rationalValue == Rational(-1) {
                    total = try combine(total, try eval(factors[1], &locals), e, -)
                } else {
                    total = try combine(total, try eval(term, &locals), e, +)
                }
            }
            return total
        case let .product(factors):
            var total = try eval(factors[0], &locals)
            for factor in factors.dropFirst() {
                if case let .power(base, exponent) = factor, exponent.rationalValue == Rational(-1) {
                    let divisor = try eval(base, &locals)
                    if case .matrix = divisor {
                        total = try multiplied(total, try matrixPower(divisor, Rational(-1), e), e)
                        continue
                    }
                    if divisor.components.contains(where: \.isZero) { throw .divisionByZero(node: e.latex) }
                    total = try combine(total, divisor, e, /)
                } else {
                    total = try multiplied(total, try eval(factor, &locals), e)
                }
            }
            return total
        case let .power(base, exponent):
            return try power(base, exponent, e, &locals)
        case let .call(function, args):
            var values: [Value] = []
            for arg in args { values.append(try eval(arg, &locals)) }
            return try call(function, values, e)
        case let .external(function, args):
            var values: [BigFloat] = []
            for arg in args {
                guard case let .scalar(x) = try eval(arg, &locals) else { throw .shapeMismatch(node: e.latex) }
                values.append(x)
            }
            guard values.count == function.arity else {
                throw .unsupported("\(function.name) takes \(function.arity) argument(s), got \(values.count)")
            }
            return .scalar(try function.evaluate(values, precision: precision, cache: environment.cache))
        case let .boundSum(bound, body):
            let (lower, upper) = try range(bound, e, &locals)
            guard lower <= upper else { return .scalar(constant(.zero)) }
            let saved = locals[bound.index.name]
            defer { locals[bound.index.name] = saved }
            var total: Value? = nil
            for k in lower...upper {
                locals[bound.index.name] = .scalar(BigFloat(k, precision: 64))
                let term = try eval(body, &locals)
                total = try total.map { (t) throws(EvaluationError) -> Value in try combine(t, term, e, +) } ?? term
            }
            return total ?? .scalar(constant(.zero))
        case let .integral(bound, body):
            return .scalar(try integrate(bound, body, e, &locals))
        case let .boundProduct(bound, body):
            let (lower, upper) = try range(bound, e, &locals)
            guard lower <= upper else { return .scalar(constant(.one)) }
            let saved = locals[bound.index.name]
            defer { locals[bound.index.name] = saved }
            var total: Value? = nil
            for k in lower...upper {
                locals[bound.index.name] = .scalar(BigFloat(k, precision: 64))
                let factor = try eval(body, &locals)
                total = try total.map { (t) throws(EvaluationError) -> Value in try combine(t, factor, e, *) } ?? factor
            }
            return total ?? .scalar(constant(.one))
        case let .piecewise(branches, otherwise):
            for branch in branches where try holds(branch.condition, &locals) {
                return try eval(branch.value, &locals)
            }
            return try eval(otherwise, &locals)
        case let .recurrence(r):
            let count = try integer(r.count, &locals)
            guard count >= 0 else { throw .notAnInteger(node: e.latex, value: "\(count) (negative step count)") }
            guard count <= Evaluator.maximumTerms else { throw .boundTooLarge(node: e.latex, count: count) }
            let savedPrevious = locals[r.previous.name]
            let savedIndex = locals[r.index.name]
            defer {
                locals[r.previous.name] = savedPrevious
                locals[r.index.name] = savedIndex
            }
            var state = try eval(r.initial, &locals)
            if count > 0 {
                for s in 1...count {
                    locals[r.previous.name] = state
                    locals[r.index.name] = .scalar(BigFloat(s, precision: 64))
                    state = try eval(r.step, &locals)
                }
            }
            return state
        case let .named(_, definition):
            return try eval(definition, &locals)
        case let .derivative(body, variable):
            let formed = body.differentiated(with: variable)
            // No symbolic rule applies: refuse rather than loop or guess.
            if formed == e { throw .unsupported("no symbolic derivative rule for \(body.latex)") }
            return try eval(formed, &locals)
        case let .expectation(x):
            return try expectation(of: x, node: e, &locals)
        case let .variance(x):
            return try variance(of: x, node: e, &locals)
        }
    }

    /// Environment values are stored at sampling precision; lift them to the working one.
    func rounded(_ v: Value) -> Value {
        switch v {
        case let .scalar(x): return x.precision >= precision ? .scalar(x) : .scalar(x.rounded(toPrecision: precision))
        case let .vector(xs): return .vector(xs.map { $0.precision >= precision ? $0 : $0.rounded(toPrecision: precision) })
        case let .matrix(m): return m.precision >= precision ? .matrix(m) : .matrix(m.rounded(toPrecision: precision))
        }
    }

    func combine(_ a: Value, _ b: Value, _ node: Expr, _ op: (BigFloat, BigFloat) -> BigFloat) throws(EvaluationError) -> Value {
        guard let result = a.combined(with: b, op) else { throw .shapeMismatch(node: node.latex) }
        return result
    }

    func integer(_ e: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> Int {
        guard case let .scalar(x) = try eval(e, &locals) else { throw .shapeMismatch(node: e.latex) }
        guard let n = x.integerValue, BigFloat(n, precision: 64) == x else {
            throw .notAnInteger(node: e.latex, value: x.decimalString(digits: 12))
        }
        return n
    }

    func range(_ bound: BoundIndex, _ node: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> (Int, Int) {
        let lower = try integer(bound.lower, &locals)
        let upper = try integer(bound.upper, &locals)
        // upper - lower overflows for bounds of opposite signs near Int's ends.
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        if upper >= lower, overflow || span >= Evaluator.maximumTerms {
            throw .boundTooLarge(node: node.latex, count: overflow || span == .max ? .max : span + 1)
        }
        return (lower, upper)
    }

    func holds(_ c: Condition, _ locals: inout [String: Value]) throws(EvaluationError) -> Bool {
        guard case let .scalar(a) = try eval(c.lhs, &locals), case let .scalar(b) = try eval(c.rhs, &locals) else {
            throw .shapeMismatch(node: LaTeXRenderer().renderCondition(c))
        }
        switch c.relation {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .equal: return a == b
        case .greaterOrEqual: return a >= b
        case .greater: return a > b
        case .notEqual: return a != b
        }
    }

    /// Real powers. A negative base takes integer exponents only: x^(1/2), x^(3/2), x^0.5 and
    /// odd roots such as x^(1/3) of x < 0 are all `domainError`s naming the node, as MPFR's pow
    /// gives NaN there (an exponent like 1/3 is not even exact in binary). Huge integer exponents
    /// cost one MPFR call and overflow to infinity, which `evaluate` reports as `nonFinite`.
    func power(_ base: Expr, _ exponent: Expr, _ node: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> Value {
        let b = try eval(base, &locals)
        if case .matrix = b {
            guard let r = exponent.rationalValue else { throw .unsupported("a matrix power needs a rational exponent: \(node.latex)") }
            return try matrixPower(b, r, node)
        }
        // Half-integer exponents are square roots: exact rounding and a clear domain error.
        if exponent.rationalValue == Rational(1, 2) {
            return try call(.sqrt, [b], node)
        }
        let x = try eval(exponent, &locals)
        guard case let .scalar(p) = x else { throw .shapeMismatch(node: node.latex) }
        if let n = p.integerValue, BigFloat(n, precision: 64) == p {
            if n < 0, b.components.contains(where: \.isZero) { throw .divisionByZero(node: node.latex) }
            return b.mapped { $0.pow(n) }
        }
        // Integers beyond Int (10^30): MPFR's pow knows their parity, so negative bases are fine.
        if p.isFinite, p.isInteger {
            if p.isNegative, b.components.contains(where: \.isZero) { throw .divisionByZero(node: node.latex) }
            return b.mapped { $0.pow(p) }
        }
        if b.components.contains(where: { $0.isNegative }) {
            throw .domainError(function: "power", argument: b.description, node: node.latex)
        }
        if b.components.contains(where: \.isZero), p.isNegative { throw .divisionByZero(node: node.latex) }
        return b.mapped { $0.pow(p.rounded(toPrecision: precision)) }
    }
}
