import Symbolic

extension Articles {
    /// 11301 — Rethinking learning rate and batch size (IV): EMA (kexue.fm/archives/11301).
    /// Steps follow ../shared/derivations/11301.md; sections are cited by their Chinese titles.
    public static let emaBatchSize = Derivation(
        11301, title: "Rethinking learning rate and batch size (IV): EMA", originalTitle: "重新思考学习率与Batch Size（四）：EMA",
        steps: Article11301.steps)
}

enum Article11301 {
    typealias N = Notation
    typealias L = EMABatchSizeLaws
    static let (beta1, beta2, t) = (N.beta1, N.beta2, N.t)
    static let g = N.g
    static let i = N.i
    static let k = L.k
    static let (batch, bSimple, beta) = (L.batch, L.bSimple, L.beta)
    static let bNoise: Expr = .symbol(Symbol("Bnoise", latex: "\\mathcal{B}_{\\text{noise}}"))
    static let eta: Expr = N.eta
    static let etaMax: Expr = .symbol(Symbol("etamax", latex: "\\eta_{\\max}"))
    static let twoBeta1 = 2 * beta1 / (1 + beta1)

    static var steps: [Step] { problem + momentum + signMomentum + adam + specialCases + general }

    // MARK: vectors and matrices

    /// A random vector shown under its own name (component-wise identities).
    static func randomVector(_ shown: Symbol, _ source: String) -> Expr { .named(shown, Family(Symbol(source))[0]) }
    static func vectorSource(_ source: String, dimension: Int, _ lower: Double, _ upper: Double) -> Parameter {
        Parameter(Symbol(source), .family(dimension: dimension, lower: lower, upper: upper))
    }
    static let gVector = randomVector(Symbol.vector("g", latex: "\\boldsymbol{g}_t"), "gSample")
    static let sigma2Vector = randomVector(Symbol.vector("sigma2", latex: "\\boldsymbol{\\sigma}_t^2"), "sigma2Sample")
    /// g ∈ (-2, 2)^4 (zero has probability 0), σ² ∈ (0.1, 3)^4.
    static let moments: [Parameter] = [vectorSource("gSample", dimension: 4, -2, 2), vectorSource("sigma2Sample", dimension: 4, 0.1, 3)]

    /// Column vectors as n×1 matrices, so that outer products ggᵀ and traces are matrix products.
    static let gColumn: Expr = .symbol(Symbol.matrix("G", latex: "\\boldsymbol{g}"))
    static let hessian: Expr = .symbol(Symbol.matrix("H"))
    static let covariance: Expr = .symbol(Symbol.matrix("Sigma", latex: "\\boldsymbol{\\Sigma}"))
    static let factorA: Expr = .symbol(Symbol.matrix("Afactor", latex: "\\boldsymbol{A}"))
    static let factorC: Expr = .symbol(Symbol.matrix("Cfactor", latex: "\\boldsymbol{C}"))
    /// sign(g) as an n×1 matrix.
    static let signColumn = Expr.named(Symbol.matrix("s", latex: "\\sign(\\boldsymbol{g})"), sign(gColumn))
    static let meanPhiLaTeX = "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B]"
    static let secondPhiLaTeX = "\\mathbb{E}[\\tilde{\\boldsymbol{\\varphi}}_B\\tilde{\\boldsymbol{\\varphi}}_B^{\\top}]"

    /// g ~ N(0, I) as an n×1 matrix; H = AAᵀ/n + 0.1 I and Σ = CCᵀ/n + 0.1 I symmetric positive definite.
    static func matrices(_ n: Int, _ extra: [Parameter]) -> ParameterSpace {
        let size = Expr(integerLiteral: n)
        return ParameterSpace([
            Parameter(gColumn, .gaussianMatrix(rows: n, columns: 1)),
            Parameter(factorA, .gaussianMatrix(rows: n, columns: n)),
            Parameter(factorC, .gaussianMatrix(rows: n, columns: n)),
            Parameter(hessian, .derived(factorA * transpose(factorA) / size + 0.1 * identityMatrix(size))),
            Parameter(covariance, .derived(factorC * transpose(factorC) / size + 0.1 * identityMatrix(size))),
        ] + extra)
    }

    /// eq:eta-opt: E[φ]ᵀg / tr(E[φφᵀ]H), with E[φ] and g as n×1 matrices.
    static func etaOpt(mean: Expr, second: Expr) -> Expr {
        trace(transpose(.named(Symbol.matrix("Ephi", latex: meanPhiLaTeX), mean)) * gColumn)
            / trace(.named(Symbol.matrix("Ephiphi", latex: secondPhiLaTeX), second) * hessian)
    }

    static let gHg = trace(transpose(gColumn) * hessian * gColumn)
    static let etaMaxValue = Expr.named(Symbol("etamax", latex: "\\eta_{\\max}"), trace(transpose(gColumn) * gColumn) / gHg)
    static let bNoiseValue = Expr.named(Symbol("Bnoise", latex: "\\mathcal{B}_{\\text{noise}}"), trace(covariance * hessian) / gHg)
    static let betaDerived = Parameter(beta, .derived(L.betaOfBatch))

    // MARK: index notation (families of scalars, δ_ij by a piecewise node)

    static func delta(_ a: Expr, _ b: Expr) -> Expr { .piecewise([Branch(Condition(a, .equal, b), 1)], otherwise: 0) }
    static func scalarFamily(_ name: String, latex: String) -> Family { Family(Symbol(name, latex: latex)) }
}
