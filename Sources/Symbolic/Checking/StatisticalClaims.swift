/// A random procedure of an article — its simulation script, or a sampler of a random
/// quantity — as seeded Swift code. One call is one replicate and returns its observables;
/// the first observable is the one a claim quotes.
public struct Simulation: Sendable {
    public let name: String
    /// What one replicate does, for reports and listings.
    public let summary: String
    public let replicate: @Sendable (inout SplitMix64) -> [Double]

    public init(_ name: String, summary: String, replicate: @escaping @Sendable (inout SplitMix64) -> [Double]) {
        self.name = name
        self.summary = summary
        self.replicate = replicate
    }
}

/// A number the article obtained by simulation, against seeded replicates of the simulation.
public struct MonteCarloClaim: Sendable {
    public enum Quoted: String, Sendable, Codable {
        /// The quote is the output of one run (its spread is the run-to-run spread).
        case singleRun
        /// The quote is an expectation (its spread is the standard error of the mean).
        case expectation
    }
    public let simulation: Simulation
    public let quote: String
    public let quoted: Quoted
    public let replicates: Int
    /// An exact value of the simulated expectation, when one is known: evaluated beside the
    /// estimate, and the estimate must agree with it within 4 standard errors.
    public let reference: Expr?
    public let referenceSpace: ParameterSpace
    public let display: Display
    /// The relative deviation of the quote from the truth the check must detect at 5 standard
    /// errors (1 % unless the step states another): for an expectation quote the replicates are
    /// raised until the standard error is a fifth of it (at most 16 times `replicates`).
    public let relativeDeviation: Double
    /// The quote is the article's formula at this instance (n, m, 0), not a rounded decimal:
    /// no half unit of its last digit is allowed.
    public let quoteIsExact: Bool

    public init(_ display: Display, simulation: Simulation, quote: String, quoted: Quoted, replicates: Int,
                reference: Expr? = nil, at referenceSpace: ParameterSpace = .empty, relativeDeviation: Double = 0.01,
                quoteIsExact: Bool = false) {
        self.display = display
        self.quoteIsExact = quoteIsExact
        self.relativeDeviation = relativeDeviation
        self.simulation = simulation
        self.quote = quote
        self.quoted = quoted
        self.replicates = replicates
        self.reference = reference
        self.referenceSpace = referenceSpace
    }
}

/// A mean-field (heuristic) value beside the exact one at each configuration of a grid.
///
/// Two readings of the article's "≈", fixed in the step before any result is seen:
/// - `within(tolerance)`: the wording bounds the gap everywhere on the grid (a quoted precision,
///   "a rough estimate", a stated factor); the largest relative gap must stay within it.
/// - `exactInRegime`: the heuristic drops terms that vanish in a regime the article states or
///   implies (B → ∞, noise → 0); its relative error must shrink there at the order of the dropped
///   terms, and the grid shows, without judging, how far off it is outside that regime.
public struct MeanFieldClaim: Sendable {
    public enum Criterion: Sendable {
        /// Largest relative gap |heuristic - exact|/|exact| the article's wording allows.
        case within(Double)
        /// The relative error must shrink along `path` at `order` for every configuration of `space`.
        case exactInRegime(RegimePath, order: ExpectedOrder, over: ParameterSpace)
    }
    public let exact: Expr
    public let heuristic: Expr
    public let space: ParameterSpace
    public let criterion: Criterion
    public let display: Display
    /// For a claim judged `within` a tolerance: the regime the derivation itself works in and
    /// the order of what it neglects there. It judges edits of the heuristic, never the verdict.
    public let neglecting: NeglectedOrder?

    public init(_ display: Display, exact: Expr, heuristic: Expr, over space: ParameterSpace, criterion: Criterion,
                neglecting: NeglectedOrder? = nil) {
        self.display = display
        self.exact = exact
        self.heuristic = heuristic
        self.space = space
        self.criterion = criterion
        self.neglecting = neglecting
    }

    /// A gap bounded everywhere on the grid by what the wording allows.
    public init(_ display: Display, exact: Expr, heuristic: Expr, over space: ParameterSpace, tolerance: Double,
                neglecting: NeglectedOrder? = nil) {
        self.init(display, exact: exact, heuristic: heuristic, over: space, criterion: .within(tolerance), neglecting: neglecting)
    }

    /// The tolerance, when the claim is judged by one.
    public var tolerance: Double? {
        if case let .within(t) = criterion { return t }
        return nil
    }

    /// The same claim about another heuristic (a mutant, a correction).
    public func with(heuristic: Expr) -> MeanFieldClaim {
        MeanFieldClaim(display, exact: exact, heuristic: heuristic, over: space, criterion: criterion, neglecting: neglecting)
    }
}

public struct MonteCarloEvidence: Sendable, Codable {
    public let simulation: String
    public let replicates: Int
    public let seed: UInt64
    public let mean: Double
    public let standardError: Double
    public let runSpread: Double
    public let quote: String
    public let quoted: MonteCarloClaim.Quoted
    public let zScore: Double
    public let reference: String?
    public let referenceZ: Double?
    /// 3σ/|estimate|: the relative deviation of the quote the |z| ≤ 3 test cannot miss; nil for
    /// a quote of exactly 0, which has no scale (the summary gives 3σ in absolute terms).
    public let detectableRelativeDeviation: Double?
}

public struct MeanFieldEvidence: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public let point: String
        public let exact: String
        public let heuristic: String
        public let relativeGap: Double
        public let certifiedDigits: Double
    }
    public let rows: [Row]
    /// The allowed gap, for a claim judged by a tolerance.
    public let tolerance: Double?
    /// The error along the regime, for a claim judged by where it becomes exact.
    public let regime: SequenceEvidence?

    /// The largest last relative error reached in the regime: a constant relative change of the
    /// heuristic larger than this makes the error stall, which fails the claim.
    public var regimeResolution: Double? {
        regime?.configurations.compactMap { $0.rows.last.flatMap { Double($0.error) } }.max()
    }
}
