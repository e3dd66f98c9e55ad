import Symbolic

extension Articles {
    /// 11285 — Rethinking learning rate and batch size (III): Muon (kexue.fm/archives/11285).
    /// Steps follow ../shared/derivations/11285.md; "display #n" counts the article's equations.
    public static let muonBatchSize = Derivation(
        11285, title: "Rethinking learning rate and batch size (III): Muon", originalTitle: "重新思考学习率与Batch Size（三）：Muon",
        steps: Article11285.steps)
}

enum Article11285 {
    static var steps: [Step] { setup + expectationSteps + sameLaw }

    // MARK: notation (the article's symbols)

    static let G: Expr = .symbol(Symbol.matrix("G"))
    static let W: Expr = .symbol(Symbol.matrix("W"))
    static let X: Expr = .symbol(Symbol.matrix("X"))
    static let Y: Expr = .symbol(Symbol.matrix("Y"))
    /// Standard Gaussian noise directions; the batch noise is (σ/√B)·Z.
    static let Z: Expr = .symbol(Symbol.matrix("Z"))
    static let GB: Expr = .symbol(Symbol.matrix("GB", latex: "\\tilde{\\boldsymbol{G}}_B"))
    static let n: Expr = .symbol("n")
    static let m: Expr = .symbol("m")
    static let B: Expr = .symbol("B")
    static let sigma: Expr = .symbol("sigma")
    static let eta = Notation.eta
    static let etaMax: Expr = .symbol(Symbol("etamax", latex: "\\eta_{\\max}"))
    static let bSimple: Expr = .symbol(Symbol("Bsimple", latex: "\\mathcal{B}_{\\text{simple}}"))
    static let half = Expr.rational(1, 2)
    static let minusHalf = Expr.rational(-1, 2)

    static let gram = transpose(G) * G
    static let I = identityMatrix(m)
    /// The per-entry batch variance nσ²/B enters through c = nσ²/B.
    static let noise = n * sigma ** 2 / B

    /// Φ̃_B = msign(G̃_B), shown under the article's name.
    static func phi(_ gradient: Expr = GB) -> Expr {
        .named(Symbol.matrix("PhiB", latex: "\\tilde{\\boldsymbol{\\Phi}}_B"), msign(gradient))
    }

    /// The Muon Hessian of display #2's prose, HX = η_max⁻¹X(GᵀG)^{1/2}, as an operator on matrices.
    static func hessian(_ x: Expr) -> Expr {
        .named(Symbol.matrix("H(\(x.plainText))", latex: "\\boldsymbol{H}" + operand(x)), etaMax ** -1 * x * gram ** half)
    }

    /// H⁻¹X = η_max X(GᵀG)^{-1/2}.
    static func inverseHessian(_ x: Expr) -> Expr {
        .named(Symbol.matrix("Hinv(\(x.plainText))", latex: "\\boldsymbol{H}^{-1}" + operand(x)), etaMax * x * gram ** minusHalf)
    }

    static func operand(_ x: Expr) -> String {
        switch x {
        case .symbol, .named: return x.latex
        default: return "\\left(\(x.latex)\\right)"
        }
    }

    // MARK: parameter spaces

    /// The brief's 6×3, a square and a thin shape: every matrix identity is checked on all three.
    static let shapes = [(6, 3), (4, 4), (5, 2)]

    static func integer(_ k: Int) -> Expr { .number(Rational(k)) }

    /// G (n×m Gaussian), n, m, then `extra` (which may use them).
    static func matrices(_ rows: Int, _ columns: Int, _ extra: [Parameter] = []) -> ParameterSpace {
        ParameterSpace([Parameter(G, .gaussianMatrix(rows: rows, columns: columns)),
                        Parameter(n, .fixed(integer(rows))), Parameter(m, .fixed(integer(columns)))] + extra)
    }

    /// A batch gradient G̃_B = G + (σ/√B)Z with σ² ∈ (0.1, 2) and B ∈ [1, 64].
    static func batch(_ rows: Int, _ columns: Int, _ extra: [Parameter] = []) -> [Parameter] {
        [Parameter(Z, .gaussianMatrix(rows: rows, columns: columns)), Parameter(sigma, .uniform(0.3, 1.4)),
         Parameter(B, .uniform(1, 64)), Parameter(GB, .derived(G + sigma * B ** minusHalf * Z))] + extra
    }

    /// One identity per shape.
    static func overShapes(_ make: (Int, Int) -> Claim) -> Claim { .all(shapes.map(make)) }
}
