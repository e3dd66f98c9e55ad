import Symbolic

/// Symbols shared by the optimizer articles, written as the articles write them.
enum Notation {
    static let beta1: Expr = .symbol(Symbol("beta1"))
    static let beta2: Expr = .symbol(Symbol("beta2"))
    static let beta3: Expr = .symbol(Symbol("beta3"))
    static let eta: Expr = .symbol(Symbol("eta"))
    static let lambda: Expr = .symbol(Symbol("lambda"))
    static let epsilon: Expr = .symbol(Symbol("epsilon"))
    static let t: Expr = .symbol(Symbol("t"))
    static let d: Expr = .symbol(Symbol("d"))
    static let mu: Expr = .symbol(Symbol.vector("mu"))
    static let sigma: Expr = .symbol(Symbol.vector("sigma"))
    /// The gradients 𝒈_1, 𝒈_2, … (element-wise vectors).
    static let g = Family(Symbol.vector("g"))
    /// Bound indices used by the articles' sums.
    static let i: Expr = .symbol(Symbol("i"))
    static let j: Expr = .symbol(Symbol("j"))
}
