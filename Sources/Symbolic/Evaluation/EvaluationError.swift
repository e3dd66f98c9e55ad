/// Why an expression could not be evaluated. Each case names the offending node (as LaTeX)
/// so that a failure report points at the place in the derivation.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unboundSymbol(String)
    case unboundFamily(String)
    case domainError(function: String, argument: String, node: String)
    case divisionByZero(node: String)
    case nonFinite(node: String)
    case shapeMismatch(node: String)
    case notAnInteger(node: String, value: String)
    case boundTooLarge(node: String, count: Int)
    case needsStatistics(node: String)
    case quadratureFailed(node: String, detail: String)
    case unsupported(String)

    public var description: String {
        switch self {
        case let .unboundSymbol(name): return "unbound symbol '\(name)'"
        case let .unboundFamily(name): return "no values given for the indexed family '\(name)'"
        case let .domainError(function, argument, node): return "domain error: \(function) of \(argument) in \(node)"
        case let .divisionByZero(node): return "division by zero in \(node)"
        case let .nonFinite(node): return "non-finite result in \(node)"
        case let .shapeMismatch(node): return "vector dimensions differ in \(node)"
        case let .notAnInteger(node, value): return "\(node) must be an integer, got \(value)"
        case let .boundTooLarge(node, count): return "\(node) would take \(count) terms (limit \(Evaluator.maximumTerms))"
        case let .needsStatistics(node): return "\(node) is an expectation over a random model; it needs Monte Carlo or an exact moment rule"
        case let .unsupported(what): return "unsupported: \(what)"
        case let .quadratureFailed(node, detail): return "\(node): \(detail)"
        }
    }
}
