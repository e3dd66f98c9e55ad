import Testing
import Symbolic
@testable import Derivations

/// A verdict must not depend on the seed: the steps whose verdicts were seen to change with
/// it are checked under five seeds each.
struct SeedStabilityTests {
    static let seeds: [UInt64] = [20_250_902, 1, 12_345, 987_654_321, 42]

    /// Stable now: 11388.14's wobbling error is decided by its extrapolated limit.
    static let stable = ["11388.14", "11307.30", "11267.20", "11301.3"]
    /// Still seed-sensitive: one random 8-component instance under a 25.3 % tolerance
    /// (issue 11, point 3: families of instances and regime-order verdicts for 11280).
    static let knownSensitive = ["11280.9", "11280.47", "11280.51"]

    func verdicts(_ id: String) throws -> [String: [UInt64]] {
        let (_, step) = try #require(Articles.step(id))
        var found: [String: [UInt64]] = [:]
        for seed in Self.seeds {
            let result = Checker(options: CheckOptions(seed: seed)).check(step)
            found[result.found?.rawValue ?? result.printed.outcome.rawValue, default: []].append(seed)
        }
        return found
    }

    @Test(arguments: stable)
    func verdictIsTheSameUnderFiveSeeds(id: String) throws {
        let found = try verdicts(id)
        #expect(found.count == 1, "\(id) changes with the seed: \(found)")
    }

    @Test(arguments: knownSensitive)
    func knownSeedSensitiveSteps(id: String) throws {
        let found = try verdicts(id)
        withKnownIssue("\(id) still depends on the seed (one random instance, tolerance √(π/2) − 1)", isIntermittent: false) {
            #expect(found.count == 1, "\(id) changes with the seed: \(found)")
        }
    }
}
