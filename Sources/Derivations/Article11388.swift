import Symbolic

extension Articles {
    /// 11388 — Steepest descent on manifolds (5): dual gradient descent (kexue.fm/archives/11388).
    /// Steps follow ../shared/derivations/11388.md; G, W, Θ are seeded samples rebuilt natively
    /// (Shared/DualGradientDescent.swift) from (n, m, seed) at each precision.
    public static let dualGradientDescent = Derivation(
        11388, title: "Steepest descent on manifolds (5): dual gradient descent", originalTitle: "流形上的最速下降：5. 对偶梯度下降",
        steps: Article11388.steps)
}

enum Article11388 {
    static let (n, m, s, i, j, k) = (Expr.symbol("n"), Expr.symbol("m"), Expr.symbol("s"), Expr.symbol("i"), Expr.symbol("j"), Expr.symbol("k"))
    static let (a, b, lambda, kind, eta, eps) = (Expr.symbol("a"), Expr.symbol("b"), Notation.lambda, Expr.symbol("kappa"), Notation.eta, Notation.epsilon)
    static let G: Expr = .symbol(Symbol.matrix("G"))
    static let Theta: Expr = .symbol(Symbol.matrix("Theta", latex: "\\boldsymbol{\\Theta}"))
    static let W: Expr = .symbol(Symbol.matrix("W"))
    static let Phi: Expr = .symbol(Symbol.matrix("Phi", latex: "\\boldsymbol{\\Phi}"))
    static let P: Expr = .symbol(Symbol.matrix("P"))
    static let Q: Expr = .symbol(Symbol.matrix("Q"))
    static let LambdaM: Expr = .symbol(Symbol.matrix("Lambda", latex: "\\boldsymbol{\\Lambda}"))
    static let X: Expr = .symbol(Symbol.matrix("X"))
    static let t: Expr = Notation.t

    /// A seeded sample of shape n×m (seed random) with entry indices i ≤ n, j ≤ m.
    static func entries(_ rows: Int, _ columns: Int, _ extra: [Parameter] = [], indexRows: Int? = nil) -> ParameterSpace {
        ParameterSpace([Parameter(n, .fixed(Expr.number(Rational(rows)))), Parameter(m, .fixed(Expr.number(Rational(columns)))),
                        Parameter(s, .integers(1...100_000)),
                        Parameter(i, .integers(1...(indexRows ?? rows))), Parameter(j, .integers(1...columns))] + extra)
    }
    static func sampleAt(_ rows: Int, _ columns: Int, seeds: [Int], _ extra: [Parameter] = []) -> ParameterSpace {
        ParameterSpace([Parameter(n, .fixed(Expr.number(Rational(rows)))), Parameter(m, .fixed(Expr.number(Rational(columns)))),
                        Parameter(s, .values(seeds.map { Expr.number(Rational($0)) }))] + extra)
    }
    static func gaussians(_ rows: Int, _ columns: Int, _ symbols: [Expr], _ extra: [Parameter] = []) -> ParameterSpace {
        ParameterSpace(symbols.map { Parameter($0, .gaussianMatrix(rows: rows, columns: columns)) } + extra)
    }
    static func tiny(_ digits: Int) -> Expr { 1 / Expr.number(Rational(10)) ** Expr.number(Rational(digits)) }

    /// The shape grid of the solution-form claims: n = m, m < n < 2m, n ≥ 2m, both parities.
    static let shapes: [(Int, Int)] = [(3, 3), (4, 4), (4, 3), (5, 3), (5, 4), (6, 4), (7, 4), (7, 5), (6, 3), (7, 3), (8, 4), (9, 4)]
    static let gridSeeds = [1, 2, 3, 4]

    static var steps: [Step] { basics + problems + dualObjective + descent + stiefelSteps + lagrange }
}
