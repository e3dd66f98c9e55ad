import Foundation
import Testing

/// The built `derive` program never reports a success that did not happen: output that cannot
/// be delivered and a `--out` that cannot be written end with a message and a non-zero status,
/// the latter before any checking starts.
@Suite(.enabled(if: DeriveExecutable.url != nil,
                "no derive executable beside the test bundle or in .build/release: command-line tests skipped"))
struct CommandLineTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
        let timedOut: Bool
    }

    /// Runs `derive` with `arguments`; `stdout` replaces a capturing pipe when given. With
    /// `closingStdout` the program is started by a shell with descriptor 1 closed.
    static func run(_ arguments: [String], stdout: FileHandle? = nil, closingStdout: Bool = false,
                    deadline: Double = 60) throws -> Outcome {
        let executable = try #require(DeriveExecutable.url)
        let process = Process()
        if closingStdout {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = stdout ?? output
        process.standardError = errors
        let start = Date()
        try process.run()
        // A command that ignores a bad --out would check for minutes: stop it rather than wait.
        while process.isRunning, Date().timeIntervalSince(start) < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let text = { (pipe: Pipe) in String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        return Outcome(status: process.terminationStatus, stdout: stdout == nil ? text(output) : "",
                       stderr: text(errors), seconds: seconds, timedOut: timedOut)
    }

    /// Cheap commands: 11267.2 is a definition, so nothing is computed.
    static let commands: [[String]] = [["check", "11267.2"], ["check", "11267.2", "--json"], ["list"], ["show", "11267.2"]]

    /// The control: the same commands succeed when standard output works.
    @Test(arguments: commands)
    func succeedsWithAWorkingStdout(arguments: [String]) throws {
        let outcome = try Self.run(arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stdout.contains("11267.2"))
    }

    @Test(arguments: commands)
    func fullStdoutFails(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"), "no /dev/full on this system")
        let outcome = try Self.run(arguments, stdout: full)
        #expect(outcome.status != 0, "\(arguments) > /dev/full exited 0")
        #expect(outcome.stderr.contains("cannot write to standard output"), "\(arguments): \(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
    }

    @Test(arguments: commands)
    func closedStdoutFails(arguments: [String]) throws {
        let outcome = try Self.run(arguments, closingStdout: true)
        #expect(outcome.status != 0, "\(arguments) >&- exited 0")
        #expect(outcome.stderr.contains("standard output is closed"), "\(arguments): \(outcome.stderr)")
    }

    /// A pipe whose reader is gone before the first write: EPIPE is reported, not a silent SIGPIPE.
    @Test func brokenPipeFails() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        close(descriptors[0])
        let writeEnd = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
        let outcome = try Self.run(["list"], stdout: writeEnd)
        #expect(outcome.status == 1, "status \(outcome.status): \(outcome.stderr)")
        #expect(outcome.stderr.contains("Broken pipe"), "\(outcome.stderr)")
    }

    /// `mutate --json` is one document: a summary with every outcome counted, counts by claim
    /// kind, and one record per mutant naming its step, the step's claim kind and the outcome.
    @Test func mutateJSONIsOneDocumentWithEveryOutcomeCounted() throws {
        let outcome = try Self.run(["mutate", "11390.29", "11267.3", "--json"], deadline: 120)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        for key in ["mutants", "killed", "survived", "equivalent", "implied", "alsoTrue", "notApplicable"] {
            #expect(summary[key] is Int, "summary lacks \(key)")
        }
        let mutants = try #require(document["mutants"] as? [[String: Any]])
        #expect(mutants.count == summary["mutants"] as? Int)
        #expect(Set(mutants.compactMap { $0["step"] as? String }) == ["11390.29", "11267.3"])
        #expect(mutants.allSatisfy { $0["kind"] is String && $0["outcome"] is String && $0["reason"] is String })
        // The quote 1.15 of the unit root 1.1446… moved by one unit is refuted either way.
        let quoteEdits = mutants.filter { ($0["mutation"] as? String)?.contains("quote 1.15") == true }
        #expect(quoteEdits.count == 2 && quoteEdits.allSatisfy { $0["outcome"] as? String == "killed" })
    }

    /// `latex all` would check every step for minutes: a bad `--out` must stop it within seconds.
    @Test func latexRefusesAnUnwritableOutBeforeChecking() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("derive-out-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for (out, message) in [(file.path, "is a file, need a folder"), (file.path + "/sub", "is a file, need a folder"),
                               ("", "empty string")] {
            let outcome = try Self.run(["latex", "all", "--out", out], deadline: 10)
            #expect(!outcome.timedOut, "--out '\(out)': still running after 10 s, so it was checking")
            #expect(outcome.status != 0, "--out '\(out)' exited 0")
            #expect(outcome.seconds < 10)
            #expect(outcome.stderr.contains(message), "--out '\(out)': \(outcome.stderr)")
        }
    }
}

/// Where the built program is. (Outside the suite: its trait cannot refer to the suite itself.)
enum DeriveExecutable {
    /// `swift test` builds `derive` into the same folder as the test bundle; the release folder of
    /// the package root is the fallback for a runner that lives elsewhere.
    static let url: URL? = {
        var candidates = [CheckedSteps.root.appendingPathComponent(".build/release/derive")]
        if let runner = Bundle.main.executableURL {
            candidates.insert(runner.deletingLastPathComponent().appendingPathComponent("derive"), at: 0)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
