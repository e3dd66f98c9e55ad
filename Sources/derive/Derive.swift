import ArgumentParser
import Foundation
import Derivations
import Symbolic

/// The program: process-wide set-up, then the command line.
@main
enum Entry {
    static func main() async {
        // A reader that goes away (`derive list | head`) must make the next write fail with EPIPE,
        // which Output reports, rather than kill the process without a word.
        signal(SIGPIPE, SIG_IGN)
        do { try Output.requireOpen() } catch { Derive.exit(withError: error) }
        await Derive.main()
    }
}

struct Derive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Check the derivations of the encoded articles step by step with MPFR.",
        subcommands: [ListSteps.self, Check.self, Show.self, Latex.self, Mutate.self],
        defaultSubcommand: Check.self
    )
}

/// Options shared by the commands that run checks.
struct CheckingOptions: ParsableArguments {
    @Option(help: "Digits on which both sides of an identity must agree (certified; 10...1000).")
    var digits: Int = 50

    @Option(help: "Seeded random points per identity or inequality (1...10000).")
    var points: Int = 20

    @Option(help: "Seed of every random choice; the same seed reproduces every verdict.")
    var seed: UInt64 = CheckOptions().seed

    @Option(help: "Steps checked at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Least replicates of a Monte Carlo claim and draws per batch of an expectation identity (default: each step's own).")
    var samples: Int?

    func validate() throws {
        guard (10...1000).contains(digits) else { throw ValidationError("--digits must be between 10 and 1000, got \(digits)") }
        guard (1...10_000).contains(points) else { throw ValidationError("--points must be between 1 and 10000, got \(points)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let samples, !(2...10_000_000).contains(samples) { throw ValidationError("--samples must be between 2 and 10000000, got \(samples)") }
    }

    var checkOptions: CheckOptions {
        CheckOptions(digits: digits, points: points, seed: seed, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, samples: samples)
    }
}
