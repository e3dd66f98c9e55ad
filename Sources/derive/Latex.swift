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

    /// Rejects an `--out` that can never be a folder before any parsing of selectors or checking.
    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out needs a folder, got an empty string") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--out \(out) is a file, need a folder")
        }
    }

    func run() async throws {
        let selection = try Selection.resolve(selectors)
        // The checks take minutes: a folder that cannot be written must stop us before them.
        let folder = try Self.prepare(out)
        let checkOptions = options.checkOptions
        let steps = selection.flatMap { $0.1 }
        let results = await StepRunner.run(steps, checker: Checker(options: checkOptions), jobs: checkOptions.jobs)
        var articles: [(Derivation, [StepResult], [Step])] = []
        for (derivation, chosen) in selection {
            let rows = chosen.compactMap { results[$0.id] }
            articles.append((derivation, rows, chosen))
            let text = LaTeXListing.document(derivation, rows, steps: chosen, seed: checkOptions.seed)
            try write(text, to: folder.appendingPathComponent("\(derivation.number).tex"))
        }
        try write(LaTeXListing.combined(articles, seed: checkOptions.seed), to: folder.appendingPathComponent("all.tex"))
        try Output.line("wrote \(articles.count) article listing\(articles.count == 1 ? "" : "s") and all.tex to \(out)/")
        try Output.finish()
    }

    /// Creates `path` (and missing parents) and proves it writable by creating and removing a
    /// probe file: permission bits say nothing when running as root or on a read-only mount.
    /// Folders are made one by one with mkdir(2) so that a failure names the part that is wrong.
    static func prepare(_ path: String) throws(ListingFileError) -> URL {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw .notAFolder(prefix) }
                continue
            }
            // EEXIST: made meanwhile by someone else, fine if it is a folder.
            if mkdir(prefix, 0o777) != 0, errno != EEXIST {
                throw .cannotCreate(prefix, reason: String(cString: strerror(errno)))
            }
        }
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        let probe = folder.appendingPathComponent(".derive-write-test-\(ProcessInfo.processInfo.processIdentifier)").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
        close(descriptor)
        unlink(probe)
        return folder
    }

    func write(_ text: String, to url: URL) throws(ListingFileError) {
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(url.path, reason: error.localizedDescription)
        }
    }
}

/// Why `derive latex` could not put its listings where `--out` asked.
enum ListingFileError: Error, CustomStringConvertible {
    case notAFolder(String)
    case cannotCreate(String, reason: String)
    case cannotWrite(String, reason: String)

    var description: String {
        switch self {
        case let .notAFolder(path): return "\(path) is a file, need a folder"
        case let .cannotCreate(path, reason): return "cannot create the folder \(path): \(reason)"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        }
    }
}
