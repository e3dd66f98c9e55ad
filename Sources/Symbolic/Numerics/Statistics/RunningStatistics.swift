/// Mean and variance accumulated one sample at a time (Welford), mergeable (Chan et al.),
/// so parallel chunks combine into exactly the statistics of the whole when merged in a fixed order.
public struct RunningStatistics: Sendable, Codable, Equatable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean.
    public private(set) var m2: Double = 0

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = count + other.count
        let delta = other.mean - mean
        mean += delta * Double(other.count) / Double(total)
        m2 += other.m2 + delta * delta * Double(count) * Double(other.count) / Double(total)
        count = total
    }

    /// Unbiased sample variance.
    public var variance: Double { count > 1 ? m2 / Double(count - 1) : .nan }
    public var standardDeviation: Double { variance.squareRoot() }
    /// Standard error of the mean.
    public var standardError: Double { (variance / Double(count)).squareRoot() }

    /// Two-sided normal-approximation interval at `z` standard errors (1.96 for 95 %).
    public func confidenceInterval(z: Double = 1.96) -> ClosedRange<Double> {
        (mean - z * standardError)...(mean + z * standardError)
    }
}
