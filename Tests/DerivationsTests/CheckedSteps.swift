import Dispatch
import Foundation
import Symbolic
@testable import Derivations

/// Every encoded step checked once per test run with the default options, in parallel, shared
/// by the verdict tests and the listing tests (the same run `derive check all` makes).
enum CheckedSteps {
    static let options = CheckOptions()

    static let results: [String: StepResult] = {
        let steps = Articles.all.flatMap(\.steps)
        let store = ResultStore(count: steps.count)
        let checker = Checker(options: options)
        DispatchQueue.concurrentPerform(iterations: steps.count) { k in
            store.set(k, checker.check(steps[k]))
        }
        return Dictionary(uniqueKeysWithValues: store.all().map { ($0.id, $0) })
    }()

    /// The project's root folder (two levels above this file's folder).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Slots written once each by the parallel checks.
final class ResultStore: @unchecked Sendable {
    private var slots: [StepResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: StepResult) {
        lock.lock()
        slots[k] = r
        lock.unlock()
    }
    func all() -> [StepResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
