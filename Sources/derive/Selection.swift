import ArgumentParser
import Derivations
import Symbolic

/// Resolves the command line's step selectors: "all", an article number ("11267") or step IDs.
enum Selection {
    static func resolve(_ selectors: [String]) throws -> [(Derivation, [Step])] {
        let wanted = selectors.isEmpty ? ["all"] : selectors
        var chosen: [String: Set<String>] = [:]
        for selector in wanted {
            if selector == "all" {
                for d in Articles.all { chosen["\(d.number)", default: []].formUnion(d.steps.map(\.id)) }
            } else if let number = Int(selector) {
                guard let d = Articles.derivation(number) else {
                    throw ValidationError("unknown article \(selector); encoded: \(Articles.all.map { "\($0.number)" }.joined(separator: ", "))")
                }
                chosen["\(number)", default: []].formUnion(d.steps.map(\.id))
            } else if let (d, step) = Articles.step(selector) {
                chosen["\(d.number)", default: []].insert(step.id)
            } else {
                throw ValidationError("unknown step ID '\(selector)' (expected NNNNN.k, an article number, or 'all'; try 'derive list')")
            }
        }
        return Articles.all.compactMap { d in
            guard let ids = chosen["\(d.number)"] else { return nil }
            return (d, d.steps.filter { ids.contains($0.id) })
        }
    }
}
