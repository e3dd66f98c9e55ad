import Foundation
import Symbolic

/// Checks steps concurrently (at most `jobs` at a time) and draws a progress bar on stderr
/// when stderr is a terminal.
enum StepRunner {
    static func run(_ steps: [Step], checker: Checker, jobs: Int) async -> [String: StepResult] {
        var results: [String: StepResult] = [:]
        let progress = Progress(total: steps.count)
        await withTaskGroup(of: StepResult.self) { group in
            var next = 0
            func launch() {
                let step = steps[next]
                group.addTask { checker.check(step) }
                next += 1
            }
            while next < min(jobs, steps.count) { launch() }
            for await result in group {
                results[result.id] = result
                progress.advance(to: results.count, current: result.id)
                if next < steps.count { launch() }
            }
        }
        progress.finish()
        return results
    }
}

/// A one-line progress bar, only on an interactive terminal so logs stay clean.
struct Progress {
    let total: Int
    let enabled = isatty(STDERR_FILENO) != 0

    func advance(to done: Int, current: String) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(current)      ".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
