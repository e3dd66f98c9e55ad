/// How hard to check: digits required of identities, random points, seed.
public struct CheckOptions: Sendable {
    /// Digits on which both sides of an identity must agree (certified).
    public var digits: Int
    /// Seeded random points per identity or inequality.
    public var points: Int
    public var seed: UInt64
    /// Replicates or draws for statistical checks, when set: the least number of runs of a
    /// Monte Carlo claim and the draws per batch of an expectation identity.
    public var samples: Int?
    /// Threads for Monte Carlo; results do not depend on it.
    public var jobs: Int
    /// Every point of an identity or inequality on the boundary of its box (the corners, then
    /// faces): the search mutation testing runs for the point where a surviving mutant fails.
    public var searchEdges = false
    /// Expensive values shared by the steps of this run (exact expectations, simulations).
    public let cache = EvaluationCache()

    public init(digits: Int = 50, points: Int = 20, seed: UInt64 = 20_250_902, jobs: Int = 2, samples: Int? = nil) {
        self.samples = samples
        self.digits = digits
        self.points = points
        self.seed = seed
        self.jobs = jobs
    }

    /// Working precision: the required digits plus 32 guard bits. Every number is evaluated
    /// again at `certifyingBits` (64 more) and only the digits both evaluations share count.
    public var workingBits: Int { Precision.bits(forDigits: digits) + 32 }
    public var certifyingBits: Int { workingBits + 64 }
}
