/// How an evaluator gives meaning to E[x] and Var[x].
///
/// Moment rules first: E[g_i] and E[g_i²] (or Var[g_i]) of a family member are the model's
/// stated moments. Otherwise E is the *sample mean* over `samples` fresh draws of every
/// Gaussian family (common random numbers: the k-th draw is the same wherever E appears),
/// and Var the sample variance with 1/n. Sample moments are linear and satisfy
/// E[x²] = E[x]² + Var[x] exactly, so identities that rest on linearity alone hold to the
/// working precision, while identities that rest on the distribution hold only within the
/// Monte Carlo error — which is what the expectation-identity check measures.
public struct ExpectationModel: Sendable {
    public struct MomentRule: Sendable {
        public enum Moment: Sendable { case mean, secondMoment, variance }
        public let family: String
        public let moment: Moment
        public let value: Expr
        public init(_ family: String, _ moment: Moment, _ value: Expr) {
            self.family = family
            self.moment = moment
            self.value = value
        }
    }

    public var samples: Int
    /// Which batch of draws this is (batches are independent of each other).
    public var batch: UInt64
    public var rules: [MomentRule]

    public init(samples: Int, batch: UInt64 = 0, rules: [MomentRule] = []) {
        self.samples = samples
        self.batch = batch
        self.rules = rules
    }

    func rule(for x: Expr, _ moment: MomentRule.Moment) -> Expr? {
        func member(_ e: Expr) -> String? {
            if case let .indexed(s, _) = e { return s.name }
            return nil
        }
        var family: String?
        var wanted = moment
        switch x {
        case let .indexed(s, _): family = s.name
        case let .power(base, exponent) where exponent.rationalValue == Rational(2) && moment == .mean:
            family = member(base)
            wanted = .secondMoment
        default: family = nil
        }
        guard let family else { return nil }
        return rules.first { $0.family == family && $0.moment == wanted }?.value
    }
}

extension ExpectationModel.MomentRule.Moment: Equatable {}

extension Evaluator {
    func expectation(of x: Expr, node: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> Value {
        guard let model = environment.expectations else { throw .needsStatistics(node: node.latex) }
        if let rule = model.rule(for: x, .mean) { return try eval(rule, &locals) }
        return try sampleMoments(of: x, model: model, node: node, &locals).mean
    }

    func variance(of x: Expr, node: Expr, _ locals: inout [String: Value]) throws(EvaluationError) -> Value {
        guard let model = environment.expectations else { throw .needsStatistics(node: node.latex) }
        if let rule = model.rule(for: x, .variance) { return try eval(rule, &locals) }
        let moments = try sampleMoments(of: x, model: model, node: node, &locals)
        guard let v = moments.secondMoment.combined(with: moments.mean, { $0 - $1 * $1 }) else { throw .shapeMismatch(node: node.latex) }
        return v
    }

    /// Sample mean and mean square of x over the model's draws of every Gaussian family.
    func sampleMoments(of x: Expr, model: ExpectationModel, node: Expr, _ locals: inout [String: Value])
        throws(EvaluationError) -> (mean: Value, secondMoment: Value) {
        guard model.samples > 0 else { throw .needsStatistics(node: node.latex) }
        var sum: Value? = nil
        var squares: Value? = nil
        for k in 0..<model.samples {
            var env = environment
            let salt = SplitMix64.mix(model.batch &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(k))
            for (name, source) in env.families where source.isGaussian { env.families[name] = source.reseeded(salt) }
            let value = try Evaluator(precision: precision, environment: env).eval(x, &locals)
            guard let square = value.combined(with: value, *) else { throw .shapeMismatch(node: node.latex) }
            sum = try sum.map { (s) throws(EvaluationError) -> Value in try combine(s, value, node, +) } ?? value
            squares = try squares.map { (s) throws(EvaluationError) -> Value in try combine(s, square, node, +) } ?? square
        }
        let n = BigFloat(model.samples, precision: 64)
        guard let total = sum, let totalSquares = squares else { throw .needsStatistics(node: node.latex) }
        return (total.mapped { $0 / n }, totalSquares.mapped { $0 / n })
    }
}
