import ArgumentParser
import Derivations
import Foundation
import Symbolic

struct Latex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check steps and write LaTeX step listings: one standalone NNNNN.tex per article and all.tex.")

    @Argument(help: "Article numbers, step IDs or 'all' (default: all).")
    var selectors: [String] = []

    @Option(help: "Folder to write into (created if missing).")
    var out: String = "proofs"

    @OptionGroup var options: CheckingOptions

    func run() async throws {
        let selection = try Selection.resolve(selectors)
        let checkOptions = options.checkOptions
        let steps = selection.flatMap { $0.1 }
        let results = await StepRunner.run(steps, checker: Checker(options: checkOptions), jobs: checkOptions.jobs)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create \(out): \(error.localizedDescription)")
        }
        var articles: [(Derivation, [StepResult], [Step])] = []
        for (derivation, chosen) in selection {
            let rows = chosen.compactMap { results[$0.id] }
            articles.append((derivation, rows, chosen))
            let text = LaTeXListing.document(derivation, rows, steps: chosen, seed: checkOptions.seed)
            try write(text, to: folder.appendingPathComponent("\(derivation.number).tex"))
        }
        try write(LaTeXListing.combined(articles, seed: checkOptions.seed), to: folder.appendingPathComponent("all.tex"))
        print("wrote \(articles.count) article listing\(articles.count == 1 ? "" : "s") and all.tex to \(out)/")
    }

    func write(_ text: String, to url: URL) throws {
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
