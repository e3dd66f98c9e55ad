import Foundation
import Symbolic
import Testing
@testable import Derivations

/// The committed LaTeX listings in proofs/ are exactly what the checker writes today, and every
/// one compiles with pdflatex without errors or lines running off the page.
struct ProofsTests {
    static func generated() -> [(name: String, text: String)] {
        var articles: [(Derivation, [StepResult], [Step])] = []
        var files: [(String, String)] = []
        for derivation in Articles.all {
            let results = derivation.steps.compactMap { CheckedSteps.results[$0.id] }
            articles.append((derivation, results, derivation.steps))
            files.append(("\(derivation.number).tex", LaTeXListing.document(derivation, results, steps: derivation.steps, seed: CheckedSteps.options.seed)))
        }
        files.append(("all.tex", LaTeXListing.combined(articles, seed: CheckedSteps.options.seed)))
        return files
    }

    @Test func committedListingsMatchRegeneration() throws {
        let proofs = CheckedSteps.root.appendingPathComponent("proofs")
        for (name, text) in Self.generated() {
            let committed = try String(contentsOf: proofs.appendingPathComponent(name), encoding: .utf8)
            #expect(committed == text, "proofs/\(name) differs from regeneration: run `make proofs` and commit")
        }
    }

    @Test func listingsCompileWithPdflatex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proofs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in Self.generated() {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["pdflatex", "-interaction=batchmode", "-halt-on-error", name]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "pdflatex failed on \(name) (is texlive installed? `make deps` installs it)")
            let log = (try? String(contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".tex", with: ".log")), encoding: .utf8)) ?? ""
            for line in log.split(separator: "\n") where line.hasPrefix("Overfull \\hbox") {
                // "Overfull \hbox (12.3pt too wide)": beyond half the 2 cm margin it runs off the page.
                let amount = line.split(separator: "(").dropFirst().first?.split(separator: "p").first.flatMap { Double($0) } ?? 0
                #expect(amount < 28, "\(name): \(line)")
            }
        }
    }
}
