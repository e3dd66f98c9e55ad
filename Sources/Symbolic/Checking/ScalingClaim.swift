/// An approximation whose error is random and shrinks with a size (d → ∞): at each size the
/// root-mean-square of the error over seeded replicates is estimated, and it must fall at the
/// expected power of the size (concentration: d^{-1/2}).
public struct ScalingClaim: Sendable {
    /// One replicate's observed left side and the values of the right side's symbols for that draw.
    public typealias Sample = @Sendable (Int, inout SplitMix64) -> (observed: Double, values: [Symbol: Double])
    public let display: Display
    public let sizes: [Int]
    public let replicates: Int
    /// One replicate at a size: returns the error of the approximation for that draw.
    public let error: @Sendable (Int, inout SplitMix64) -> Double
    /// RMS error ∝ size^{-order}.
    public let expectedOrder: Double
    /// The draw behind `error` when the error is the display's own right side evaluated
    /// (observed/predicted - 1); nil when a step computes its error directly.
    public let sample: Sample?

    public init(_ display: Display, sizes: [Int], replicates: Int, expectedOrder: Double,
                error: @escaping @Sendable (Int, inout SplitMix64) -> Double) {
        self.display = display
        self.sizes = sizes
        self.replicates = replicates
        self.expectedOrder = expectedOrder
        self.error = error
        self.sample = nil
    }

    /// The display's right side is what is evaluated: each replicate's error is the observed left
    /// side over the right side at that draw's values, minus 1 (not finite when the right side
    /// cannot be evaluated, which the check reports as an error).
    public init(_ display: Display, sizes: [Int], replicates: Int, expectedOrder: Double, sample: @escaping Sample) {
        let prediction = display.rhs
        self.display = display
        self.sizes = sizes
        self.replicates = replicates
        self.expectedOrder = expectedOrder
        self.sample = sample
        self.error = { size, rng in
            let draw = sample(size, &rng)
            var environment = Environment()
            for (symbol, value) in draw.values { environment[symbol.name] = .scalar(BigFloat(value, precision: 64)) }
            guard let predicted = try? Evaluator(precision: 64, environment: environment).scalar(prediction) else { return .nan }
            return draw.observed / predicted.doubleValue - 1
        }
    }

}

public struct ScalingEvidence: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public let size: Int
        public let rmsError: Double
        /// Relative standard error of the RMS estimate.
        public let relativeUncertainty: Double
        public let observedOrder: Double?
    }
    public let rows: [Row]
    public let replicates: Int
    public let expectedOrder: Double
}

extension Checker {
    func checkScaling(_ claim: ScalingClaim, _ rng: inout SplitMix64) throws -> Verdict {
        guard claim.sizes.count >= 2 else { throw EvaluationError.unsupported("a scaling claim needs two or more sizes") }
        var rows: [ScalingEvidence.Row] = []
        for size in claim.sizes {
            let seed = rng.next()
            let errorOf = claim.error
            let statistics = MonteCarlo.run(replicates: claim.replicates, seed: seed, jobs: options.jobs) { stream in
                let e = errorOf(size, &stream)
                return [e * e]
            }
            guard let squares = statistics.first else { throw EvaluationError.unsupported("no replicates") }
            guard squares.mean.isFinite else { throw EvaluationError.nonFinite(node: claim.display.rhs.latex + " at size \(size)") }
            let rms = squares.mean.squareRoot()
            // δ(√x)/√x = δx/(2x).
            let uncertainty = squares.standardError / (2 * squares.mean)
            let order = rows.last.map { previous in
                -Double.logarithmRatio(rms, previous.rmsError) / Double.logarithmRatio(Double(size), Double(previous.size))
            }
            rows.append(.init(size: size, rmsError: rms, relativeUncertainty: uncertainty, observedOrder: order))
        }
        let decreasing = zip(rows, rows.dropFirst()).allSatisfy { $1.rmsError < $0.rmsError }
        let last = rows.last?.observedOrder ?? 0
        // The order's own statistical uncertainty: from the two RMS estimates it is made of.
        let a = rows[rows.count - 2], b = rows[rows.count - 1]
        let orderUncertainty = (a.relativeUncertainty + b.relativeUncertainty) / Double.logarithmRatio(Double(b.size), Double(a.size))
        let tolerance = Swift.max(0.1, 3 * orderUncertainty)
        let outcome: Verdict.Outcome
        if !decreasing { outcome = .fails } else if Swift.abs(last - claim.expectedOrder) > tolerance { outcome = .inconclusive } else { outcome = .holds }
        let summary = "RMS error \(formatSignificant(rows.first?.rmsError ?? 0)) → \(formatSignificant(rows.last?.rmsError ?? 0)) over size \(claim.sizes.first ?? 0)…\(claim.sizes.last ?? 0), order \(format3(last)) ± \(format3(orderUncertainty)) (expected \(format3(claim.expectedOrder)))"
        return Verdict(outcome, summary, .scaling(ScalingEvidence(rows: rows, replicates: claim.replicates, expectedOrder: claim.expectedOrder)))
    }
}

extension Double {
    /// log(a/b) through BigFloat-free double logs.
    static func logarithmRatio(_ a: Double, _ b: Double) -> Double { (a / b).logarithm }
}
