import ArgumentParser
import Derivations
import Foundation
import Symbolic

struct Mutate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mutation-test the checks: edit each step's claim once at a time and check every mutant as the step is checked.",
        discussion: """
            Exit status 1 when a target is missed: any surviving mutant of an identity, limit, \
            asymptotic, approximation, numeric or inequality claim, or fewer than 95 % killed among \
            mean-field and Monte Carlo claims.
            """)

    @Argument(help: "Step IDs, article numbers or 'all' (default: all).")
    var selectors: [String] = []

    @OptionGroup var options: CheckingOptions

    @Option(help: "At most this many mutants per step, spread over the operators (default: every mutant).")
    var limit: Int?

    @Flag(help: "One JSON document: {summary, byKind, mutants}.")
    var json = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() async throws {
        let selection = try Selection.resolve(selectors)
        let checker = Checker(options: options.checkOptions)
        let steps = selection.flatMap { $0.1 }
        let clock = ContinuousClock()
        let start = clock.now
        let results = await MutationRunner.run(steps, checker: checker, limit: limit, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let elapsed = clock.now - start
        let ordered = steps.flatMap { results[$0.id] ?? [] }
        let report = MutationReport(ordered, seconds: Double(elapsed.components.seconds))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try Output.line(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            try Output.line(report.text)
        }
        try Output.finish()
        if !report.targetsMet { throw ExitCode(1) }
    }
}

/// Mutation tests of many steps, `jobs` steps at a time, with a progress line on a terminal.
enum MutationRunner {
    static func run(_ steps: [Step], checker: Checker, limit: Int?, jobs: Int) async -> [String: [MutantResult]] {
        var results: [String: [MutantResult]] = [:]
        let progress = Progress(total: steps.count)
        await withTaskGroup(of: (String, [MutantResult]).self) { group in
            var next = 0
            func launch() {
                let step = steps[next]
                group.addTask { (step.id, checker.mutationTest(step, limit: limit)) }
                next += 1
            }
            while next < min(jobs, steps.count) { launch() }
            for await (id, mutants) in group {
                results[id] = mutants
                progress.advance(to: results.count, current: id)
                if next < steps.count { launch() }
            }
        }
        progress.finish()
        return results
    }
}

/// The outcome of a mutation run: counts overall and by claim kind, every mutant, the targets.
struct MutationReport: Encodable {
    struct Counts: Encodable {
        var mutants = 0, killed = 0, survived = 0, equivalent = 0, implied = 0, alsoTrue = 0, notApplicable = 0
        /// Killed among the mutants that are decided (neither equivalent nor not applicable).
        var killRate: Double? { killed + survived == 0 ? nil : Double(killed) / Double(killed + survived) }

        mutating func add(_ outcome: MutantResult.Outcome) {
            mutants += 1
            switch outcome {
            case .killed: killed += 1
            case .survived: survived += 1
            case .equivalent: equivalent += 1
            case .implied: implied += 1
            case .alsoTrue: alsoTrue += 1
            case .notApplicable: notApplicable += 1
            }
        }
        enum CodingKeys: String, CodingKey { case mutants, killed, survived, equivalent, implied, alsoTrue, notApplicable, killRate }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mutants, forKey: .mutants)
            try c.encode(killed, forKey: .killed)
            try c.encode(survived, forKey: .survived)
            try c.encode(equivalent, forKey: .equivalent)
            try c.encode(implied, forKey: .implied)
            try c.encode(alsoTrue, forKey: .alsoTrue)
            try c.encode(notApplicable, forKey: .notApplicable)
            try c.encodeIfPresent(killRate, forKey: .killRate)
        }
    }

    let summary: Counts
    let byKind: [String: Counts]
    let stepsWithMutants: Int
    let mutantsPerStep: Double
    let seconds: Double
    let targetsMet: Bool
    let mutants: [MutantResult]

    init(_ mutants: [MutantResult], seconds: Double) {
        var summary = Counts()
        var byKind: [String: Counts] = [:]
        for m in mutants {
            summary.add(m.outcome)
            byKind[m.kind, default: Counts()].add(m.outcome)
        }
        self.summary = summary
        self.byKind = byKind
        self.mutants = mutants
        self.seconds = seconds
        stepsWithMutants = Set(mutants.map(\.step)).count
        mutantsPerStep = stepsWithMutants == 0 ? 0 : Double(mutants.count) / Double(stepsWithMutants)
        let exactSurvivors = byKind.filter { MutationTargets.exactKinds.contains($0.key) }.map(\.value.survived).reduce(0, +)
        let statistical = byKind.filter { MutationTargets.statisticalKinds.contains($0.key) }.values
        let killed = statistical.map(\.killed).reduce(0, +), survived = statistical.map(\.survived).reduce(0, +)
        targetsMet = exactSurvivors == 0
            && (killed + survived == 0 || Double(killed) >= MutationTargets.statisticalKillRate * Double(killed + survived))
    }

    var text: String {
        var lines = ["mutation testing: \(summary.mutants) mutants of \(stepsWithMutants) steps (\(format(mutantsPerStep)) per step) in \(Int(seconds)) s"]
        lines.append(pad("kind", 20) + pad("mutants", 9) + pad("killed", 8) + pad("survived", 10) + pad("equivalent", 12) + pad("implied", 9) + pad("also true", 11) + pad("n/a", 6) + "killed of decided")
        for (kind, c) in byKind.sorted(by: { $0.key < $1.key }) + [("all", summary)] {
            let rate = c.killRate.map { format(100 * $0) + "%" } ?? "-"
            lines.append(pad(kind, 20) + pad("\(c.mutants)", 9) + pad("\(c.killed)", 8) + pad("\(c.survived)", 10) + pad("\(c.equivalent)", 12) + pad("\(c.implied)", 9) + pad("\(c.alsoTrue)", 11) + pad("\(c.notApplicable)", 6) + rate)
        }
        let survivors = mutants.filter { $0.outcome == .survived }
        if !survivors.isEmpty {
            lines.append("survivors:")
            for m in survivors {
                let resolution = m.detectable.map { " (check resolves \(percent(100 * $0))%)" } ?? ""
                lines.append("  \(pad(m.step, 10)) \(pad(m.kind, 18)) \(m.mutation)\(resolution)")
            }
        }
        let unusable = mutants.filter { $0.outcome == .notApplicable }
        if !unusable.isEmpty { lines.append("not applicable (the step's own claim did not hold): \(Set(unusable.map(\.step)).sorted().joined(separator: ", "))") }
        lines.append(targetsMet ? "targets met" : "targets MISSED (no survivor among exact kinds; ≥ 95 % killed among mean-field and Monte Carlo)")
        lines.append("mutate: \(summary.killed + summary.equivalent + summary.implied + summary.alsoTrue) passed, \(summary.survived) failed")
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double) -> String { String(format: "%.1f", x) }
    /// Two significant digits, so a resolution of 0.004 % does not print as 0.0 %.
    private func percent(_ x: Double) -> String { x >= 1 ? String(format: "%.1f", x) : String(format: "%.2g", x) }
}
