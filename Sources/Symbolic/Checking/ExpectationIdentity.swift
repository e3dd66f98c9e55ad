/// An identity between expressions containing E[·] and Var[·] over Gaussian families.
///
/// Both sides are evaluated with sample moments over `batches` independent batches of
/// `samplesPerBatch` draws (the same draws on both sides). What the identity rests on is
/// declared with it, from the article's argument, before any draw:
/// - `.sampleMoments` (linearity of E, the definition of the variance, the stated moment
///   rules): true for every distribution, so for the empirical one of each batch; the sides must
///   agree to the working precision in every batch, and a batch where they do not refutes it.
/// - `.distribution` (independence, the model's moments): the per-batch differences must
///   average to zero within a threshold of standard errors that keeps the family-wise
///   false-alarm rate over the points at 1e-4.
public struct ExpectationIdentity: Sendable {
    /// What makes the identity true, as the derivation argues it.
    public enum Basis: String, Sendable, Codable {
        /// Linearity or moment algebra valid for every distribution: exact for sample moments.
        case sampleMoments
        /// A property of the distribution (independence, a moment of the model): exact only on average.
        case distribution
    }
    public let lhs: Expr
    public let rhs: Expr
    public let space: ParameterSpace
    public let rules: [ExpectationModel.MomentRule]
    public let batches: Int
    public let samplesPerBatch: Int
    /// Points of the parameter space (each runs every batch).
    public let points: Int
    public let basis: Basis

    public init(_ lhs: Expr, equals rhs: Expr, over space: ParameterSpace, rules: [ExpectationModel.MomentRule] = [],
                restsOn basis: Basis = .sampleMoments, batches: Int = 12, samplesPerBatch: Int = 64, points: Int = 3) {
        self.basis = basis
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
    /// The threshold in standard errors of the difference, relative to the sides: the smallest
    /// relative deviation between the sides it detects; nil when exact for sample moments.
    public let detectableRelativeDeviation: Double?
}

extension Checker {
    func checkExpectationIdentity(_ claim: ExpectationIdentity, _ rng: inout SplitMix64) throws -> Verdict {
        let bits = options.workingBits
        let cap = Double(Precision.digits(forBits: bits))
        var minimumDigits = cap
        var largestZ = 0.0
        var worst = ""
        var exact = true
        var largestStandardError = 0.0
        // --points and --samples apply here as everywhere: the claim's counts are its floor.
        let pointCount = Swift.max(claim.points, options.points)
        let draws = Swift.max(claim.samplesPerBatch, options.samples ?? 0)
        // Family-wise false-alarm rate 1e-4 over the points (Bonferroni), with the heavier
        // tails of Student's t for a mean over `batches` batches: more points must not make a
        // true identity fail more often.
        let normal = try NormalDistribution.quantile(BigFloat(1 - 0.5e-4 / Double(pointCount), precision: 64)).doubleValue
        let threshold = StudentT.quantile(normal: normal, degreesOfFreedom: Double(claim.batches - 1))
        for k in 0..<pointCount {
            let point = try claim.space.searchPoint(k, of: pointCount, &rng, boundary: options.searchEdges ? .always : .none)
            var differences = RunningStatistics()
            var scales = RunningStatistics()
            for batch in 0..<claim.batches {
                var env = try point.environment(precision: bits, cache: options.cache)
                env.expectations = ExpectationModel(samples: draws, batch: UInt64(batch), rules: claim.rules)
                let evaluator = Evaluator(precision: bits, environment: env)
                let l = try evaluator.evaluate(claim.lhs), r = try evaluator.evaluate(claim.rhs)
                guard let difference = l.combined(with: r, -) else { throw EvaluationError.shapeMismatch(node: claim.lhs.latex) }
                let digits = agreementDigits(l, r, capBits: bits)
                if digits < minimumDigits { minimumDigits = digits; worst = point.description }
                // The summed component difference: linear in the draws, so its mean is exactly 0
                // under the identity (a ratio to the batch's own size or a largest component
                // would be biased). Sizes are averaged apart, to state the resolution relatively.
                differences.add(difference.components.reduce(BigFloat.zero, +).doubleValue)
                scales.add(l.components.reduce(BigFloat.zero) { $0 + $1.magnitude }.doubleValue)
                if claim.basis == .sampleMoments, digits < cap - 5 {
                    let evidence = ExpectationEvidence(points: pointCount, batches: claim.batches, samplesPerBatch: draws, minimumDigits: minimumDigits,
                                                       exactForSampleMoments: false, largestZ: 0, worstPoint: worst, detectableRelativeDeviation: nil)
                    return Verdict(.fails, "not exact for sample moments: the sides agree to \(Int(digits.rounded(.down))) digits in batch \(batch + 1) at \(point), yet the identity rests on linearity (true for every distribution, so for each batch's own)",
                                   .expectation(evidence))
                }
            }
            if minimumDigits < cap - 5 {
                exact = false
                let se = differences.standardError
                largestStandardError = Swift.max(largestStandardError, scales.mean > 0 ? se / scales.mean : se)
                let z = se > 0 ? Swift.abs(differences.mean) / se : (differences.mean == 0 ? 0 : .infinity)
                if z > largestZ { largestZ = z; worst = point.description }
            }
        }
        let evidence = ExpectationEvidence(points: pointCount, batches: claim.batches, samplesPerBatch: draws,
                                           minimumDigits: minimumDigits, exactForSampleMoments: exact, largestZ: largestZ, worstPoint: worst,
                                           detectableRelativeDeviation: exact ? nil : threshold * largestStandardError)
        if exact {
            return Verdict(.holds, "exact for sample moments: \(Int(minimumDigits)) digits in \(claim.batches) batches × \(pointCount) points",
                           .expectation(evidence))
        }
        let resolution = "\(pointCount) points × \(claim.batches) batches of \(draws); detects a \(format3(100 * threshold * largestStandardError))% relative difference"
        if largestZ <= threshold {
            return Verdict(.holds, "within Monte Carlo error: |mean difference| ≤ \(format3(largestZ)) standard errors over \(resolution)", .expectation(evidence))
        }
        return Verdict(.fails, "sides differ beyond Monte Carlo error: |mean difference| = \(format3(largestZ)) standard errors (limit \(format3(threshold))) at \(worst), over \(resolution)",
                       .expectation(evidence))
    }
}
