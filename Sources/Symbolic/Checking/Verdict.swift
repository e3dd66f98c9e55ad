/// The result of checking one claim, with the evidence that supports it. The terminal table,
/// the JSON output and the LaTeX listing are all renderings of this one value.
public struct Verdict: Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// The claim holds to the certified digits (identities) or in the stated regime.
        case holds
        /// The evidence contradicts the claim; `evidence` holds the counterexample.
        case fails
        /// Not enough certified digits or a non-monotone error: no honest verdict.
        case inconclusive
        /// Encoded, not yet checkable.
        case pending
        /// Nothing to check.
        case definition
        /// The expression could not be evaluated (an encoding or domain error).
        case error
    }

    public let outcome: Outcome
    public let summary: String
    public let evidence: Evidence

    public init(_ outcome: Outcome, _ summary: String, _ evidence: Evidence) {
        self.outcome = outcome
        self.summary = summary
        self.evidence = evidence
    }
}

public indirect enum Evidence: Sendable, Codable {
    case none
    case identity(IdentityEvidence)
    case sequence(SequenceEvidence)
    case numeric(NumericEvidence)
    case inequality(InequalityEvidence)
    case monteCarlo(MonteCarloEvidence)
    case expectation(ExpectationEvidence)
    case scaling(ScalingEvidence)
    case meanField(MeanFieldEvidence)
    case pending(String)
    case failure(String)
    case parts([Verdict])
}

public struct IdentityEvidence: Sendable, Codable {
    public let points: Int
    public let precisionBits: Int
    public let requiredDigits: Int
    /// Fewest digits on which both sides agree (certified by a second evaluation 64 bits wider).
    public let minimumDigits: Double
    public let worstPoint: String
    /// When the claim fails: the point and both sides there.
    public let counterexample: Counterexample?
}

public struct Counterexample: Sendable, Codable {
    public let point: String
    public let lhs: String
    public let rhs: String
    public let relativeDifference: String
}

public struct SequenceEvidence: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public let step: String
        public let error: String
        public let observedOrder: String?
        public let certifiedDigits: Double
    }
    public struct Configuration: Sendable, Codable {
        public let point: String
        public let rows: [Row]
        public let monotone: Bool
        public let lastOrder: Double?
        public let extrapolatedLimit: String?
        public let extrapolatedDigits: Double?
        public let expectedOrder: Double?
    }
    public let variable: String
    public let direction: RegimePath.Direction
    public let orderKind: String
    public let configurations: [Configuration]
}

public struct NumericEvidence: Sendable, Codable {
    public let point: String
    public let value: String
    public let certifiedDigits: Double
    public let quote: String
    public let style: String
}

public struct InequalityEvidence: Sendable, Codable {
    public let points: Int
    public let smallestMargin: String
    public let worstPoint: String
    public let counterexample: Counterexample?
}

extension Evidence {
    /// The smallest relative deviation from the truth this evidence could have detected, where
    /// the check has such a resolution (a tolerance, a Monte Carlo error); nil for exact checks.
    public var detectableRelativeDeviation: Double? {
        switch self {
        case let .meanField(m): return m.tolerance ?? m.regimeResolution
        case let .monteCarlo(m): return m.detectableRelativeDeviation
        case let .expectation(e): return e.detectableRelativeDeviation
        case let .parts(parts): return parts.compactMap { $0.evidence.detectableRelativeDeviation }.max()
        default: return nil
        }
    }
}
