/// A scalar function implemented in Swift rather than as a tree: for exact expectations whose
/// tree form would cost thousands of nodes per evaluation. Identity is by name.
public struct ExternalFunction: Hashable, Sendable {
    public let name: String
    /// How the function is written, e.g. `\mathbb{E}_{\text{Gauss}}\left[m^2/v\right]`.
    public let latex: String
    public let arity: Int
    /// Arguments and the working precision in bits.
    public let evaluate: @Sendable ([BigFloat], Int) throws(EvaluationError) -> BigFloat

    public init(_ name: String, latex: String, arity: Int,
                _ evaluate: @escaping @Sendable ([BigFloat], Int) throws(EvaluationError) -> BigFloat) {
        self.name = name
        self.latex = latex
        self.arity = arity
        self.evaluate = evaluate
    }

    public static func == (a: ExternalFunction, b: ExternalFunction) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public func callAsFunction(_ args: Expr...) -> Expr { .external(self, args) }
}
