import Foundation
import Testing
@testable import Derivations
@testable import Symbolic

/// Every encoded step's verdict is pinned: a regression in the engine or an encoding fails here.
struct VerdictTests {
    static let stepIDs = Articles.all.flatMap { $0.steps.map(\.id) }

    @Test(arguments: stepIDs)
    func verdictMatchesExpectation(id: String) throws {
        let (_, step) = try #require(Articles.step(id))
        let result = try #require(CheckedSteps.results[id])
        #expect(result.matchesExpectation,
                "\(id): expected \(step.expected.rawValue), found \(result.printed.outcome.rawValue): \(result.printed.summary)")
        if step.expected == .failsAsPrinted {
            #expect(result.corrected?.outcome == .holds, "\(id): the corrected claim must hold")
        }
    }

    @Test func stepIDsAreUniqueAndOrdered() {
        #expect(Set(Self.stepIDs).count == Self.stepIDs.count)
        for derivation in Articles.all {
            let numbers = derivation.steps.compactMap { Int($0.id.split(separator: ".").last ?? "") }
            #expect(numbers == numbers.sorted(), "\(derivation.number) steps out of order")
            #expect(derivation.steps.allSatisfy { $0.id.hasPrefix("\(derivation.number).") })
        }
    }

    /// The step inventories, written beside the project rather than in it.
    static let inventories = CheckedSteps.root.deletingLastPathComponent().appendingPathComponent("shared/derivations")

    /// Every step ID of the inventory (../shared/derivations/NNNNN.md beside the project) is encoded.
    /// A plain clone has no such folder: then this is skipped, saying so, rather than failed; a
    /// folder that is present but misses an article's file still fails.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: VerdictTests.inventories.path),
                   "inventories in ../shared/derivations are absent (a user's clone): coverage not checked"),
          arguments: Articles.all.map(\.number))
    func inventoryIsCovered(article: Int) throws {
        let inventory = Self.inventories.appendingPathComponent("\(article).md")
        let text = try String(contentsOf: inventory, encoding: .utf8)
        let ids = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("### \(article).") else { return nil }
            return line.dropFirst(4).split(separator: " ").first.map(String.init)
        }
        #expect(!ids.isEmpty)
        let encoded = Set(Articles.derivation(article)?.steps.map(\.id) ?? [])
        let missing = ids.filter { !encoded.contains($0) }
        #expect(missing.isEmpty, "not encoded: \(missing)")
    }
}
