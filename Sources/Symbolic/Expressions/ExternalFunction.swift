/// A scalar function implemented in Swift rather than as a tree: for exact expectations whose
/// tree form would cost thousands of nodes per evaluation. Identity is by name.
public struct ExternalFunction: Hashable, Sendable {
    /// What an implementation gets besides its arguments.
    public struct Context: Sendable {
        public let precision: Int
        /// The run's cache, for sharing intermediate results between functions (e.g. one
        /// simulation behind several observables); `nil` outside a checking run.
        public let cache: EvaluationCache?
    }

    public let name: String
    /// How the function is written, e.g. `\mathbb{E}_{\text{Gauss}}\left[m^2/v\right]`.
    public let latex: String
    public let arity: Int
    /// A Double-precision computation (a simulation) gives the same value at every precision:
    /// it is computed once per run instead of once per precision.
    public let precisionIndependent: Bool
    let implementation: @Sendable ([BigFloat], Context) throws(EvaluationError) -> BigFloat

    /// A function of its arguments at the working precision in bits.
    public init(_ name: String, latex: String, arity: Int,
                _ evaluate: @escaping @Sendable ([BigFloat], Int) throws(EvaluationError) -> BigFloat) {
        self.name = name
        self.latex = latex
        self.arity = arity
        self.precisionIndependent = false
        self.implementation = { (args: [BigFloat], context: Context) throws(EvaluationError) -> BigFloat in
            try evaluate(args, context.precision)
        }
    }

    /// A function that sees the run's context (precision and cache).
    public init(_ name: String, latex: String, arity: Int, precisionIndependent: Bool,
                _ evaluate: @escaping @Sendable ([BigFloat], Context) throws(EvaluationError) -> BigFloat) {
        self.name = name
        self.latex = latex
        self.arity = arity
        self.precisionIndependent = precisionIndependent
        self.implementation = evaluate
    }

    /// Evaluates, memoized in `cache` by (name, arguments, and precision unless independent).
    public func evaluate(_ args: [BigFloat], precision: Int, cache: EvaluationCache?) throws(EvaluationError) -> BigFloat {
        let context = Context(precision: precision, cache: cache)
        guard let cache else { return try implementation(args, context) }
        let key = "external:" + name + "(" + args.map { $0.decimalString(digits: 45) }.joined(separator: ",") + ")"
            + (precisionIndependent ? "" : "@\(precision)")
        let value = try cache.value(key) { () throws(EvaluationError) -> BigFloat in try implementation(args, context) }
        return value.precision == precision ? value : value.rounded(toPrecision: precision)
    }

    /// A Double model (a simulation, a numerical run of a schedule) takes the experiment's
    /// configuration as its arguments, formulas such as a burn-in of 5/(ηλ) steps included:
    /// editing one is another experiment, not a slip in the formula around it.
    public var argumentsAreConfiguration: Bool { precisionIndependent }

    public static func == (a: ExternalFunction, b: ExternalFunction) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public func callAsFunction(_ args: Expr...) -> Expr { .external(self, args) }
}
