/// An identity between expressions containing E[·] and Var[·] over Gaussian families.
///
/// Both sides are evaluated with sample moments over `batches` independent batches of
/// `samplesPerBatch` draws (the same draws on both sides). If the sides agree to the working
/// precision in every batch, the identity holds for sample moments themselves — it rests on
/// linearity or on the stated moment rules alone. Otherwise the per-batch differences must
/// average to zero within 4 standard errors (an identity that rests on the distribution).
public struct ExpectationIdentity: Sendable {
    public let lhs: Expr
    public let rhs: Expr
    public let space: ParameterSpace
    public let rules: [ExpectationModel.MomentRule]
    public let batches: Int
    public let samplesPerBatch: Int
    /// Points of the parameter space (each runs every batch).
    public let points: Int

    public init(_ lhs: Expr, equals rhs: Expr, over space: ParameterSpace, rules: [ExpectationModel.MomentRule] = [],
                batches: Int = 12, samplesPerBatch: Int = 64, points: Int = 3) {
        self.lhs = lhs
        self.rhs = rhs
        self.space = space
        self.rules = rules
        self.batches = batches
        self.samplesPerBatch = samplesPerBatch
        self.points = points
    }
}

public struct ExpectationEvidence: Sendable, Codable {
    public let points: Int
    public let batches: Int
    public let samplesPerBatch: Int
    /// Fewest digits on which the sides agreed in a batch (the working precision's when exact).
    public let minimumDigits: Double
    public let exactForSampleMoments: Bool
    /// Largest |mean difference| / standard error over the points (0 when exact).
    public let largestZ: Double
    public let worstPoint: String
}

extension Checker {
    func checkExpectationIdentity(_ claim: ExpectationIdentity, _ rng: inout SplitMix64) throws -> Verdict {
        let bits = options.workingBits
        let cap = Double(Precision.digits(forBits: bits))
        var minimumDigits = cap
        var largestZ = 0.0
        var worst = ""
        var exact = true
        for _ in 0..<claim.points {
            let point = try claim.space.sample(&rng)
            var differences = RunningStatistics()
            for batch in 0..<claim.batches {
                var env = try point.environment(precision: bits, cache: options.cache)
                env.expectations = ExpectationModel(samples: claim.samplesPerBatch, batch: UInt64(batch), rules: claim.rules)
                let evaluator = Evaluator(precision: bits, environment: env)
                let l = try evaluator.evaluate(claim.lhs), r = try evaluator.evaluate(claim.rhs)
                guard let difference = l.combined(with: r, -) else { throw EvaluationError.shapeMismatch(node: claim.lhs.latex) }
                let digits = agreementDigits(l, r, capBits: bits)
                if digits < minimumDigits { minimumDigits = digits; worst = point.description }
                // Statistics of the largest component difference, relative to the size of the sides.
                let scale = BigFloat.max(l.maximumMagnitude, r.maximumMagnitude)
                let signed = difference.components.max { $0.magnitude < $1.magnitude } ?? BigFloat.zero
                differences.add(scale.isZero ? 0 : (signed / scale).doubleValue)
            }
            if minimumDigits < cap - 5 {
                exact = false
                let se = differences.standardError
                let z = se > 0 ? Swift.abs(differences.mean) / se : (differences.mean == 0 ? 0 : .infinity)
                if z > largestZ { largestZ = z; worst = point.description }
            }
        }
        let evidence = ExpectationEvidence(points: claim.points, batches: claim.batches, samplesPerBatch: claim.samplesPerBatch,
                                           minimumDigits: minimumDigits, exactForSampleMoments: exact, largestZ: largestZ, worstPoint: worst)
        if exact {
            return Verdict(.holds, "exact for sample moments: \(Int(minimumDigits)) digits in \(claim.batches) batches × \(claim.points) points",
                           .expectation(evidence))
        }
        let summary = "within Monte Carlo error: |mean difference| ≤ \(format3(largestZ)) standard errors over \(claim.batches) batches of \(claim.samplesPerBatch)"
        return Verdict(largestZ <= 4 ? .holds : .fails, summary, .expectation(evidence))
    }
}
