import Foundation

/// Results of expensive pure computations (exact expectations by quadrature, seeded
/// simulations), shared by every step of one checking run. It belongs to the run's
/// `CheckOptions`, never to a global: two runs never see each other's values.
///
/// A key is computed at most once: concurrent askers of the same key wait for the first.
public final class EvaluationCache: @unchecked Sendable {
    private enum Entry {
        case computing(NSCondition)
        case done(Any)
    }
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    public init() {}

    /// The value stored under `key`, computing it with `compute` if absent. A thrown error is
    /// not stored: the next asker computes again (and will normally throw the same error).
    public func value<T, E: Error>(_ key: String, as type: T.Type = T.self, _ compute: () throws(E) -> T) throws(E) -> T {
        while true {
            lock.lock()
            switch entries[key] {
            case let .done(value)?:
                lock.unlock()
                if let typed = value as? T { return typed }
                return try compute()  // same key, other type: do not share
            case let .computing(condition)?:
                lock.unlock()
                condition.lock()
                _ = condition.wait(until: Date().addingTimeInterval(0.05))
                condition.unlock()
                continue
            case nil:
                let condition = NSCondition()
                entries[key] = .computing(condition)
                lock.unlock()
                do {
                    let value = try compute()
                    finish(key, .done(value), condition)
                    return value
                } catch {
                    finish(key, nil, condition)
                    throw error
                }
            }
        }
    }

    private func finish(_ key: String, _ entry: Entry?, _ condition: NSCondition) {
        lock.lock()
        entries[key] = entry
        lock.unlock()
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }
}
