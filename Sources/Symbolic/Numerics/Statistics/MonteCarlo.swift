import Foundation
import RealModule

/// Seeded Monte Carlo, reproducible bit for bit across runs and thread counts.
///
/// Replicate r draws from its own stream, derived from (seed, r) alone; replicates are grouped
/// in fixed-size chunks whose statistics merge in chunk order. So neither the number of
/// threads nor their scheduling can change a single bit of the result.
public enum MonteCarlo {
    public static let chunkSize = 64

    /// The generator of replicate `index` under `seed`.
    public static func stream(seed: UInt64, replicate index: Int) -> SplitMix64 {
        SplitMix64(seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(index) &+ 0x632B_E59B_D9B4_E019)))
    }

    /// Runs `replicates` independent replicates of `body` (each returns the same number of
    /// observables) on up to `jobs` threads and returns one statistics value per observable.
    /// Synchronous: it uses Dispatch worker threads, never blocking Swift's cooperative pool.
    public static func run(replicates: Int, seed: UInt64, jobs: Int = 2,
                           _ body: @Sendable (inout SplitMix64) -> [Double]) -> [RunningStatistics] {
        guard replicates > 0 else { return [] }
        let chunks = (replicates + chunkSize - 1) / chunkSize
        let results = ChunkResults(count: chunks)
        let workers = Swift.max(1, Swift.min(jobs, chunks))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Worker w takes chunks w, w + workers, …; which thread runs a chunk cannot matter.
            var chunk = worker
            while chunk < chunks {
                var statistics: [RunningStatistics] = []
                for r in (chunk * chunkSize)..<Swift.min((chunk + 1) * chunkSize, replicates) {
                    var rng = stream(seed: seed, replicate: r)
                    let values = body(&rng)
                    if statistics.isEmpty { statistics = Array(repeating: RunningStatistics(), count: values.count) }
                    for (k, v) in values.enumerated() where k < statistics.count { statistics[k].add(v) }
                }
                results.store(statistics, at: chunk)
                chunk += workers
            }
        }
        var total: [RunningStatistics] = []
        for chunk in results.all() {
            if total.isEmpty { total = chunk; continue }
            for k in total.indices where k < chunk.count { total[k].merge(chunk[k]) }
        }
        return total
    }
}

/// Per-chunk results written by worker threads; each slot is written once, under a lock.
final class ChunkResults: @unchecked Sendable {
    private var slots: [[RunningStatistics]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ value: [RunningStatistics], at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func all() -> [[RunningStatistics]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Standard normal deviates by the polar Box–Muller method, keeping the spare deviate.
public struct GaussianSampler: Sendable {
    public var generator: SplitMix64
    private var spare: Double? = nil

    public init(_ generator: SplitMix64) { self.generator = generator }

    public mutating func next() -> Double {
        if let value = spare {
            spare = nil
            return value
        }
        while true {
            let u = 2 * generator.nextUnit() - 1
            let v = 2 * generator.nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * Double.log(s) / s).squareRoot()
                spare = v * factor
                return u * factor
            }
        }
    }
}
